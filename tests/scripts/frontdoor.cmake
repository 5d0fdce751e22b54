# The main job's report is honest when a figure script fails (tests/scripts/paper_failures.sh).
add_test(NAME paper_report_failures
  COMMAND sh ${CMAKE_SOURCE_DIR}/tests/scripts/paper_failures.sh $<TARGET_FILE:zprime> ${CMAKE_SOURCE_DIR}
          ${CMAKE_BINARY_DIR}/paper-failures)
set_tests_properties(paper_report_failures PROPERTIES ENVIRONMENT "${ZP_TEST_ENV}" TIMEOUT 300
  PASS_REGULAR_EXPRESSION "paper_failures: ok")

# An installed copy runs from its prefix alone (tests/scripts/install_test.sh).
add_test(NAME install_prefix
  COMMAND sh ${CMAKE_SOURCE_DIR}/tests/scripts/install_test.sh ${CMAKE_BINARY_DIR} ${CMAKE_BINARY_DIR}/install-prefix-test)
set_tests_properties(install_prefix PROPERTIES TIMEOUT 120 PASS_REGULAR_EXPRESSION "install_test: ok")
if(ZPRIME_SANITIZE)
  # plain lua5.4 is not instrumented: preload the runtime for the installed module (as lua_specs)
  set_property(TEST install_prefix APPEND PROPERTY ENVIRONMENT "LD_PRELOAD=${_asan}" "ASAN_OPTIONS=detect_leaks=0")
endif()

# The newcomer: the committed tree in an empty folder, the README's main command, every example,
# and the installed copy with the tree moved away (tests/scripts/fresh_tree.sh).  `ctest -L fresh`
# runs it alone; it builds a second copy, so it is started first (COST).
add_test(NAME fresh_tree COMMAND sh ${CMAKE_SOURCE_DIR}/tests/scripts/fresh_tree.sh ${CMAKE_SOURCE_DIR})
set_tests_properties(fresh_tree PROPERTIES LABELS fresh TIMEOUT 1200 COST 1000
  PASS_REGULAR_EXPRESSION "fresh_tree: ok" FAIL_REGULAR_EXPRESSION "fresh_tree: FAIL")

# Every fenced sh/lua block of README.md and docs/*.md runs (tests/scripts/docs_blocks.lua;
# blocks that cannot run here carry <!-- docs-test: skip: reason --> before their fence).
add_test(NAME docs_commands
  COMMAND zprime ${CMAKE_SOURCE_DIR}/tests/scripts/docs_blocks.lua ${CMAKE_SOURCE_DIR} ${CMAKE_BINARY_DIR}
          ${CMAKE_BINARY_DIR}/docs-commands)
set_tests_properties(docs_commands PROPERTIES ENVIRONMENT "${ZP_TEST_ENV}" TIMEOUT 300
  PASS_REGULAR_EXPRESSION " 0 failed")

# `cmake --install` writes the build's install_manifest.txt: one install at a time.
set_tests_properties(install_prefix PROPERTIES RESOURCE_LOCK zprime_install)
if(TEST install_tree)
  set_tests_properties(install_tree PROPERTIES RESOURCE_LOCK zprime_install)
endif()
