# docs/cluster.md's recipes, run from the docs' own text (tests/cluster/README.md): GNU parallel
# always; Slurm on a throw-away single-node cluster when run as root with slurm-wlm and munge
# installed (skipped with the reason otherwise).
add_test(NAME cluster_parallel
  COMMAND sh ${CMAKE_SOURCE_DIR}/tests/cluster/parallel_test.sh ${CMAKE_BINARY_DIR}/zprime ${CMAKE_SOURCE_DIR})
set_tests_properties(cluster_parallel PROPERTIES ENVIRONMENT "${ZP_TEST_ENV}" TIMEOUT 120)
add_test(NAME cluster_slurm
  COMMAND sh ${CMAKE_SOURCE_DIR}/tests/cluster/slurm_test.sh ${CMAKE_BINARY_DIR}/zprime ${CMAKE_SOURCE_DIR})
set_tests_properties(cluster_slurm PROPERTIES ENVIRONMENT "${ZP_TEST_ENV}" TIMEOUT 150 SKIP_RETURN_CODE 77)
