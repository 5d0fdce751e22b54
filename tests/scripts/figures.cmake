# Every figure script writes PNG + PDF + CSV + .dat + .gp, and each CSV's units line matches the
# registry's units (and the expected units of figure-specific columns).
add_test(NAME figures_complete
  COMMAND zprime ${CMAKE_SOURCE_DIR}/tests/figures/check_figures.lua ${CMAKE_SOURCE_DIR} ${CMAKE_BINARY_DIR}/figures-check)
set_tests_properties(figures_complete PROPERTIES ENVIRONMENT "${ZP_TEST_ENV}" TIMEOUT 300
  PASS_REGULAR_EXPRESSION "\n0 figure checks failed" FAIL_REGULAR_EXPRESSION "FAIL ")
