# The light Z' + inelastic DM figures run and print their key numbers (Figs. 6 and 7).
add_test(NAME fig6_relic_gchi
  COMMAND zprime ${CMAKE_SOURCE_DIR}/scripts/figures/fig6_relic_gchi.lua ${CMAKE_BINARY_DIR}/out)
set_tests_properties(fig6_relic_gchi PROPERTIES ENVIRONMENT "${ZP_TEST_ENV}" TIMEOUT 60
  PASS_REGULAR_EXPRESSION "MED_MAX  R = 0.7532: g_chi = 0.783 at f = 0.*MIN      R = 0.6418")
add_test(NAME fig7_mphi_f
  COMMAND zprime ${CMAKE_SOURCE_DIR}/scripts/figures/fig7_mphi_f.lua ${CMAKE_BINARY_DIR}/out)
set_tests_properties(fig7_mphi_f PROPERTIES ENVIRONMENT "${ZP_TEST_ENV}" TIMEOUT 120
  PASS_REGULAR_EXPRESSION "MED m_phi \\(Hulthen / exact\\): f = 0.5: 10.2 / 9.95 GeV.*f_eff\\(b bbar\\) = 0.1929")
