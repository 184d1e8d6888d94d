// Scripts load Lua text only: load, loadfile, dofile and require refuse binary chunks; string.dump is gone.
#include "host/chunk_loading.h"

#include <string>

namespace plush::host {

namespace {

// The pieces load(fn) receives from its reader function, one call at a time.
const char* readPiece(lua_State* L, void*, size_t* size) {
  luaL_checkstack(L, 2, "too many nested functions");
  lua_pushvalue(L, 1);
  lua_call(L, 0, 1);
  if (lua_isnil(L, -1)) {
    lua_pop(L, 1);
    *size = 0;
    return nullptr;
  }
  if (!lua_isstring(L, -1)) luaL_error(L, "reader function must return a string");
  lua_replace(L, 5);  // kept alive in slot 5 while the parser reads it
  return lua_tolstring(L, 5, size);
}

// The loaded function on top, or nil and the message; env (when given) becomes its _ENV.
int loaded(lua_State* L, int status, int env) {
  if (status != LUA_OK) {
    lua_pushnil(L);
    lua_insert(L, -2);
    return 2;
  }
  if (env != 0) {
    lua_pushvalue(L, env);
    if (!lua_setupvalue(L, -2, 1)) lua_pop(L, 1);
  }
  return 1;
}

// load(chunk [, chunkname [, mode [, env]]]): mode is always "t".
int textLoad(lua_State* L) {
  int env = lua_isnone(L, 4) ? 0 : 4;
  size_t len = 0;
  const char* s = lua_tolstring(L, 1, &len);
  int status;
  if (s) {
    const char* name = luaL_optstring(L, 2, s);
    status = luaL_loadbufferx(L, s, len, name, "t");
  } else {
    const char* name = luaL_optstring(L, 2, "=(load)");
    luaL_checktype(L, 1, LUA_TFUNCTION);
    lua_settop(L, 5);  // slot 5 holds the reader's last piece
    status = lua_load(L, readPiece, nullptr, name, "t");
  }
  return loaded(L, status, env);
}

// loadfile([filename [, mode [, env]]]): mode is always "t".
int textLoadfile(lua_State* L) {
  const char* name = luaL_optstring(L, 1, nullptr);
  int env = lua_isnone(L, 3) ? 0 : 3;
  return loaded(L, luaL_loadfilex(L, name, "t"), env);
}

int textDofile(lua_State* L) {
  const char* name = luaL_optstring(L, 1, nullptr);
  lua_settop(L, 1);
  if (luaL_loadfilex(L, name, "t") != LUA_OK) return lua_error(L);
  lua_call(L, 0, LUA_MULTRET);
  return lua_gettop(L) - 1;
}

// require's searcher for Lua files (package.searchers[2]), loading text only.
int textSearcher(lua_State* L) {
  const char* name = luaL_checkstring(L, 1);
  lua_getfield(L, lua_upvalueindex(1), "searchpath");
  lua_pushstring(L, name);
  lua_getfield(L, lua_upvalueindex(1), "path");
  if (!lua_isstring(L, -1)) luaL_error(L, "'package.path' must be a string");
  lua_call(L, 2, 2);
  if (lua_isnil(L, -2)) return 1;  // the message saying where it looked
  lua_pop(L, 1);
  std::string file = lua_tostring(L, -1);
  if (luaL_loadfilex(L, file.c_str(), "t") != LUA_OK)
    return luaL_error(L, "error loading module '%s' from file '%s':\n\t%s", name, file.c_str(), lua_tostring(L, -1));
  lua_pushstring(L, file.c_str());
  return 2;
}

}  // namespace

void forceTextChunks(lua_State* L) {
  lua_pushcfunction(L, textLoad);
  lua_setglobal(L, "load");
  lua_pushcfunction(L, textLoadfile);
  lua_setglobal(L, "loadfile");
  lua_pushcfunction(L, textDofile);
  lua_setglobal(L, "dofile");
  lua_getglobal(L, "string");
  lua_pushnil(L);
  lua_setfield(L, -2, "dump");
  lua_pop(L, 1);
  lua_getglobal(L, "package");
  lua_getfield(L, -1, "searchers");
  lua_pushvalue(L, -2);
  lua_pushcclosure(L, textSearcher, 1);
  lua_rawseti(L, -2, 2);
  lua_pop(L, 2);
}

}  // namespace plush::host
