# Flavour sector: Table I and Figures 1-2 run and print their key numbers.
add_test(NAME table1 COMMAND zprime ${CMAKE_SOURCE_DIR}/scripts/figures/table1.lua)
set_tests_properties(table1 PROPERTIES ENVIRONMENT "${ZP_TEST_ENV}" TIMEOUT 60
  PASS_REGULAR_EXPRESSION "0.00028 <= x <= 0.00177 +0.00028 <= x <= 0.00177")
add_test(NAME fig1_z4mu COMMAND zprime ${CMAKE_SOURCE_DIR}/scripts/figures/fig1_z4mu.lua ${CMAKE_BINARY_DIR}/out)
set_tests_properties(fig1_z4mu PROPERTIES ENVIRONMENT "${ZP_TEST_ENV}" TIMEOUT 120
  PASS_REGULAR_EXPRESSION "g_l < 0.027 with zprime's width")
add_test(NAME fig2_flavour COMMAND zprime ${CMAKE_SOURCE_DIR}/scripts/figures/fig2_flavour.lua ${CMAKE_BINARY_DIR}/out)
set_tests_properties(fig2_flavour PROPERTIES ENVIRONMENT "${ZP_TEST_ENV}" TIMEOUT 120
  PASS_REGULAR_EXPRESSION "n_q = 2: trident x <= 8.8[0-9] /TeV\\^2;  theta_D\\(B_s\\) at x = 0.12: 0.0080")
