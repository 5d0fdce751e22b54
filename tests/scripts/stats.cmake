# Statistics scripts: the Delta chi^2 version of Figure 2 and the combined heavy-Z' fit.
# fig2_chi2: the minimum of the flavour chi^2 lies on the b -> s mu mu valley near the centre of
# the Gaussian C9 likelihood (-0.65, the middle of the 3 sigma window of eq. 13), pulled by B_s.
add_test(NAME fig2_chi2 COMMAND zprime ${CMAKE_SOURCE_DIR}/scripts/figures/fig2_chi2.lua ${CMAKE_BINARY_DIR}/out -n 60)
set_tests_properties(fig2_chi2 PROPERTIES ENVIRONMENT "${ZP_TEST_ENV}" TIMEOUT 120
  PASS_REGULAR_EXPRESSION "n_q = 2: chi2_min = [0-9.]+ at x = [0-9.]+ /TeV\\^2, theta_D = [0-9.e-]+ \\(C9 = -0\\.6[0-9]")
add_test(NAME combined_fit COMMAND zprime ${CMAKE_SOURCE_DIR}/scripts/figures/combined_fit.lua ${CMAKE_BINARY_DIR}/out -n 5)
set_tests_properties(combined_fit PROPERTIES ENVIRONMENT "${ZP_TEST_ENV}" TIMEOUT 300
  PASS_REGULAR_EXPRESSION "best fit \\(simplex, 7 starts\\): chi2_min = -?[0-9.]+, ndof = [0-9]+.*thetaD +68%: \\[")
# The statistics benchmark runs and reports its three figures (timings are not asserted).
add_test(NAME bench_stats COMMAND zprime ${CMAKE_SOURCE_DIR}/scripts/bench/stats.lua)
set_tests_properties(bench_stats PROPERTIES ENVIRONMENT "${ZP_TEST_ENV}" TIMEOUT 120
  PASS_REGULAR_EXPRESSION "fit_flavour_2par_ms [0-9.]+.*predict_mc_1e4_ms [0-9.]+.*dchi2_map_200x200_s [0-9.]+")
