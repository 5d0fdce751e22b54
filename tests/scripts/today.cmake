# Today's b -> s mu mu data: scripts/today.lua runs, writes its files and states the verdict.
add_test(NAME today_bsll COMMAND zprime ${CMAKE_SOURCE_DIR}/scripts/today.lua ${CMAKE_BINARY_DIR}/out)
set_tests_properties(today_bsll PROPERTIES ENVIRONMENT "${ZP_TEST_ENV}" TIMEOUT 120
  PASS_REGULAR_EXPRESSION "heavy benchmark \\(thetaD = 0.004\\): C9 = -0.283, R_K pull -1.6, R_K\\* pull -2.2, Delta chi\\^2\\(R_K, R_K\\*\\) = 8.3, B_s->mumu pull -0.8 -> excluded at 95% CL")
# The b -> s l l benchmark script runs (timings go to scripts/bench/run.sh, never into a test).
add_test(NAME bench_bsll COMMAND zprime ${CMAKE_SOURCE_DIR}/scripts/bench/bsll.lua 20)
set_tests_properties(bench_bsll PROPERTIES ENVIRONMENT "${ZP_TEST_ENV}" TIMEOUT 60
  PASS_REGULAR_EXPRESSION "R_K_bin_us [0-9.]+\nR_Kstar_bin_us")
