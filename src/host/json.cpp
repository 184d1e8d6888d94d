// Lua values to and from JSON: plush objects keep their property order, arrays keep their nulls.
#include "host/json.h"

#include <string>
#include <vector>

#include "format/json_reader.h"
#include "host/error_record.h"
#include "host/interrupt.h"

namespace plush::host {

namespace {

// ConvertTo-Json writes at least as deep as ConvertFrom-Json reads, so what was read can be
// written back; deeper is a cycle or a runaway script.
constexpr int kMaxWriteDepth = format::kJsonMaxDepth;

std::string stringAt(lua_State* L, int idx) {
  size_t len = 0;
  const char* s = lua_tolstring(L, idx, &len);
  return s ? std::string(s, len) : std::string();
}

bool hasListMetatable(lua_State* L, int idx) {
  if (!lua_getmetatable(L, idx)) return false;
  lua_getfield(L, -1, "__type");
  bool isList = lua_type(L, -1) == LUA_TSTRING && std::string(lua_tostring(L, -1)) == "List";
  lua_pop(L, 2);
  return isList;
}

// The length of an array: its items, or its field n when it holds nulls (as ConvertFrom-Json and
// table.pack set it), since # stops at a trailing nil.
lua_Integer arrayLength(lua_State* L, int idx) {
  lua_Integer n = static_cast<lua_Integer>(lua_rawlen(L, idx));
  lua_pushliteral(L, "n");
  lua_rawget(L, idx);
  if (lua_isinteger(L, -1) && lua_tointeger(L, -1) > n) n = lua_tointeger(L, -1);
  lua_pop(L, 1);
  return n;
}

bool isSequence(lua_State* L, int idx) { return lua_rawlen(L, idx) > 0 || hasListMetatable(L, idx); }

// The ordered property names of the object at idx (its type's __props), if it has them.
bool propertyNames(lua_State* L, int idx, std::vector<std::string>& names) {
  if (!lua_getmetatable(L, idx)) return false;
  lua_getfield(L, -1, "__props");
  bool found = lua_istable(L, -1);
  if (found) {
    lua_Integer n = luaL_len(L, -1);
    for (lua_Integer i = 1; i <= n; ++i) {
      lua_rawgeti(L, -1, i);
      names.push_back(stringAt(L, -1));
      lua_pop(L, 1);
    }
  }
  lua_pop(L, 2);
  return found;
}

[[noreturn]] void tooDeep(lua_State* L) {
  raiseError(L, "NestingTooDeep", "LimitsExceeded",
             "ConvertTo-Json: the value nests deeper than " + std::to_string(kMaxWriteDepth) +
                 " levels (does it hold itself?).");
}

Json convert(lua_State* L, int idx, int depth);

Json convertTable(lua_State* L, int idx, int depth) {
  luaL_checkstack(L, 4, "ConvertTo-Json");
  raiseIfStopped(L);  // a List of a million objects takes seconds: Ctrl-C must not wait for its end
  if (isSequence(L, idx)) {
    Json array = Json::array();
    lua_Integer n = arrayLength(L, idx);
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
      lua_pushlstring(L, name.data(), name.size());
      lua_gettable(L, idx);
      object[name] = convert(L, lua_gettop(L), depth + 1);
      lua_pop(L, 1);
    }
    return object;
  }
  lua_pushnil(L);
  while (lua_next(L, idx)) {
    if (lua_type(L, -2) == LUA_TSTRING) object[stringAt(L, -2)] = convert(L, lua_gettop(L), depth + 1);
    lua_pop(L, 1);
  }
  return object;
}

Json convert(lua_State* L, int idx, int depth) {
  if (depth > kMaxWriteDepth) tooDeep(L);
  switch (lua_type(L, idx)) {
    case LUA_TNIL: return nullptr;
    case LUA_TBOOLEAN: return static_cast<bool>(lua_toboolean(L, idx));
    case LUA_TNUMBER:
      if (lua_isinteger(L, idx)) return static_cast<long long>(lua_tointeger(L, idx));
      return lua_tonumber(L, idx);
    case LUA_TSTRING: return stringAt(L, idx);
    case LUA_TTABLE: return convertTable(L, idx, depth);
    default: {
      luaL_checkstack(L, 2, "ConvertTo-Json");
      luaL_tolstring(L, idx, nullptr);
      std::string text = stringAt(L, -1);
      lua_pop(L, 1);
      return text;
    }
  }
}

// Builds Lua values as the reader hands them over. Each open container lives on the Lua stack
// (an array: its table; an object: its fields and its key list, then the key being filled), so
// nesting costs Lua stack slots (checked), not C stack.
class LuaBuilder : public format::JsonBuilder {
 public:
  explicit LuaBuilder(lua_State* L) : L_(L) {
    lua_getglobal(L, "__plush");
    lua_getfield(L, -1, "shape");
    shape_ = lua_gettop(L);
    lua_getfield(L, -2, "ListMeta");
    listMeta_ = lua_gettop(L);
  }

