#!/bin/sh
# The newcomer's test: copy the committed tree (git archive HEAD) into an empty temporary folder
# with no development data folder beside it and no ZPRIME_DATA, run the README's main command there (set up,
# build, reproduce the paper), require exit status 0 and a report saying every printed number
# was reproduced, run every example in examples/, then install, move the tree away and run the
# installed copy from its prefix alone.
#   sh tests/scripts/fresh_tree.sh SOURCE_DIR
# Needs git and the Debian packages of scripts/setup.sh (it installs none when they are there).
set -u
src=$1
fail() { echo "fresh_tree: FAIL: $1"; exit 1; }
if ! git -C "$src" rev-parse --is-inside-work-tree >/dev/null 2>&1; then
  fail "$src is not a git checkout, so there is no committed tree to copy (this test needs 'git archive HEAD'; run it from a clone)"
fi
base=$(mktemp -d /tmp/zprime-fresh-XXXXXX) || exit 1
trap 'rm -rf "$base"' EXIT
mkdir -p "$base/w/clone" "$base/w/elsewhere" || exit 1
[ -e "$base/w/shared" ] && fail "$base/w/shared exists"
git -C "$src" archive HEAD | tar -x -C "$base/w/clone" || fail "git archive HEAD failed"
echo "fresh_tree: committed tree $(git -C "$src" rev-parse --short HEAD) copied to $base/w/clone"

clean="env -u ZPRIME_DATA -u ZPRIME_TEST -u ZPRIME_JOBS -u ZPRIME_CHUNK -u ZPRIME_BIN -u ZPRIME_SOURCE -u LUA_PATH -u LUA_CPATH"
# the README's main command, as written there
cmd=$(sed -n '/^```sh$/,/^```$/p' "$base/w/clone/README.md" | grep -m1 'scripts/paper.lua')
[ -n "$cmd" ] || fail "README.md has no sh block with the main command (scripts/paper.lua)"
echo "fresh_tree: running: $cmd"
cd "$base/w/clone" || exit 1
$clean bash -c "$cmd" > main.log 2>&1
rc=$?
tail -n 40 main.log
[ "$rc" -eq 0 ] || fail "the README's main command exited with status $rc (log above)"
grep -q "^Every printed number was reproduced" main.log || fail "the report does not say every printed number was reproduced"
grep -Eq "FAIL +[0-9.]+ s   \(log:|scripts FAILED" main.log && fail "a figure or table script failed (report above)"

for ex in examples/*.lua; do
  $clean build/zprime "$ex" out/examples > ex.log 2>&1 || { cat ex.log; fail "$ex exited with status $?"; }
  echo "fresh_tree: $ex ok"
done

# install, move the tree away, run the installed copy from another folder
cmake --install build --prefix "$base/w/prefix" > /dev/null || fail "cmake --install failed"
mv "$base/w/clone" "$base/w/moved" || exit 1
cd "$base/w/elsewhere" || exit 1
$clean "$base/w/prefix/bin/zprime" "$base/w/prefix/share/zprime/examples/01_first_steps.lua" > ex.log 2>&1 \
  || { cat ex.log; fail "the installed zprime could not run example 01 with the source tree moved away"; }
$clean "$base/w/prefix/bin/zprime" -e "print('tables from ' .. zp.data_path()); print(zp.dm_limit('pandax2016', 70))" > data.log 2>&1 \
  || { cat data.log; fail "the installed zprime found no data with the source tree moved away"; }
cat data.log
echo "fresh_tree: ok"
