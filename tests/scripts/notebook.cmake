# The Jupyter kernel (src/jupyter, `zprime --serve`) driven by jupyter_client, and the workshop
# notebook executed headless by nbconvert.  Both need Debian's Jupyter packages
# (`bash scripts/setup.sh --notebook`, which .ci/run does); without them they report SKIP.
add_test(NAME jupyter_kernel
  COMMAND /usr/bin/python3 ${CMAKE_SOURCE_DIR}/tests/jupyter/test_kernel.py $<TARGET_FILE:zprime> ${CMAKE_BINARY_DIR}/jupyter-kernel)
set_tests_properties(jupyter_kernel PROPERTIES ENVIRONMENT "${ZP_TEST_ENV};PYDEVD_DISABLE_FILE_VALIDATION=1"
  TIMEOUT 300 SKIP_RETURN_CODE 77 LABELS notebook)
add_test(NAME workshop_notebook
  COMMAND /usr/bin/python3 ${CMAKE_SOURCE_DIR}/tests/jupyter/run_notebook.py $<TARGET_FILE:zprime> ${CMAKE_SOURCE_DIR} ${CMAKE_BINARY_DIR}/workshop-notebook)
set_tests_properties(workshop_notebook PROPERTIES ENVIRONMENT "${ZP_TEST_ENV}" TIMEOUT 900 SKIP_RETURN_CODE 77
  LABELS notebook)
# The notebook holds the six example scripts: it is regenerated from them, never edited by hand.
add_test(NAME workshop_notebook_fresh
  COMMAND python3 ${CMAKE_SOURCE_DIR}/scripts/workshop_notebook.py --check)
