# How plush links what it uses: the libraries as targets plush::lua, plush::sqlite, plush::edit, plush::utf8proc,
# plush::pcre2 (Debian's static archives, or its shared libraries in sanitizer and fuzz builds), and the C++ runtime.
#
# Why static: every shared library costs each start the loader's symbol relocations and the kernel's
# mappings. Start, Get-License and exit at 100,000 users, CPU time: 7.2 ms with the C++ runtime shared,
# 5.9 ms with it linked in (sqlite3 answering the same query: 3.3 ms). The binary and the PostgreSQL
# module each hold their own copy of the C++ runtime, hidden from the other; the unwinder (libgcc_s)
# stays one shared library, since two unwinders could not carry an exception from one side to the other
# (a store error thrown in the module ended the process with SIGABRT).
# The sanitizers want the shared libraries they intercept, so those builds keep every library shared.
option(PLUSH_STATIC_LIBRARIES "link Lua, SQLite, libedit, utf8proc, PCRE2 and the C++ runtime statically" ON)
if(PLUSH_SANITIZE OR PLUSH_FUZZ)
  set(PLUSH_STATIC_LIBRARIES OFF)
endif()

# plush::NAME: the archives given, in link order, and then the system libraries after them.
function(plush_static_library name shared_target)
  cmake_parse_arguments(LIB "" "" "ARCHIVES;SYSTEM" ${ARGN})
  add_library(plush::${name} INTERFACE IMPORTED)
  if(NOT PLUSH_STATIC_LIBRARIES)
    target_link_libraries(plush::${name} INTERFACE ${shared_target})
    return()
  endif()
  get_target_property(includes ${shared_target} INTERFACE_INCLUDE_DIRECTORIES)
  get_target_property(options ${shared_target} INTERFACE_COMPILE_OPTIONS)
  if(includes)
    target_include_directories(plush::${name} INTERFACE ${includes})
  endif()
  if(options)
    target_compile_options(plush::${name} INTERFACE ${options})
  endif()
  foreach(archive ${LIB_ARCHIVES})
    find_library(plush_archive_${archive} NAMES ${archive} REQUIRED)
    target_link_libraries(plush::${name} INTERFACE ${plush_archive_${archive}})
  endforeach()
  target_link_libraries(plush::${name} INTERFACE ${LIB_SYSTEM})
endfunction()

plush_static_library(lua PkgConfig::LUA ARCHIVES liblua5.4-c++.a SYSTEM m dl)
plush_static_library(sqlite PkgConfig::SQLITE ARCHIVES libsqlite3.a SYSTEM m dl)
plush_static_library(edit PkgConfig::LIBEDIT ARCHIVES libedit.a libtinfo.a libbsd.a libmd.a)
plush_static_library(utf8proc PkgConfig::UTF8PROC ARCHIVES libutf8proc.a)
plush_static_library(pcre2 PkgConfig::PCRE2 ARCHIVES libpcre2-8.a)

# A binary or module with its own copy of the C++ runtime, hidden, so that a module loaded into it (the
# PostgreSQL store, with its own copy) binds to neither; the unwinder (libgcc_s) stays one shared copy.
function(plush_static_runtime target)
  if(PLUSH_STATIC_LIBRARIES)
    target_link_options(${target} PRIVATE -static-libstdc++ -Wl,--exclude-libs,libstdc++.a)
  endif()
endfunction()
