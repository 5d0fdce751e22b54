# The heavy Z' + Dirac DM scripts run and print their key numbers (Fig. 3, benchmark table).
add_test(NAME fig3_lambda_uv
  COMMAND zprime ${CMAKE_SOURCE_DIR}/scripts/figures/fig3_lambda_uv.lua ${CMAKE_BINARY_DIR}/out)
set_tests_properties(fig3_lambda_uv PROPERTIES ENVIRONMENT "${ZP_TEST_ENV}" TIMEOUT 60
  PASS_REGULAR_EXPRESSION "mZp = 1200 GeV: g_chi = 2.910 \\(eq. 33\\).*Lambda = 11.7 TeV")
add_test(NAME heavy_benchmarks
  COMMAND zprime ${CMAKE_SOURCE_DIR}/scripts/figures/heavy_benchmarks.lua ${CMAKE_BINARY_DIR}/out contact)
set_tests_properties(heavy_benchmarks PROPERTIES ENVIRONMENT "${ZP_TEST_ENV}" TIMEOUT 60
  PASS_REGULAR_EXPRESSION "wrote .*heavy_benchmarks_contact.csv")
