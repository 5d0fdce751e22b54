# The Jupyter kernel (src/kernel) and the workshop notebook, when Debian's Jupyter is installed
# (bash scripts/setup.sh --notebook; CI installs it).  Debian's python3 is used: the packages are
# Debian's, whatever python3 comes first on PATH.
find_program(ZP_DEBIAN_PYTHON3 python3 PATHS /usr/bin NO_DEFAULT_PATH)
set(_zp_nb 1)
if(ZP_DEBIAN_PYTHON3)
  execute_process(COMMAND ${ZP_DEBIAN_PYTHON3} -c "import ipykernel, jupyter_client, nbconvert"
                  RESULT_VARIABLE _zp_nb OUTPUT_QUIET ERROR_QUIET)
endif()
if(_zp_nb EQUAL 0)
  add_test(NAME kernel COMMAND ${ZP_DEBIAN_PYTHON3} ${CMAKE_SOURCE_DIR}/tests/kernel/test_kernel.py
           $<TARGET_FILE:zprime>)
  set_tests_properties(kernel PROPERTIES ENVIRONMENT "${ZP_TEST_ENV};PYDEVD_DISABLE_FILE_VALIDATION=1"
                       TIMEOUT 180 FAIL_REGULAR_EXPRESSION "FAIL ")
  add_test(NAME workshop_notebook COMMAND ${ZP_DEBIAN_PYTHON3} ${CMAKE_SOURCE_DIR}/tests/kernel/run_notebook.py
           $<TARGET_FILE:zprime> ${CMAKE_SOURCE_DIR}/examples/workshop.ipynb ${CMAKE_BINARY_DIR}/notebook-out)
  set_tests_properties(workshop_notebook PROPERTIES ENVIRONMENT "${ZP_TEST_ENV};PYDEVD_DISABLE_FILE_VALIDATION=1"
                       TIMEOUT 300)
else()
  message(STATUS "Jupyter kernel tests off: no Debian python3 with ipykernel, jupyter_client and nbconvert "
                 "(bash scripts/setup.sh --notebook)")
endif()
