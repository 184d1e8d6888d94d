// C++ cmdlets: a declaration as data (the same shape Lua cmdlets use) and the call a handler works with.
#include "shell/cmdlet.h"

#include <cmath>
#include <cstdlib>
#include <memory>
#include <stdexcept>

#include "host/interrupt.h"
#include "host/restricted_paths.h"

namespace plush::shell {

namespace {

void pushStrings(lua_State* L, const std::vector<std::string>& values) {
  lua_createtable(L, static_cast<int>(values.size()), 0);
  for (size_t i = 0; i < values.size(); ++i) {
    lua_pushstring(L, values[i].c_str());
    lua_rawseti(L, -2, static_cast<lua_Integer>(i + 1));
  }
}

// Fields are stored raw: the names given are the declared (canonical) ones, so the type's
// __newindex, which only maps other spellings to them (lower-casing each name), has nothing to do.
void rawSetTop(lua_State* L, const char* name) {
  lua_pushstring(L, name);
  lua_insert(L, -2);
  lua_rawset(L, -3);
}

// Metatables are looked up once per Lua state and kept in the registry: objects are pushed per
// row (a million for `Get-User` at scale), and a Lua call to __plush.type per row cost more than
// the row itself.
constexpr const char* kTypeCache = "plush.typeMetatables";
constexpr const char* kListMeta = "plush.ListMeta";

void pushListMeta(lua_State* L) {
  if (lua_getfield(L, LUA_REGISTRYINDEX, kListMeta) == LUA_TTABLE) return;
  lua_pop(L, 1);
  lua_getglobal(L, "__plush");
  lua_getfield(L, -1, "ListMeta");
  lua_remove(L, -2);
  lua_pushvalue(L, -1);
  lua_setfield(L, LUA_REGISTRYINDEX, kListMeta);
}

// A List value (the runtime's List metatable), so scripts can use .Count and member enumeration.
void pushList(lua_State* L, const std::vector<std::string>& values) {
  pushStrings(L, values);
  pushListMeta(L);
  lua_setmetatable(L, -2);
}

void setString(lua_State* L, const char* key, const std::string& value) {
  if (value.empty()) return;
  lua_pushstring(L, value.c_str());
  lua_setfield(L, -2, key);
}

void pushParam(lua_State* L, const Param& p) {
  lua_newtable(L);
  setString(L, "name", p.name);
  setString(L, "type", p.type);
  setString(L, "pipeline", p.pipeline);
  setString(L, "complete", p.complete);
  setString(L, "help", p.help);
  setString(L, "null", p.null);
  if (p.list) { lua_pushboolean(L, 1); lua_setfield(L, -2, "list"); }
  if (p.mandatory) { lua_pushboolean(L, 1); lua_setfield(L, -2, "mandatory"); }
  if (p.position > 0) { lua_pushinteger(L, p.position); lua_setfield(L, -2, "position"); }
  pushStrings(L, p.aliases);
  lua_setfield(L, -2, "aliases");
  if (!p.sets.empty()) { pushStrings(L, p.sets); lua_setfield(L, -2, "sets"); }
  if (!p.values.empty()) { pushStrings(L, p.values); lua_setfield(L, -2, "values"); }
}

// --restricted: the values of the cmdlet's path parameters (upvalue 2, names kept out of the script's
// reach; upvalue 3, the command) are checked before its handler runs, whoever called it. The handler
// must then read what was checked: the arguments are made a raw field of the stage, and arguments
// with a metatable (which could answer the check and the handler differently) are refused.
void checkPathArguments(lua_State* L) {
  if (!host::pathsRestricted() || !lua_istable(L, 1)) return;
  lua_getfield(L, 1, "args");
  int args = lua_gettop(L);
  if (lua_istable(L, args) && lua_getmetatable(L, args))
    host::refuseOperation(L, lua_tostring(L, lua_upvalueindex(3)), "its call was not made by the parameter binder");
  lua_pushliteral(L, "args");
  lua_pushvalue(L, args);
  lua_rawset(L, 1);
  if (!lua_istable(L, args)) {
    lua_settop(L, args - 1);
    return;
  }
  lua_Integer names = static_cast<lua_Integer>(lua_rawlen(L, lua_upvalueindex(2)));
  for (lua_Integer i = 1; i <= names; ++i) {
    lua_rawgeti(L, lua_upvalueindex(2), i);
    lua_rawget(L, args);
    if (lua_type(L, -1) == LUA_TSTRING) host::checkPath(L, lua_tostring(L, -1), lua_tostring(L, lua_upvalueindex(3)));
    if (lua_istable(L, -1)) {
      for (lua_Integer k = 1, n = static_cast<lua_Integer>(lua_rawlen(L, -1)); k <= n; ++k) {
        if (lua_rawgeti(L, -1, k) == LUA_TSTRING) host::checkPath(L, lua_tostring(L, -1), lua_tostring(L, lua_upvalueindex(3)));
        lua_pop(L, 1);
      }
    }
    lua_pop(L, 1);
  }
  lua_settop(L, args - 1);
}

// The Lua side of a handler: (stage, input) -> calls the C++ function with a Call.
int handlerTrampoline(lua_State* L) {
  auto* handler = static_cast<Handler*>(lua_touserdata(L, lua_upvalueindex(1)));
  checkPathArguments(L);
  Call call(L, 1, lua_gettop(L) >= 2 ? 2 : 0);
  try {
    (*handler)(call);
  } catch (const std::exception& e) {
    // A bug or an environment failure, not a rule: terminate the pipeline with the message.
    lua_pushstring(L, e.what());
    lua_error(L);
  }
  return 0;
}

// A C++ object owned by Lua: a userdata destroyed by its __gc, under a metatable named once per type.
template <typename T>
int collectBoxed(lua_State* L) {
  static_cast<T*>(lua_touserdata(L, 1))->~T();
  return 0;
}

template <typename T>
void pushBoxed(lua_State* L, T value, const char* metatableName) {
  new (lua_newuserdatauv(L, sizeof(T), 0)) T(std::move(value));
  if (luaL_newmetatable(L, metatableName)) {
    lua_pushcfunction(L, collectBoxed<T>);
    lua_setfield(L, -2, "__gc");
  }
  lua_setmetatable(L, -2);
}

// upvalues: the handler, the names of its path parameters, the command's name.
void pushHandler(lua_State* L, Handler handler, const CmdletDecl& decl) {
  pushBoxed(L, std::move(handler), "plush.Handler");
  lua_newtable(L);
  lua_Integer n = 0;
  for (const Param& p : decl.params)
    if (p.complete == "path") {
      lua_pushstring(L, p.name.c_str());
      lua_rawseti(L, -2, ++n);
    }
  lua_pushstring(L, decl.name.c_str());
  lua_pushcclosure(L, handlerTrampoline, 3);
}

// The declaration's fields after its name and aliases, into the table at `table`.
void fillDeclaration(lua_State* L, int table, CmdletDecl& decl) {
  lua_pushvalue(L, table);
  setString(L, "synopsis", decl.synopsis);
  setString(L, "description", decl.description);
  setString(L, "defaultSet", decl.defaultSet);
  setString(L, "outputType", decl.outputType);
  lua_pushboolean(L, decl.changesState);
  lua_setfield(L, -2, "changesState");
  lua_createtable(L, static_cast<int>(decl.params.size()), 0);
  for (size_t i = 0; i < decl.params.size(); ++i) {
    pushParam(L, decl.params[i]);
    lua_rawseti(L, -2, static_cast<lua_Integer>(i + 1));
  }
  lua_setfield(L, -2, "parameters");
  lua_createtable(L, static_cast<int>(decl.examples.size()), 0);
  for (size_t i = 0; i < decl.examples.size(); ++i) {
    lua_newtable(L);
    setString(L, "code", decl.examples[i].code);
    setString(L, "text", decl.examples[i].text);
    lua_rawseti(L, -2, static_cast<lua_Integer>(i + 1));
  }
  lua_setfield(L, -2, "examples");
  if (decl.begin) { pushHandler(L, std::move(decl.begin), decl); lua_setfield(L, -2, "begin"); }
  if (decl.process) { pushHandler(L, std::move(decl.process), decl); lua_setfield(L, -2, "process"); }
  if (decl.end) { pushHandler(L, std::move(decl.end), decl); lua_setfield(L, -2, "finish"); }
  lua_pop(L, 1);
}

// The registry's fill for a C++ cmdlet (upvalue 1: its CmdletDecl), run on the declaration's first use.
int fillTrampoline(lua_State* L) {
  auto* decl = static_cast<CmdletDecl*>(lua_touserdata(L, lua_upvalueindex(1)));
  luaL_checktype(L, 1, LUA_TTABLE);
  fillDeclaration(L, 1, *decl);
  return 0;
}

}  // namespace

// Registers the name and aliases; the rest is pushed the first time the runtime reads the declaration.
void registerCmdlet(lua_State* L, CmdletDecl decl) {
  lua_getglobal(L, "__plush");
  lua_getfield(L, -1, "register");
  lua_newtable(L);
  setString(L, "name", decl.name);
  if (!decl.aliases.empty()) {
    pushStrings(L, decl.aliases);
    lua_setfield(L, -2, "aliases");
  }
  pushBoxed(L, std::move(decl), "plush.CmdletDecl");
  lua_pushcclosure(L, fillTrampoline, 1);
  lua_call(L, 2, 0);
  lua_pop(L, 1);
}

void Call::pushArg(const char* name) const {
  lua_getfield(L_, stage_, "args");
  lua_getfield(L_, -1, name);
  lua_remove(L_, -2);
}

bool Call::has(const char* name) const {
  pushArg(name);
  bool present = !lua_isnil(L_, -1);
  lua_pop(L_, 1);
  return present;
}

std::optional<std::string> Call::str(const char* name) const {
  pushArg(name);
  std::optional<std::string> out;
  if (lua_type(L_, -1) == LUA_TSTRING || lua_type(L_, -1) == LUA_TNUMBER) out = lua_tostring(L_, -1);
  lua_pop(L_, 1);
  return out;
}

std::string Call::str(const char* name, const std::string& fallback) const {
  return str(name).value_or(fallback);
}

std::vector<std::string> Call::strings(const char* name) const {
  std::vector<std::string> out;
  pushArg(name);
  if (lua_istable(L_, -1)) {
    lua_Integer n = luaL_len(L_, -1);
    for (lua_Integer i = 1; i <= n; ++i) {
      lua_rawgeti(L_, -1, i);
      if (lua_isstring(L_, -1)) out.emplace_back(lua_tostring(L_, -1));
      lua_pop(L_, 1);
    }
  } else if (lua_isstring(L_, -1)) {
    out.emplace_back(lua_tostring(L_, -1));
  }
  lua_pop(L_, 1);
  return out;
}

std::optional<double> Call::number(const char* name) const {
  pushArg(name);
  std::optional<double> out;
  if (lua_isnumber(L_, -1)) out = lua_tonumber(L_, -1);
  lua_pop(L_, 1);
  return out;
}

std::optional<bool> Call::boolean(const char* name) const {
  pushArg(name);
  std::optional<bool> out;
  if (lua_isboolean(L_, -1)) out = lua_toboolean(L_, -1) != 0;
  lua_pop(L_, 1);
  return out;
}

bool Call::flag(const char* name) const { return boolean(name).value_or(false); }

bool Call::emitTop() {
  lua_getfield(L_, stage_, "emit");
  lua_insert(L_, -2);
  lua_call(L_, 1, 1);
  bool more = lua_toboolean(L_, -1);
  lua_pop(L_, 1);
  return more;
}

bool Call::outputIsValue() const {
  lua_getfield(L_, stage_, "outputIsValue");
  bool yes = lua_toboolean(L_, -1);
  lua_pop(L_, 1);
  return yes;
}

void Call::giveListTop() { lua_setfield(L_, stage_, "outputList"); }

void Call::pollStop() const { host::raiseIfStopped(L_); }

void Call::expect(long long count) {
  lua_pushinteger(L_, count);
  lua_setfield(L_, stage_, "expected");
}

namespace {
// The error record's fields every report carries, as a new table on the stack.
void pushErrorFields(lua_State* L, const ErrorInfo& info) {
  lua_newtable(L);
  setString(L, "Id", info.id);
  setString(L, "Category", info.category);
  setString(L, "Target", info.target);
  setString(L, "Message", info.message);
  setString(L, "Recommendation", info.recommendation);
}
}  // namespace

void Call::error(const ErrorInfo& info) {
  lua_getfield(L_, stage_, "error");
  lua_pushvalue(L_, stage_);
  pushErrorFields(L_, info);
  lua_call(L_, 2, 0);
}

void Call::terminate(const ErrorInfo& info) {
  lua_getglobal(L_, "__plush");
  lua_getfield(L_, -1, "throw");
  pushErrorFields(L_, info);
  lua_getfield(L_, stage_, "cmd");
  lua_getfield(L_, -1, "name");
  lua_setfield(L_, -3, "Command");
  lua_pop(L_, 1);
  lua_getfield(L_, stage_, "position");
  lua_setfield(L_, -2, "Position");
  lua_call(L_, 1, 0);  // raises
  std::abort();
}

void Call::verbose(const std::string& text) {
  lua_getfield(L_, stage_, "verbose");
  lua_pushvalue(L_, stage_);
  lua_pushstring(L_, text.c_str());
  lua_call(L_, 2, 0);
}

void Call::warning(const std::string& text) {
  lua_getglobal(L_, "__plush");
  lua_getfield(L_, -1, "warn");
  lua_getfield(L_, stage_, "cmd");
  lua_getfield(L_, -1, "name");
  std::string name = lua_isstring(L_, -1) ? lua_tostring(L_, -1) : "";
  lua_pop(L_, 2);
  lua_pushstring(L_, ((name.empty() ? "" : name + ": ") + text).c_str());
  lua_call(L_, 1, 0);
  lua_pop(L_, 1);
}

void pushTypeMetatable(lua_State* L, const char* typeName) {
  if (lua_getfield(L, LUA_REGISTRYINDEX, kTypeCache) != LUA_TTABLE) {
    lua_pop(L, 1);
    lua_newtable(L);
    lua_pushvalue(L, -1);
    lua_setfield(L, LUA_REGISTRYINDEX, kTypeCache);
  }
  if (lua_getfield(L, -1, typeName) != LUA_TTABLE) {  // P.type keeps one metatable per name for good
    lua_pop(L, 1);
    lua_getglobal(L, "__plush");
    lua_getfield(L, -1, "type");
    lua_remove(L, -2);
    lua_pushstring(L, typeName);
    lua_call(L, 1, 1);
    lua_pushvalue(L, -1);
    lua_setfield(L, -3, typeName);
  }
  lua_remove(L, -2);
}

void Call::pushObject(const char* typeName, int fieldCount) {
  lua_createtable(L_, 0, fieldCount);
  pushTypeMetatable(L_, typeName);
  lua_setmetatable(L_, -2);
}

void setField(lua_State* L, const char* name, const std::string& value) {
  lua_pushlstring(L, value.data(), value.size());
  rawSetTop(L, name);
}

void setField(lua_State* L, const char* name, const char* value) {
  lua_pushstring(L, value);
  rawSetTop(L, name);
}

void setField(lua_State* L, const char* name, const std::optional<std::string>& value) {
  if (value) setField(L, name, *value);
}

void setField(lua_State* L, const char* name, long long value) {
  lua_pushinteger(L, value);
  rawSetTop(L, name);
}

void setField(lua_State* L, const char* name, bool value) {
  lua_pushboolean(L, value);
  rawSetTop(L, name);
}

void setField(lua_State* L, const char* name, const std::vector<std::string>& values) {
  pushList(L, values);
  rawSetTop(L, name);
}

void setNumber(lua_State* L, const char* name, double value) {
  lua_pushnumber(L, value);
  rawSetTop(L, name);
}

void declareType(lua_State* L, const char* typeName, const std::vector<std::string>& props) {
  lua_getglobal(L, "__plush");
  lua_getfield(L, -1, "type");
  lua_pushstring(L, typeName);
  pushStrings(L, props);
  lua_call(L, 2, 0);
  lua_pop(L, 1);
}

}  // namespace plush::shell
