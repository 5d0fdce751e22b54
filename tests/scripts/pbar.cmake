# Figure 5 and Table II (right side) of arXiv:1702.00395, and the antiproton-spectrum benchmark.
add_test(NAME fig5_pbar
  COMMAND zprime ${CMAKE_SOURCE_DIR}/scripts/figures/fig5_pbar.lua ${CMAKE_BINARY_DIR}/fig-out)
set_tests_properties(fig5_pbar PROPERTIES ENVIRONMENT "${ZP_TEST_ENV}" TIMEOUT 60
  PASS_REGULAR_EXPRESSION "MAX: q qbar at 826 GeV <-> b bbar at 18[0-9][0-9] GeV")

add_test(NAME table2_pbar
  COMMAND zprime ${CMAKE_SOURCE_DIR}/scripts/figures/table2.lua ${CMAKE_BINARY_DIR}/fig-out)
set_tests_properties(table2_pbar PROPERTIES ENVIRONMENT "${ZP_TEST_ENV}" TIMEOUT 60
  PASS_REGULAR_EXPRESSION "MED +\\| +808 5.2 \\+3 -2.4 +\\| +1950 31 \\+18 -14")

add_test(NAME bench_pbar
  COMMAND zprime ${CMAKE_SOURCE_DIR}/scripts/bench/pbar.lua 50)
set_tests_properties(bench_pbar PROPERTIES ENVIRONMENT "${ZP_TEST_ENV}" TIMEOUT 60
  PASS_REGULAR_EXPRESSION "pbar_spectrum_ms [0-9.e+-]+")
