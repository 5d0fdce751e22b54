#!/bin/sh
# An installed copy finds its Lua library and data from its prefix: `cmake --install` into a
# temporary prefix, then, from another directory with every ZPRIME_* and LUA_* variable unset,
#  - <prefix>/bin/zprime runs examples/01_first_steps.lua with the data path cut down to the
#    prefix's share/zprime/data (the source tree's data/ removed from it);
#  - plain lua5.4 loads the installed module (lib/lua/5.4/zprime/core.so) and finds the same data;
#  - --help names the installed main job, examples and docs.
#   sh tests/scripts/install_test.sh BUILD_DIR WORK_DIR
set -u
build=$1 work=$2
fail() { echo "install_test: $1"; exit 1; }
rm -rf "$work" && mkdir -p "$work/elsewhere" || exit 1
cmake --install "$build" --prefix "$work/prefix" >/dev/null || fail "cmake --install failed"
prefix=$(cd "$work/prefix" && pwd -P)
for f in bin/zprime lib/lua/5.4/zprime/core.so share/zprime/lua/zprime/init.lua share/zprime/data/README.md \
         share/zprime/scripts/paper.lua share/zprime/examples/01_first_steps.lua share/zprime/docs/guide.md \
         share/zprime/README.md; do
  [ -e "$prefix/$f" ] || fail "$f is not installed"
done
cd "$work/elsewhere" || exit 1
clean="env -u ZPRIME_DATA -u ZPRIME_TEST -u ZPRIME_JOBS -u ZPRIME_CHUNK -u LUA_PATH -u LUA_CPATH -u LUA_PATH_5_4 -u LUA_CPATH_5_4"
only_prefix="local p = zp.data_path(); local d = '$prefix/share/zprime/data'; \
assert((':' .. p .. ':'):find(':' .. d .. ':', 1, true), 'installed data not in the path: ' .. p); zp.data_path(d)"
$clean "$prefix/bin/zprime" -e "$only_prefix" -e "dofile('$prefix/share/zprime/examples/01_first_steps.lua')" \
  -e "print('pbar table: ' .. #zp.pbar_spectrum{ mchi = 1950, mZp = 12, channel = 'b' }.E)" > out.txt 2>&1 \
  || { cat out.txt; fail "the installed zprime did not run example 01 from the prefix alone"; }
grep -q "pbar table: " out.txt || { cat out.txt; fail "no PPPC table read from the prefix"; }
$clean LUA_CPATH="$prefix/lib/lua/5.4/?.so;;" LUA_PATH="$prefix/share/zprime/lua/?.lua;$prefix/share/zprime/lua/?/init.lua;;" \
  lua5.4 -e "local zp = require 'zprime'; $only_prefix; print('module data: ' .. zp.dm_limit('pandax2016', 70))" > lua.txt 2>&1 \
  || { cat lua.txt; fail "plain lua5.4 with the installed module did not find the installed data"; }
grep -q "module data: " lua.txt || { cat lua.txt; fail "no limit table read through the module"; }
$clean "$prefix/bin/zprime" --help > help.txt || fail "--help failed"
grep -q "$prefix/share/zprime/scripts/paper.lua out" help.txt || { cat help.txt; fail "--help does not name the installed main job"; }
grep -q "$prefix/share/zprime/examples/" help.txt || fail "--help does not name the installed examples"
cd / && rm -rf "$work"
echo "install_test: ok"
