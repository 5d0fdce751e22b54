# Scan machinery: the throughput benchmark runs (small grid) and prints its one line.
add_test(NAME bench_scan COMMAND zprime ${CMAKE_SOURCE_DIR}/scripts/bench/scan.lua 60)
set_tests_properties(bench_scan PROPERTIES ENVIRONMENT "${ZP_TEST_ENV}" TIMEOUT 60
  PASS_REGULAR_EXPRESSION "scan_points_per_s [0-9]+")
