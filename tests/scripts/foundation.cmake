# Installed tree: `cmake --install` then run the installed binary from another directory; it must
# find its Lua library beside itself (share/zprime/lua) without any environment variable.
add_test(NAME install_tree
  COMMAND sh -c "rm -rf '${CMAKE_BINARY_DIR}/install-test' && cmake --install '${CMAKE_BINARY_DIR}' --prefix '${CMAKE_BINARY_DIR}/install-test' >/dev/null && cd / && env -u LUA_PATH -u LUA_CPATH '${CMAKE_BINARY_DIR}/install-test/bin/zprime' -e 'assert(package.path:find(\"install%-test/bin/../share/zprime/lua\", 1, false), package.path) print(\"C9 = \" .. zp.model{}.C9_bsmumu)'")
set_tests_properties(install_tree PROPERTIES PASS_REGULAR_EXPRESSION "C9 = -0.29")

# The main job of the README runs and exits 0.
add_test(NAME paper_report COMMAND zprime ${CMAKE_SOURCE_DIR}/scripts/paper.lua ${CMAKE_BINARY_DIR}/paper-out)
set_tests_properties(paper_report PROPERTIES ENVIRONMENT "${ZP_TEST_ENV}" TIMEOUT 300)
