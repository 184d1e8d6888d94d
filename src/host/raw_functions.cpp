// Lazy Lists (shell/objects.lua's P.lazyList) seen as the plain tables they stand for by raw reads.
#include "host/raw_functions.h"

namespace plush::host {

namespace {
// A lazy List's metatable holds its settle function under this light userdata key (__plush.settleKey):
// found with no string to intern, since the raw functions look for it at every call.
const char kSettleKey = 0;
}  // namespace

void settleList(lua_State* L, int idx) {
  if (lua_type(L, idx) != LUA_TTABLE || !lua_getmetatable(L, idx)) return;
  // A lazy List's metatable has a metatable (objects.lua marks it so); most metatables have none,
  // and the raw functions then cost no lookup more.
  if (!lua_getmetatable(L, -1)) return lua_pop(L, 1);
  lua_pop(L, 1);
  if (lua_rawgetp(L, -1, &kSettleKey) == LUA_TFUNCTION) lua_call(L, 0, 0);
  else lua_pop(L, 1);
  lua_pop(L, 1);
}

namespace {

// Each as the base library's own (lbaselib.c): the same checks and messages, after settling.
int rawGet(lua_State* L) {
  luaL_checktype(L, 1, LUA_TTABLE);
  luaL_checkany(L, 2);
  settleList(L, 1);
  lua_settop(L, 2);
  lua_rawget(L, 1);
  return 1;
}

int rawSet(lua_State* L) {
  luaL_checktype(L, 1, LUA_TTABLE);
  luaL_checkany(L, 2);
  luaL_checkany(L, 3);
  settleList(L, 1);
  lua_settop(L, 3);
  lua_rawset(L, 1);
  return 1;
}

int rawLen(lua_State* L) {
  int t = lua_type(L, 1);
  luaL_argexpected(L, t == LUA_TTABLE || t == LUA_TSTRING, 1, "table or string");
  settleList(L, 1);
  lua_pushinteger(L, static_cast<lua_Integer>(lua_rawlen(L, 1)));
  return 1;
}

int nextKey(lua_State* L) {
  luaL_checktype(L, 1, LUA_TTABLE);
  settleList(L, 1);
  lua_settop(L, 2);
  if (lua_next(L, 1)) return 2;
  lua_pushnil(L);
  return 1;
}

int setMetatable(lua_State* L) {
  int t = lua_type(L, 2);
  luaL_checktype(L, 1, LUA_TTABLE);
  luaL_argexpected(L, t == LUA_TNIL || t == LUA_TTABLE, 2, "nil or table");
  settleList(L, 1);
  if (luaL_getmetafield(L, 1, "__metatable") != LUA_TNIL) return luaL_error(L, "cannot change a protected metatable");
  lua_settop(L, 2);
  lua_setmetatable(L, 1);
  return 1;
}

// The runtime's own: a lazy List's metatable is guarded (getmetatable gives List) and changed here.
int setMetatableUnguarded(lua_State* L) {
  luaL_checktype(L, 1, LUA_TTABLE);
  luaL_checktype(L, 2, LUA_TTABLE);
  lua_settop(L, 2);
  lua_setmetatable(L, 1);
  return 1;
}

}  // namespace

void registerRawBuiltins(lua_State* L) {
  lua_pushcfunction(L, setMetatableUnguarded);
  lua_setfield(L, -2, "set_metatable");
  lua_pushlightuserdata(L, const_cast<char*>(&kSettleKey));
  lua_setfield(L, -2, "settleKey");
}

void wrapRawFunctions(lua_State* L) {
  static const luaL_Reg functions[] = {{"rawget", rawGet},   {"rawset", rawSet},
                                       {"rawlen", rawLen},   {"next", nextKey},
                                       {"setmetatable", setMetatable}, {nullptr, nullptr}};
  lua_pushglobaltable(L);
  luaL_setfuncs(L, functions, 0);
  lua_pop(L, 1);
}

}  // namespace plush::host
