// Lua names for completion: globals, and fields of tables reached by a dotted name (`string.fo`).
#include "repl/lua_names.h"

#include <cctype>


namespace plush::repl {

namespace {

constexpr int kIndexDepth = 4;  // __index chains followed, so a loop cannot hang the prompt

bool isIdentifier(const char* s, size_t n) {
  if (n == 0 || !(std::isalpha(static_cast<unsigned char>(s[0])) || s[0] == '_')) return false;
  for (size_t i = 1; i < n; ++i)
    if (!(std::isalnum(static_cast<unsigned char>(s[i])) || s[i] == '_')) return false;
  return true;
}

// Push the value's __index table (a table's, or a string's via the string metatable), or nothing.
bool pushIndexTable(lua_State* L, int idx) {
  if (!lua_getmetatable(L, idx)) return false;
  lua_pushliteral(L, "__index");
  lua_rawget(L, -2);
  lua_remove(L, -2);
  if (lua_istable(L, -1)) return true;
  lua_pop(L, 1);
  return false;
}

// Replace the value on top with its field `name` (raw, then through __index tables); nil when none.
void stepInto(lua_State* L, std::string_view name) {
  for (int depth = 0; depth < kIndexDepth; ++depth) {
    if (lua_istable(L, -1)) {
      lua_pushlstring(L, name.data(), name.size());
      lua_rawget(L, -2);
      if (!lua_isnil(L, -1)) break;
      lua_pop(L, 1);
    }
    if (!pushIndexTable(L, -1)) {
      lua_pushnil(L);
      break;
    }
    lua_remove(L, -2);
  }
  lua_remove(L, -2);
}

void collectKeys(lua_State* L, const std::string& head, std::vector<std::string>& out) {
  lua_pushvalue(L, -1);
  for (int depth = 0; depth < kIndexDepth; ++depth) {
    if (lua_istable(L, -1)) {
      lua_pushnil(L);
      while (lua_next(L, -2)) {
        size_t n = 0;
        const char* key = lua_type(L, -2) == LUA_TSTRING ? lua_tolstring(L, -2, &n) : nullptr;
        if (key && isIdentifier(key, n)) out.push_back(head + std::string(key, n));
        lua_pop(L, 1);
      }
    }
    if (!pushIndexTable(L, -1)) break;
    lua_remove(L, -2);
  }
  lua_pop(L, 1);
}

}  // namespace

std::vector<std::string> luaNamesFor(lua_State* L, std::string_view partial) {
  std::vector<std::string> out;
  int top = lua_gettop(L);
  lua_pushglobaltable(L);
  size_t start = 0;
  for (;;) {
    size_t sep = partial.find_first_of(".:", start);
    if (sep == std::string_view::npos) break;
    stepInto(L, partial.substr(start, sep - start));
    start = sep + 1;
  }
  if (!lua_isnil(L, -1)) collectKeys(L, std::string(partial.substr(0, start)), out);
  lua_settop(L, top);
  return out;
}

}  // namespace plush::repl