  void null() override { lua_pushnil(L_); added(true); }
  void boolean(bool v) override { lua_pushboolean(L_, v); added(); }
  void integer(int64_t v) override { lua_pushinteger(L_, static_cast<lua_Integer>(v)); added(); }
  void number(double v) override { lua_pushnumber(L_, v); added(); }
  void string(std::string& v) override { lua_pushlstring(L_, v.data(), v.size()); added(); }

  void startObject() override {
    luaL_checkstack(L_, 6, "ConvertFrom-Json");
    lua_newtable(L_);  // fields
    lua_newtable(L_);  // property names in order, for the shape
    open_.push_back({true, 0, false});
  }
  void key(std::string& k) override { lua_pushlstring(L_, k.data(), k.size()); }
  void endObject() override {
    open_.pop_back();
    lua_pushvalue(L_, shape_);
    lua_insert(L_, -2);
    lua_call(L_, 1, 1);  // the shape's metatable, from the names
    lua_setmetatable(L_, -2);
    added();
  }

  void startArray() override {
    luaL_checkstack(L_, 6, "ConvertFrom-Json");
    lua_newtable(L_);
    open_.push_back({false, 0, false});
  }
  void endArray() override {
    Open array = open_.back();
    open_.pop_back();
    if (array.holdsNull) {
      lua_pushinteger(L_, array.count);
      lua_setfield(L_, -2, "n");
    }
    lua_pushvalue(L_, listMeta_);
    lua_setmetatable(L_, -2);
    added();
  }

 private:
  struct Open {
    bool object;
    lua_Integer count;  // items or keys so far
    bool holdsNull;
  };

  // The value on top joins the container it is in (at the top level it stays, as the result).
  void added(bool isNull = false) {
    if (open_.empty()) return;
    Open& parent = open_.back();
    ++parent.count;
    if (!parent.object) {
      parent.holdsNull = parent.holdsNull || isNull;
      lua_rawseti(L_, -2, parent.count);
      return;
    }
    // fields, names, key, value
    lua_pushvalue(L_, -2);
    lua_rawseti(L_, -4, parent.count);
    lua_rawset(L_, -4);
  }

  lua_State* L_;
  int shape_ = 0;
  int listMeta_ = 0;
  std::vector<Open> open_;
};

}  // namespace

Json toJson(lua_State* L, int idx) { return convert(L, lua_absindex(L, idx), 0); }

bool pushJsonText(lua_State* L, std::string_view text, format::JsonError& error) {
  int base = lua_gettop(L);
  try {
    LuaBuilder builder(L);
    format::readJson(text, builder, [] { return stopRequested(); });
  } catch (const format::JsonParseError& e) {
    lua_settop(L, base);
    error = e.error();
    return false;
  }
  lua_replace(L, base + 1);  // the value over __plush
  lua_settop(L, base + 1);
  return true;
}

}  // namespace plush::host
