# JSONTestSuite conformance: one ctest per reader and class (label conformance), run by json_test_suite.sh.
foreach(reader convertfrom import)
  foreach(class y n i)
    add_test(NAME conformance.json.${reader}.${class}
      COMMAND ${CMAKE_SOURCE_DIR}/tests/conformance/json_test_suite.sh $<TARGET_FILE:plush> ${reader} ${class})
    set_tests_properties(conformance.json.${reader}.${class} PROPERTIES LABELS conformance TIMEOUT 1200)
  endforeach()
endforeach()
