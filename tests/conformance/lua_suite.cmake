# Conformance tier, Lua part (label conformance, tests conformance.lua.MODE.FILE): each file of the official
# Lua 5.4.4 suite in each of its modes, under lua5.4 and plush (lua_suite.list says which and why).
file(STRINGS ${CMAKE_SOURCE_DIR}/tests/conformance/lua_suite.list lua_suite_rows REGEX "^[a-z0-9_]+\\.lua ")
foreach(row ${lua_suite_rows})
  string(REGEX MATCHALL "[^ ]+" words "${row}")
  list(POP_FRONT words suite_file)
  get_filename_component(suite_stem ${suite_file} NAME_WE)
  foreach(mode ${words})
    add_test(NAME conformance.lua.${mode}.${suite_stem}
      COMMAND ${CMAKE_SOURCE_DIR}/tests/conformance/lua_suite.sh $<TARGET_FILE:plush> ${mode} ${suite_file})
    set_tests_properties(conformance.lua.${mode}.${suite_stem} PROPERTIES LABELS conformance SKIP_RETURN_CODE 77)
  endforeach()
endforeach()
set_property(DIRECTORY APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS ${CMAKE_SOURCE_DIR}/tests/conformance/lua_suite.list)
