// Scripts load Lua text only: load, loadfile, dofile and require refuse binary chunks; string.dump is gone.
#include "host/chunk_loading.h"

#include <cstring>

namespace plush::host {

namespace {

constexpr int kReaderSlot = 5;  // load(fn): the reader's last piece stays here while the parser reads it

// A mode without "t" ("b") asks for binary only: nothing can load. Fail and the message, as Lua says it
// for text, with the reason for a binary chunk or one not yet read (a reader function, a file).
bool refuseBinaryMode(lua_State* L, const char* mode, const char* chunk) {
  if (std::strchr(mode, 't')) return false;
  luaL_pushfail(L);
  if (!chunk) lua_pushfstring(L, "nothing loads with mode '%s': plush loads Lua text only", mode);
  else if (chunk[0] != LUA_SIGNATURE[0]) lua_pushfstring(L, "attempt to load a text chunk (mode is '%s')", mode);
  else lua_pushfstring(L, "attempt to load a binary chunk (mode is '%s'): plush loads Lua text only", mode);
  return true;
}

// The pieces load(fn) receives from its reader function, one call at a time (as lbaselib's).
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
  lua_replace(L, kReaderSlot);
  return lua_tolstring(L, kReaderSlot, size);
}

// The loaded function on top, or fail and the message; env (when given) becomes its _ENV.
int loaded(lua_State* L, int status, int env) {
  if (status != LUA_OK) {
    luaL_pushfail(L);
    lua_insert(L, -2);
    return 2;
  }
  if (env != 0) {
    lua_pushvalue(L, env);
    if (!lua_setupvalue(L, -2, 1)) lua_pop(L, 1);
  }
  return 1;
}

// load(chunk [, chunkname [, mode [, env]]])
int textLoad(lua_State* L) {
  const char* mode = luaL_optstring(L, 3, "t");
  int env = lua_isnone(L, 4) ? 0 : 4;
  size_t len = 0;
  const char* s = lua_tolstring(L, 1, &len);
  if (refuseBinaryMode(L, mode, s ? s : nullptr)) return 2;
  if (s) return loaded(L, luaL_loadbufferx(L, s, len, luaL_optstring(L, 2, s), "t"), env);
  const char* name = luaL_optstring(L, 2, "=(load)");
  luaL_checktype(L, 1, LUA_TFUNCTION);
  lua_settop(L, kReaderSlot);
  return loaded(L, lua_load(L, readPiece, nullptr, name, "t"), env);
}

// loadfile([filename [, mode [, env]]])
int textLoadfile(lua_State* L) {
  const char* name = luaL_optstring(L, 1, nullptr);
  if (refuseBinaryMode(L, luaL_optstring(L, 2, "t"), nullptr)) return 2;
  int env = lua_isnone(L, 3) ? 0 : 3;
  return loaded(L, luaL_loadfilex(L, name, "t"), env);
}

int dofileResults(lua_State* L, int, lua_KContext) { return lua_gettop(L) - 1; }

// dofile([filename])
int textDofile(lua_State* L) {
  const char* name = luaL_optstring(L, 1, nullptr);
  lua_settop(L, 1);
  if (luaL_loadfilex(L, name, "t") != LUA_OK) return lua_error(L);
  lua_callk(L, 0, LUA_MULTRET, 0, dofileResults);
  return dofileResults(L, 0, 0);
}

// require's searcher for Lua files (package.searchers[2]); upvalues: package, the searchpath to use.
int textSearcher(lua_State* L) {
  const char* name = luaL_checkstring(L, 1);
  searchPackagePath(L, lua_upvalueindex(2), lua_upvalueindex(1), "path", 1);
  if (lua_isnil(L, -2)) return 1;  // the message saying where it looked
  lua_pop(L, 1);
  int file = lua_gettop(L);
  if (luaL_loadfilex(L, lua_tostring(L, file), "t") != LUA_OK)
    return luaL_error(L, "error loading module '%s' from file '%s':\n\t%s", name, lua_tostring(L, file), lua_tostring(L, -1));
  lua_pushvalue(L, file);
  return 2;
}

}  // namespace

void searchPackagePath(lua_State* L, int searchpath, int package, const char* field, int name) {
  lua_pushvalue(L, searchpath);
  lua_pushvalue(L, name);
  lua_getfield(L, package, field);
  if (!lua_isstring(L, -1)) luaL_error(L, "'package.%s' must be a string", field);
  lua_call(L, 2, 2);
}

void installTextSearcher(lua_State* L) {
  lua_getglobal(L, "package");
  lua_getfield(L, -1, "searchers");
  lua_pushvalue(L, -2);
  lua_pushvalue(L, -4);
  lua_pushcclosure(L, textSearcher, 2);
  lua_rawseti(L, -2, 2);
  lua_pop(L, 3);
}

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
  lua_getfield(L, -1, "searchpath");
  lua_remove(L, -2);
  installTextSearcher(L);
}

}  // namespace plush::host
