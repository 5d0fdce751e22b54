# Ctrl-C in the REPL (m:check, coroutines, C loops, repeated Ctrl-C) and the history cap.
add_test(NAME repl_interrupts COMMAND sh ${CMAKE_SOURCE_DIR}/tests/repl_interrupt_test.sh ${CMAKE_BINARY_DIR}/zprime)
set_tests_properties(repl_interrupts PROPERTIES ENVIRONMENT "${ZP_TEST_ENV}" TIMEOUT 120)
