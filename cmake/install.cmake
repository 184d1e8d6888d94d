# Installing plush (cmake --install) and packaging it as a .deb (CPack): binary, store module, data, examples, man page, completion.
include(GNUInstallDirs)

# The installed binary finds its data relative to itself, so a moved prefix keeps working.
set(plush_data_dir ${CMAKE_INSTALL_DATADIR}/plush)
file(RELATIVE_PATH plush_data_from_bin /prefix/${CMAKE_INSTALL_BINDIR} /prefix/${plush_data_dir})
target_compile_definitions(plush PRIVATE PLUSH_DATA_FROM_BIN="${plush_data_from_bin}")

# Store modules (the PostgreSQL store) in PREFIX/lib/plush, found relative to the binary too.
set(plush_module_dir lib/plush)
file(RELATIVE_PATH plush_modules_from_bin /prefix/${CMAKE_INSTALL_BINDIR} /prefix/${plush_module_dir})
target_compile_definitions(plush_engine PRIVATE PLUSH_MODULES_FROM_BIN="${plush_modules_from_bin}")

find_program(SCDOC scdoc REQUIRED)
set(man_page ${CMAKE_BINARY_DIR}/plush.1)
add_custom_command(OUTPUT ${man_page} ${man_page}.gz
  COMMAND ${CMAKE_COMMAND} -DSCDOC=${SCDOC} -DIN=${CMAKE_SOURCE_DIR}/doc/plush.1.scd -DOUT=${man_page}
          -P ${CMAKE_SOURCE_DIR}/cmake/man_page.cmake
  DEPENDS ${CMAKE_SOURCE_DIR}/doc/plush.1.scd ${CMAKE_SOURCE_DIR}/cmake/man_page.cmake
  VERBATIM)
add_custom_target(plush_man ALL DEPENDS ${man_page} ${man_page}.gz)

install(TARGETS plush RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
install(TARGETS plush_postgres LIBRARY DESTINATION ${plush_module_dir})
install(DIRECTORY stdlib/ DESTINATION ${plush_data_dir})
install(DIRECTORY examples/ DESTINATION ${CMAKE_INSTALL_DOCDIR}/examples USE_SOURCE_PERMISSIONS)
install(FILES README.md DESTINATION ${CMAKE_INSTALL_DOCDIR})
install(FILES ${man_page}.gz DESTINATION ${CMAKE_INSTALL_MANDIR}/man1)
# Where bash-completion and Debian's zsh look for them under the prefix (for /usr:
# `pkg-config --variable=completionsdir bash-completion`, and zsh's vendor-completions).
install(FILES completion/plush.bash RENAME plush DESTINATION ${CMAKE_INSTALL_DATADIR}/bash-completion/completions)
install(FILES completion/_plush DESTINATION ${CMAKE_INSTALL_DATADIR}/zsh/vendor-completions)

# The .deb (scripts/package): dependencies from the libraries the binary links, by dpkg-shlibdeps.
set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME plush)
set(CPACK_PACKAGE_CONTACT "plush maintainers <plush@example.org>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "PowerShell-style administration shell for software licenses")
# CPack puts the summary first; these are the lines under it.
set(CPACK_DEBIAN_PACKAGE_DESCRIPTION "plush manages the licenses of a Microsoft 365 / Entra ID style tenant: users,
groups, products (SKUs), service plans, subscriptions and license assignments,
kept in one SQLite file and checked by the real licensing rules. Its language is
Lua 5.4 with PowerShell-style command pipelines; it has an interactive prompt
with completion and a batch script runner with exit statuses a scheduler can
trust, dry runs (--what-if) and all-or-nothing runs (--atomic).")
set(CPACK_DEBIAN_PACKAGE_SECTION admin)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_SUGGESTS "bash-completion")
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_STRIP_FILES ON)
include(CPack)
