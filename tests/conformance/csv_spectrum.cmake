# csv-spectrum conformance: one ctest per file (label conformance), run by csv_spectrum.sh.
set(csv_spectrum_files comma_in_quotes empty empty_crlf escaped_quotes json location_coordinates newlines
    newlines_crlf quotes_and_newlines simple simple_crlf utf8)
foreach(name ${csv_spectrum_files})
  add_test(NAME conformance.csv.${name}
    COMMAND ${CMAKE_SOURCE_DIR}/tests/conformance/csv_spectrum.sh $<TARGET_FILE:plush> ${name})
  set_tests_properties(conformance.csv.${name} PROPERTIES LABELS conformance)
endforeach()
