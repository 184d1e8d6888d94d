// --restricted: the Lua libraries of a script that runs others' code (no programs, native code, debug; files checked).
#include "host/restricted_libraries.h"

#include <cstring>
#include <initializer_list>
#include <string>
#include <utility>

#include "host/chunk_loading.h"
#include "host/restricted_paths.h"

namespace plush::host {

namespace {

// upvalues: the operation's name, why it is never allowed
int refused(lua_State* L) {
  refuseOperation(L, lua_tostring(L, lua_upvalueindex(1)), lua_tostring(L, lua_upvalueindex(2)));
}

void setRefused(lua_State* L, const char* library, const char* field, const char* why) {
  lua_getglobal(L, library);
  lua_pushfstring(L, "%s.%s", library, field);
  lua_pushstring(L, why);
  lua_pushcclosure(L, refused, 2);
  lua_setfield(L, -2, field);
  lua_pop(L, 1);
}

// upvalues: the operation's name, the original function, how many leading arguments are paths.
// A path argument that is not a string (a file handle for io.input, nothing for loadfile) is not a path.
int pathChecked(lua_State* L) {
  const char* what = lua_tostring(L, lua_upvalueindex(1));
  int paths = static_cast<int>(lua_tointeger(L, lua_upvalueindex(3)));
  for (int i = 1; i <= paths; ++i)
    if (lua_type(L, i) == LUA_TSTRING) checkPath(L, lua_tostring(L, i), what);
  int n = lua_gettop(L);
  lua_pushvalue(L, lua_upvalueindex(2));
  lua_insert(L, 1);
  lua_call(L, n, LUA_MULTRET);
  return lua_gettop(L);
}

// Replace table[field] (the table on top of the stack) by its path-checked version.
void checkField(lua_State* L, const char* field, const char* what, int paths) {
  lua_pushstring(L, what);
  lua_getfield(L, -2, field);
  lua_pushinteger(L, paths);
  lua_pushcclosure(L, pathChecked, 3);
  lua_setfield(L, -2, field);
}

void checkFields(lua_State* L, const char* library, std::initializer_list<std::pair<const char*, int>> fields) {
  lua_getglobal(L, library);
  for (auto [field, paths] : fields) checkField(L, field, (std::string(library) + "." + field).c_str(), paths);
  lua_pop(L, 1);
}

// package.searchpath, refusing a file it finds outside the allowed paths; upvalue: the original.
int searchpathChecked(lua_State* L) {
  lua_settop(L, 4);
  lua_pushvalue(L, lua_upvalueindex(1));
  lua_insert(L, 1);
  lua_call(L, 4, 2);
  if (lua_type(L, 1) == LUA_TSTRING) checkPath(L, lua_tostring(L, 1), "require");
  return 2;
}

// package.searchers[3] and [4]: a C module is native code. Upvalues: package, the original searchpath,
// whether to search for the root of a dotted name (searcher 4, "a.b" in a's library).
int cSearcherRefused(lua_State* L) {
  const char* full = luaL_checkstring(L, 1);
  const char* dot = std::strchr(full, '.');
  if (lua_toboolean(L, lua_upvalueindex(3)) && !dot) return 0;
  if (lua_toboolean(L, lua_upvalueindex(3))) lua_pushlstring(L, full, static_cast<size_t>(dot - full));
  else lua_pushstring(L, full);
  int name = lua_gettop(L);
  searchPackagePath(L, lua_upvalueindex(2), lua_upvalueindex(1), "cpath", name);
  if (lua_isnil(L, -2)) return 1;  // the message saying where it looked
  lua_pushfstring(L, "require of the C module '%s' (%s)", lua_tostring(L, name), lua_tostring(L, -2));
  refuseOperation(L, lua_tostring(L, -1), "scripts run with --restricted cannot load native code");
}

void restrictRequire(lua_State* L) {
  lua_getglobal(L, "package");
  lua_getfield(L, -1, "searchpath");  // the original, kept only in these closures
  lua_pushvalue(L, -1);
  lua_pushcclosure(L, searchpathChecked, 1);
  lua_pushvalue(L, -1);
  lua_setfield(L, -4, "searchpath");
  installTextSearcher(L);  // pops the checked searchpath
  lua_getfield(L, -2, "searchers");
  for (int index = 3; index <= 4; ++index) {
    lua_pushvalue(L, -3);
    lua_pushvalue(L, -3);
    lua_pushboolean(L, index == 4);
    lua_pushcclosure(L, cSearcherRefused, 3);
    lua_rawseti(L, -2, index);
  }
  lua_pop(L, 3);
}

// debug.anything: RestrictedOperation naming it.
int debugIndex(lua_State* L) {
  lua_pushfstring(L, "debug.%s", luaL_optstring(L, 2, "?"));
  refuseOperation(L, lua_tostring(L, -1), "the debug library is not available to scripts run with --restricted");
}

void restrictDebug(lua_State* L) {
  lua_newtable(L);
  lua_createtable(L, 0, 1);
  lua_pushcfunction(L, debugIndex);
  lua_setfield(L, -2, "__index");
  lua_pushliteral(L, "the debug library is not available to scripts run with --restricted");
  lua_setfield(L, -2, "__metatable");
  lua_setmetatable(L, -2);
  lua_pushvalue(L, -1);
  lua_setglobal(L, "debug");
  lua_getglobal(L, "package");
  lua_getfield(L, -1, "loaded");
  lua_pushvalue(L, -3);
  lua_setfield(L, -2, "debug");
  lua_pop(L, 3);
}

void checkLoaders(lua_State* L) {
  for (const char* loader : {"loadfile", "dofile"}) {
    lua_pushglobaltable(L);
    checkField(L, loader, loader, 1);
    lua_pop(L, 1);
  }
}

}  // namespace

void restrictLibraries(lua_State* L) {
  const char* programs = "scripts run with --restricted cannot start programs";
  setRefused(L, "os", "execute", programs);
  setRefused(L, "io", "popen", programs);
  setRefused(L, "os", "tmpname", "it creates a file outside the current folder");
  setRefused(L, "package", "loadlib", "scripts run with --restricted cannot load native code");
  checkFields(L, "io", {{"open", 1}, {"lines", 1}, {"input", 1}, {"output", 1}});
  checkFields(L, "os", {{"remove", 1}, {"rename", 2}});
  checkLoaders(L);
  restrictRequire(L);
  restrictDebug(L);
}

}  // namespace plush::host
