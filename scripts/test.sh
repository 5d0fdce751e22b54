#!/usr/bin/env bash
# Run the whole test suite: build (Release, reusing an up-to-date build/), then ctest (C unit
# tests, busted specs, docs check, REPL test, paper validation).  With CI=true (or
# ZPRIME_SANITIZE=1) the suite runs a second time in an AddressSanitizer + UndefinedBehaviorSanitizer
# build.  The last line reports the time of each part.
set -euo pipefail
cd "$(dirname "$0")/.."
now() { date +%s.%N; }
since() { awk -v a="$1" -v b="$(now)" 'BEGIN { printf "%.1f", b - a }'; }
t0=$(now)
bash scripts/setup.sh
build_s=$(since "$t0")
t1=$(now)
ctest --test-dir build --output-on-failure -j2
tests_s=$(since "$t1")
report="test suite (Release): build ${build_s} s, tests ${tests_s} s"
if [ "${CI:-}" = "true" ] || [ "${ZPRIME_SANITIZE:-0}" = "1" ]; then
  t2=$(now)
  if ! grep -qs '^ZPRIME_SANITIZE:BOOL=ON$' build-asan/CMakeCache.txt; then
    cmake -S . -B build-asan -DCMAKE_BUILD_TYPE=Debug -DZPRIME_SANITIZE=ON >/dev/null
  fi
  cmake --build build-asan -j2
  ASAN_OPTIONS=detect_leaks=1:abort_on_error=0 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
    ctest --test-dir build-asan --output-on-failure -j2
  report="$report, sanitizer pass $(since "$t2") s"
fi
echo "$report; total $(since "$t0") s"
