// Lua values to and from JSON: plush objects keep their property order, arrays keep their nulls.
#include "host/json.h"

#include <algorithm>
#include <string>
#include <vector>

#include "format/json_reader.h"
#include "host/error_record.h"
#include "host/interrupt.h"
#include "host/raw_functions.h"

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

// Writes the text as it walks the Lua values, in nlohmann's layout (which writes each scalar), so
// that a stop raised midway drops one string rather than waiting to free a tree of a million nodes.
class JsonWriter {
 public:
  JsonWriter(lua_State* L, int indent) : L_(L), indent_(indent) {}

  void value(int idx, int depth) {
    if (depth > kMaxWriteDepth) tooDeep(L_);
    switch (lua_type(L_, idx)) {
      case LUA_TNIL: out_ += "null"; return;
      case LUA_TBOOLEAN: out_ += lua_toboolean(L_, idx) ? "true" : "false"; return;
      case LUA_TNUMBER:
        if (lua_isinteger(L_, idx)) out_ += std::to_string(lua_tointeger(L_, idx));
        else scalar(Json(lua_tonumber(L_, idx)));
        return;
      case LUA_TSTRING: scalar(Json(stringAt(L_, idx))); return;
      case LUA_TTABLE: table(idx, depth); return;
      default: {
        luaL_checkstack(L_, 2, "ConvertTo-Json");
        luaL_tolstring(L_, idx, nullptr);
        scalar(Json(stringAt(L_, -1)));
        lua_pop(L_, 1);
      }
    }
  }

  std::string& text() { return out_; }

 private:
  void scalar(const Json& j) { out_ += j.dump(-1, ' ', false, Json::error_handler_t::replace); }

  // Before the first item of a container, or between items: a comma, then the new line and indent.
  void item(bool first, int depth) {
    if (!first) out_ += ',';
    newline(depth);
  }
  void newline(int depth) {
    if (indent_ < 0) return;
    out_ += '\n';
    out_.append(static_cast<size_t>(indent_) * static_cast<size_t>(depth), ' ');
  }
  void key(const std::string& name) {
    scalar(Json(name));
    out_ += indent_ < 0 ? ":" : ": ";
  }

  void table(int idx, int depth) {
    luaL_checkstack(L_, 4, "ConvertTo-Json");
    raiseIfStopped(L_);  // a List of a million objects takes seconds: Ctrl-C must not wait for its end
    settleList(L_, idx);  // read raw below
    if (isSequence(L_, idx)) return array(idx, depth);
    std::vector<std::string> names;
    bool ordered = propertyNames(L_, idx, names);
    if (ordered) dropRepeats(names);
    else unorderedNames(idx, names);
    if (names.empty()) return void(out_ += "{}");
    out_ += '{';
    for (size_t i = 0; i < names.size(); ++i) {
      item(i == 0, depth + 1);
      key(names[i]);
      lua_pushlstring(L_, names[i].data(), names[i].size());
      if (ordered) lua_gettable(L_, idx);
      else lua_rawget(L_, idx);
      value(lua_gettop(L_), depth + 1);
      lua_pop(L_, 1);
    }
    newline(depth);
    out_ += '}';
  }

  void array(int idx, int depth) {
    lua_Integer n = arrayLength(L_, idx);
    if (n == 0) return void(out_ += "[]");
    out_ += '[';
    for (lua_Integer i = 1; i <= n; ++i) {
      item(i == 1, depth + 1);
      lua_rawgeti(L_, idx, i);
      value(lua_gettop(L_), depth + 1);
      lua_pop(L_, 1);
    }
    newline(depth);
    out_ += ']';
  }

  // A type's property named twice is written once, where it first appears.
  static void dropRepeats(std::vector<std::string>& names) {
    std::vector<std::string> kept;
    for (auto& name : names)
      if (std::find(kept.begin(), kept.end(), name) == kept.end()) kept.push_back(std::move(name));
    names = std::move(kept);
  }

  // A table without a type: its string keys, in the order next() gives them.
  void unorderedNames(int idx, std::vector<std::string>& names) {
    lua_pushnil(L_);
    while (lua_next(L_, idx)) {
      if (lua_type(L_, -2) == LUA_TSTRING) names.push_back(stringAt(L_, -2));
      lua_pop(L_, 1);
    }
  }

  lua_State* L_;
  int indent_;
  std::string out_;
};

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

std::string writeJson(lua_State* L, int idx, int indent) {
  JsonWriter writer(L, indent);
  writer.value(lua_absindex(L, idx), 0);
  return std::move(writer.text());
}

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
