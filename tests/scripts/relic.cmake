# The relic-abundance benchmark runs and reports its rate (scripts/bench/relic.lua).
add_test(NAME bench_relic COMMAND zprime ${CMAKE_SOURCE_DIR}/scripts/bench/relic.lua 200)
set_tests_properties(bench_relic PROPERTIES ENVIRONMENT "${ZP_TEST_ENV}" TIMEOUT 120
  PASS_REGULAR_EXPRESSION "relic_solve_per_s [0-9.e+]+")
add_test(NAME relic_sigmav_vs_mass
  COMMAND zprime ${CMAKE_SOURCE_DIR}/scripts/figures/relic_sigmav_vs_mass.lua ${CMAKE_BINARY_DIR}/relic-out)
set_tests_properties(relic_sigmav_vs_mass PROPERTIES ENVIRONMENT "${ZP_TEST_ENV}" TIMEOUT 120
  PASS_REGULAR_EXPRESSION "wrote .*relic_sigmav_vs_mass.png")
