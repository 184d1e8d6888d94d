// Building Graph-shaped Lua objects: ordered keys (so JSON reads as Graph writes it), lists, nulls.
#pragma once
#include <lua.hpp>

#include <string>
#include <vector>

namespace plush::cmdlets::graph {

// A new table on the stack whose keys keep this order (the runtime's __plush.shape), of `type`.
inline void pushShaped(lua_State* L, const std::vector<const char*>& keys, const char* type = "GraphObject") {
  lua_newtable(L);
  lua_getglobal(L, "__plush");
  lua_getfield(L, -1, "shape");
  lua_createtable(L, static_cast<int>(keys.size()), 0);
  for (size_t i = 0; i < keys.size(); ++i) {
    lua_pushstring(L, keys[i]);
    lua_rawseti(L, -2, static_cast<lua_Integer>(i + 1));
  }
  lua_pushstring(L, type);
  lua_call(L, 2, 1);
  lua_setmetatable(L, -3);
  lua_pop(L, 1);
}

inline void setListMeta(lua_State* L) {
  lua_getglobal(L, "__plush");
  lua_getfield(L, -1, "ListMeta");
  lua_setmetatable(L, -3);
  lua_pop(L, 1);
}

// A List of strings.
inline void pushStrings(lua_State* L, const std::vector<std::string>& values) {
  lua_createtable(L, static_cast<int>(values.size()), 0);
  for (size_t i = 0; i < values.size(); ++i) {
    lua_pushstring(L, values[i].c_str());
    lua_rawseti(L, -2, static_cast<lua_Integer>(i + 1));
  }
  setListMeta(L);
}

// A List of n values, each pushed by push(i).
template <class Push>
void pushList(lua_State* L, size_t n, Push push) {
  lua_createtable(L, static_cast<int>(n), 0);
  for (size_t i = 0; i < n; ++i) {
    push(i);
    lua_rawseti(L, -2, static_cast<lua_Integer>(i + 1));
  }
  setListMeta(L);
}

// A text field of the object on top; empty is Graph's null.
inline void set(lua_State* L, const char* key, const std::string& value) {
  if (value.empty()) lua_pushnil(L);
  else lua_pushlstring(L, value.data(), value.size());
  lua_setfield(L, -2, key);
}

// Engine failures must not cross the Lua boundary as C++ exceptions: raise them as Lua errors.
template <lua_CFunction F>
int guarded(lua_State* L) {
  try {
    return F(L);
  } catch (const std::exception& e) {
    lua_pushstring(L, e.what());
  }
  return lua_error(L);
}

}  // namespace plush::cmdlets::graph
