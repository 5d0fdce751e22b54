#!/usr/bin/env bash
# Accuracy against cost of the exact Sommerfeld solver's tolerances (the table in
# docs/sommerfeld.md): S_exact over the Figure 7 plane at v = 1e-3 c and 1e-5 c for tolerances
# 1e-4 ... 1e-11 against 1e-13.   bash scripts/bench/sommerfeld_tol.sh [build-dir]
set -euo pipefail
cd "$(dirname "$0")/../.."
B=${1:-build}
[ -x "$B/bench_sommerfeld_tol" ] || bash scripts/setup.sh
"$B/bench_sommerfeld_tol"
