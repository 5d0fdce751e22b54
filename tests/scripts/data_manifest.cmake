# data/MANIFEST lists the size of every shipped table; zprime refuses a copy whose size differs.
# This test fails when a listed file changed size (re-copy it, or update its line on purpose).
add_test(NAME data_manifest_sizes
  COMMAND sh -c "cd '${CMAKE_SOURCE_DIR}/data' && grep -v '^#' MANIFEST | while read n f; do s=$(stat -c %s \"$f\" 2>/dev/null || echo missing); [ \"$s\" = \"$n\" ] || { echo \"data/$f: MANIFEST says $n bytes, found $s\"; exit 1; }; done && echo manifest ok")
set_tests_properties(data_manifest_sizes PROPERTIES PASS_REGULAR_EXPRESSION "manifest ok")
