# The prompt a workshop uses: errors, printing, save/load, apropos, history (tests/repl_prompt_test.sh).
add_test(NAME repl_prompt COMMAND sh ${CMAKE_SOURCE_DIR}/tests/repl_prompt_test.sh ${CMAKE_BINARY_DIR}/zprime)
set_tests_properties(repl_prompt PROPERTIES ENVIRONMENT "${ZP_TEST_ENV}" TIMEOUT 120)
