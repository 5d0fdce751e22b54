# Figure 4 prints the excluded m_Z' ranges of the paper's benchmark and why they differ from the
# paper's 300-390 GeV.
add_test(NAME fig4_excluded_range
  COMMAND zprime ${CMAKE_SOURCE_DIR}/scripts/figures/fig4_dilepton.lua ${CMAKE_BINARY_DIR}/fig4-out)
set_tests_properties(fig4_excluded_range PROPERTIES ENVIRONMENT "${ZP_TEST_ENV}" TIMEOUT 120
  PASS_REGULAR_EXPRESSION "LHC_dimuon_chi2 > 3.84: +[0-9]+-[0-9]+ GeV.*why it differs: ~10x more luminosity")
