#!/usr/bin/env bash
# Run the whole test suite: build, then ctest (C unit tests, busted specs, docs check, REPL
# test, paper validation).  With CI=true (or ZPRIME_SANITIZE=1) the suite runs a second time
# in an AddressSanitizer + UndefinedBehaviorSanitizer build.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
ctest --test-dir build --output-on-failure -j2
if [ "${CI:-}" = "true" ] || [ "${ZPRIME_SANITIZE:-0}" = "1" ]; then
  cmake -S . -B build-asan -DCMAKE_BUILD_TYPE=Debug -DZPRIME_SANITIZE=ON >/dev/null
  cmake --build build-asan -j"$(nproc)"
  ASAN_OPTIONS=detect_leaks=1:abort_on_error=0 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
    ctest --test-dir build-asan --output-on-failure -j2
fi
