# Shared by the cluster tests (sourced): BIN, SRC set by the caller.
#   setup_work DIR   a work directory with scripts/ from the source tree, zprime on PATH
#   reference DIR    fig2.csv of a single-process run in DIR
#   same_as_reference WORK REF   byte identity of WORK/fig2.csv with REF/fig2.csv
# FIG2_GRID keeps the grid small (the recipe is the same for any size).
export FIG2_GRID="${FIG2_GRID:-36x25}"
export PATH="$(cd "$(dirname "$BIN")" && pwd):$PATH"
setup_work() {
    mkdir -p "$1"
    ln -sfn "$SRC/scripts" "$1/scripts"
}
reference() {
    setup_work "$1"
    (cd "$1" && zprime scripts/figures/fig2_scan.lua >/dev/null) || { echo "FAIL: single-process run"; return 1; }
}
same_as_reference() {
    if [ ! -f "$1/fig2.csv" ]; then echo "FAIL: no merged $1/fig2.csv"; return 1; fi
    if cmp "$1/fig2.csv" "$2/fig2.csv"; then
        echo "ok: merged fig2.csv ($(wc -l < "$1/fig2.csv") lines) is byte-identical to a single-process run"
    else
        echo "FAIL: merged fig2.csv differs from the single-process run"; return 1
    fi
}
