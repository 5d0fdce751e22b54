# Workshop examples (examples/*.lua, globbed at configure time).  Each runs twice:
#  example_<name>       as a script with an output directory under the build tree; must exit 0;
#  example_<name>_repl  pasted line by line at the prompt (zprime -i reading the file from standard
#                       input, arg[1] = the output directory); the REPL reports an error as a line
#                       "error: ..." and carries on, so such a line (or a traceback) fails the test.
file(GLOB ZP_EXAMPLES CONFIGURE_DEPENDS ${CMAKE_SOURCE_DIR}/examples/*.lua)
foreach(ex ${ZP_EXAMPLES})
  get_filename_component(name ${ex} NAME_WE)
  add_test(NAME example_${name} COMMAND zprime ${ex} ${CMAKE_BINARY_DIR}/examples-out)
  set_tests_properties(example_${name} PROPERTIES ENVIRONMENT "${ZP_TEST_ENV}" TIMEOUT 60)

  set(_repl_dir ${CMAKE_BINARY_DIR}/examples-repl/${name})
  add_test(NAME example_${name}_repl
    COMMAND sh -c "mkdir -p \"$2\" && \"$1\" -e \"arg = { [0] = 'repl', '$2' }\" -i < \"$3\""
            sh $<TARGET_FILE:zprime> ${_repl_dir} ${ex})
  set_tests_properties(example_${name}_repl PROPERTIES
    ENVIRONMENT "${ZP_TEST_ENV};HOME=${_repl_dir};ZPRIME_HISTORY=${_repl_dir}/history;TERM=dumb"
    TIMEOUT 60 FAIL_REGULAR_EXPRESSION "stack traceback;zprime: stdin:;\nerror: ")
endforeach()
