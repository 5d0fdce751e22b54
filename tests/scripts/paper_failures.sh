#!/bin/sh
# The report of scripts/paper.lua never claims success it does not have: with one figure script
# broken (a copy of scripts/ where Figure 7 raises an error), the run still reports everything
# else, names the failed script, its error and its log at the end, and exits 1.
#   sh tests/scripts/paper_failures.sh ZPRIME_BIN SOURCE_DIR WORK_DIR
set -u
bin=$1 src=$2 work=$3
rm -rf "$work" && mkdir -p "$work" || exit 1
cp -RL "$src/scripts" "$work/scripts" || exit 1   # -L: a copy, never a link back into the tree
[ -L "$work/scripts" ] && { echo "paper_failures: $work/scripts is a link"; exit 1; }
echo 'error("deliberate failure of the report test")' > "$work/scripts/figures/fig7_mphi_f.lua"
"$bin" "$work/scripts/paper.lua" --jobs 1 "$work/out" > "$work/report.txt" 2>&1
rc=$?
cat "$work/report.txt"
fail() { echo "paper_failures: $1"; exit 1; }
[ "$rc" -eq 1 ] || fail "exit status $rc, expected 1"
grep -q "Figure 7: m_phi vs f for the antiproton excess *FAIL" "$work/report.txt" || fail "Figure 7 not marked FAIL"
grep -q "1 of [0-9]* figure and table scripts FAILED" "$work/report.txt" || fail "no failure summary"
grep -q "Figure 7: m_phi vs f for the antiproton excess: exit status 1: .*deliberate failure of the report test" "$work/report.txt" \
  || fail "the summary does not say why"
grep -q "log: $work/out/logs/fig7_mphi_f.txt" "$work/report.txt" || fail "the summary does not give the log"
grep -q "Figure 6: g_chi vs f from the relic density *ok" "$work/report.txt" || fail "the other scripts did not run"
grep -q "Tables and figures ([0-9]* scripts in 1 lane)" "$work/report.txt" || fail "zprime's --jobs 1 did not reach paper.lua"
rm -rf "$work"
echo "paper_failures: ok"
