// The cmdlet declarations as completion needs them, read from the runtime's registry (__plush.commands()).
#include "repl/command_catalog.h"

#include <cctype>

namespace plush::repl {

namespace {

std::string stringField(lua_State* L, int table, const char* key) {
  lua_getfield(L, table, key);
  std::string value = lua_type(L, -1) == LUA_TSTRING ? lua_tostring(L, -1) : "";
  lua_pop(L, 1);
  return value;
}

std::vector<std::string> stringsField(lua_State* L, int table, const char* key) {
  std::vector<std::string> out;
  lua_getfield(L, table, key);
  if (lua_istable(L, -1)) {
    lua_Integer n = luaL_len(L, -1);
    for (lua_Integer i = 1; i <= n; ++i) {
      if (lua_geti(L, -1, i) == LUA_TSTRING) out.emplace_back(lua_tostring(L, -1));
      lua_pop(L, 1);
    }
  }
  lua_pop(L, 1);
  return out;
}

ParamInfo readParam(lua_State* L, int table) {
  ParamInfo p;
  p.name = stringField(L, table, "name");
  p.aliases = stringsField(L, table, "aliases");
  p.type = stringField(L, table, "type");
  p.complete = stringField(L, table, "complete");
  p.values = stringsField(L, table, "values");
  lua_getfield(L, table, "position");
  p.position = lua_isinteger(L, -1) ? static_cast<int>(lua_tointeger(L, -1)) : 0;
  lua_pop(L, 1);
  return p;
}

CommandInfo readCommand(lua_State* L, int table) {
  CommandInfo c;
  c.name = stringField(L, table, "name");
  c.aliases = stringsField(L, table, "aliases");
  lua_getfield(L, table, "parameters");
  if (lua_istable(L, -1)) {
    lua_Integer n = luaL_len(L, -1);
    for (lua_Integer i = 1; i <= n; ++i) {
      if (lua_geti(L, -1, i) == LUA_TTABLE) c.params.push_back(readParam(L, lua_gettop(L)));
      lua_pop(L, 1);
    }
  }
  lua_pop(L, 1);
  return c;
}

bool namedBy(const ParamInfo& p, std::string_view typed) {
  if (equalsIgnoringCase(p.name, typed)) return true;
  for (const auto& a : p.aliases)
    if (equalsIgnoringCase(a, typed)) return true;
  return false;
}

}  // namespace

bool equalsIgnoringCase(std::string_view a, std::string_view b) {
  return a.size() == b.size() && startsWithIgnoringCase(a, b);
}

bool startsWithIgnoringCase(std::string_view text, std::string_view prefix) {
  if (prefix.size() > text.size()) return false;
  for (size_t i = 0; i < prefix.size(); ++i) {
    if (std::tolower(static_cast<unsigned char>(text[i])) != std::tolower(static_cast<unsigned char>(prefix[i])))
      return false;
  }
  return true;
}

const ParamInfo* CommandInfo::param(std::string_view typed) const {
  const ParamInfo* byPrefix = nullptr;
  int prefixMatches = 0;
  for (const auto& p : params) {
    if (namedBy(p, typed)) return &p;
    if (startsWithIgnoringCase(p.name, typed)) {
      byPrefix = &p;
      ++prefixMatches;
    }
  }
  return prefixMatches == 1 ? byPrefix : nullptr;
}

CommandCatalog CommandCatalog::read(lua_State* L) {
  std::vector<CommandInfo> commands;
  int top = lua_gettop(L);
  lua_getglobal(L, "__plush");
  if (lua_istable(L, -1) && lua_getfield(L, -1, "commands") == LUA_TFUNCTION &&
      lua_pcall(L, 0, 1, 0) == LUA_OK && lua_istable(L, -1)) {
    lua_Integer n = luaL_len(L, -1);
    for (lua_Integer i = 1; i <= n; ++i) {
      if (lua_geti(L, -1, i) == LUA_TTABLE) commands.push_back(readCommand(L, lua_gettop(L)));
      lua_pop(L, 1);
    }
  }
  lua_settop(L, top);
  return CommandCatalog(std::move(commands));
}

const CommandInfo* CommandCatalog::find(std::string_view name) const {
  for (const auto& c : commands_) {
    if (equalsIgnoringCase(c.name, name)) return &c;
    for (const auto& a : c.aliases)
      if (equalsIgnoringCase(a, name)) return &c;
  }
  return nullptr;
}

}  // namespace plush::repl
