#!/bin/sh
# The GNU parallel recipe of docs/cluster.md, run from the docs' own text.
# usage: parallel_test.sh path/to/zprime path/to/source-tree
set -eu
BIN=$1 SRC=$2
command -v parallel >/dev/null 2>&1 || { echo "GNU parallel is not installed (Debian package parallel; scripts/setup.sh installs it)"; exit 1; }
. "$SRC/tests/cluster/common.sh"
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
block=$(sh "$SRC/tests/cluster/extract.sh" "$SRC/docs/cluster.md" parallel)
[ -n "$block" ] || { echo "FAIL: no 'parallel' block in docs/cluster.md"; exit 1; }
reference "$T/ref"
setup_work "$T/work"
mkdir -p "$T/home"   # GNU parallel keeps its state in ~/.parallel
(cd "$T/work" && HOME="$T/home" bash -euc "$block") || { echo "FAIL: the documented commands failed"; exit 1; }
same_as_reference "$T/work" "$T/ref"
# a missing slice: merge refuses the set and names the slice
rm "$T/work/fig2.csv" "$T/work/fig2-7of16.csv"
if (cd "$T/work" && zprime merge fig2-*of16.csv -o fig2.csv) > "$T/merge.out" 2>&1; then
    echo "FAIL: merge accepted 15 of 16 slices"; exit 1
fi
grep -q "7" "$T/merge.out" || { echo "FAIL: merge did not name slice 7:"; cat "$T/merge.out"; exit 1; }
[ ! -f "$T/work/fig2.csv" ] || { echo "FAIL: merge wrote fig2.csv from an incomplete set"; exit 1; }
echo "ok: merge refuses an incomplete set: $(head -1 "$T/merge.out")"
