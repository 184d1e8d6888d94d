// Lua values to and from JSON (nlohmann), keeping plush objects' property order.
#include "host/json.h"

#include <string>
#include <vector>

namespace plush::host {

namespace {

constexpr int kMaxDepth = 64;

bool isSequence(lua_State* L, int idx) {
  if (lua_rawlen(L, idx) > 0) return true;
  if (!lua_getmetatable(L, idx)) return false;
  lua_getfield(L, -1, "__type");
  bool isList = lua_isstring(L, -1) && std::string(lua_tostring(L, -1)) == "List";
  lua_pop(L, 2);
  return isList;
}

// The ordered property names of the object at idx (its type's __props), if it has them.
bool propertyNames(lua_State* L, int idx, std::vector<std::string>& names) {
  if (!lua_getmetatable(L, idx)) return false;
  lua_getfield(L, -1, "__props");
  bool found = lua_istable(L, -1);
  if (found) {
    lua_Integer n = luaL_len(L, -1);
    for (lua_Integer i = 1; i <= n; ++i) {
      lua_rawgeti(L, -1, i);
      names.emplace_back(lua_tostring(L, -1));
      lua_pop(L, 1);
    }
  }
  lua_pop(L, 2);
  return found;
}

Json convert(lua_State* L, int idx, int depth);

Json convertTable(lua_State* L, int idx, int depth) {
  if (isSequence(L, idx)) {
    Json array = Json::array();
    lua_Integer n = luaL_len(L, idx);
    for (lua_Integer i = 1; i <= n; ++i) {
      lua_rawgeti(L, idx, i);
      array.push_back(convert(L, lua_gettop(L), depth + 1));
      lua_pop(L, 1);
    }
    return array;
  }
  Json object = Json::object();
  std::vector<std::string> names;
  if (propertyNames(L, idx, names)) {
    for (const auto& name : names) {
      lua_getfield(L, idx, name.c_str());
      object[name] = convert(L, lua_gettop(L), depth + 1);
      lua_pop(L, 1);
    }
    return object;
  }
  lua_pushnil(L);
  while (lua_next(L, idx)) {
    if (lua_type(L, -2) == LUA_TSTRING) object[lua_tostring(L, -2)] = convert(L, lua_gettop(L), depth + 1);
    lua_pop(L, 1);
  }
  return object;
}

Json convert(lua_State* L, int idx, int depth) {
  if (depth > kMaxDepth) luaL_error(L, "ConvertTo-Json: the value nests deeper than %d levels (a cycle?)", kMaxDepth);
  switch (lua_type(L, idx)) {
    case LUA_TNIL: return nullptr;
    case LUA_TBOOLEAN: return static_cast<bool>(lua_toboolean(L, idx));
    case LUA_TNUMBER:
      if (lua_isinteger(L, idx)) return static_cast<long long>(lua_tointeger(L, idx));
      return lua_tonumber(L, idx);
    case LUA_TSTRING: {
      size_t len = 0;
      const char* s = lua_tolstring(L, idx, &len);
      return std::string(s, len);
    }
    case LUA_TTABLE: return convertTable(L, idx, depth);
    default: return std::string(luaL_tolstring(L, idx, nullptr));
  }
}

void pushObject(lua_State* L, const Json& value) {
  lua_getglobal(L, "__plush");
  lua_getfield(L, -1, "shape");
  lua_createtable(L, static_cast<int>(value.size()), 0);
  int i = 0;
  for (const auto& item : value.items()) {
    lua_pushstring(L, item.key().c_str());
    lua_rawseti(L, -2, ++i);
  }
  lua_call(L, 1, 1);                 // the shape's metatable
  lua_createtable(L, 0, static_cast<int>(value.size()));
  for (const auto& item : value.items()) {
    pushJson(L, item.value());
    lua_setfield(L, -2, item.key().c_str());
  }
  lua_insert(L, -2);
  lua_setmetatable(L, -2);
  lua_remove(L, -2);                 // __plush
}

void pushArray(lua_State* L, const Json& value) {
  lua_createtable(L, static_cast<int>(value.size()), 0);
  int i = 0;
  for (const auto& item : value) {
    pushJson(L, item);
    lua_rawseti(L, -2, ++i);
  }
  lua_getglobal(L, "__plush");
  lua_getfield(L, -1, "ListMeta");
  lua_setmetatable(L, -3);
  lua_pop(L, 1);
}

}  // namespace

Json toJson(lua_State* L, int idx) { return convert(L, lua_absindex(L, idx), 0); }

void pushJson(lua_State* L, const Json& value) {
  if (value.is_null()) lua_pushnil(L);
  else if (value.is_boolean()) lua_pushboolean(L, value.get<bool>());
  else if (value.is_number_integer()) lua_pushinteger(L, value.get<long long>());
  else if (value.is_number()) lua_pushnumber(L, value.get<double>());
  else if (value.is_string()) lua_pushstring(L, value.get<std::string>().c_str());
  else if (value.is_array()) pushArray(L, value);
  else pushObject(L, value);
}

}  // namespace plush::host
