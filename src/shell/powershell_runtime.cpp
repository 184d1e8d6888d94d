// The PowerShell dialect's Lua runtime (src/shell/ps/), loaded into a session the first time the dialect runs.
#include "shell/powershell_runtime.h"

#include <stdexcept>
#include <string>

#include "host/embedded_runtime.h"

namespace plush::shell {

namespace {

bool loaded(lua_State* L) {
  lua_getglobal(L, "__plush");
  lua_getfield(L, -1, "ps");
  bool yes = false;
  if (lua_istable(L, -1)) {
    lua_getfield(L, -1, "loaded");
    yes = lua_toboolean(L, -1);
    lua_pop(L, 1);
  }
  lua_pop(L, 2);
  return yes;
}

}  // namespace

void loadPowerShellRuntime(lua_State* L) {
  if (loaded(L)) return;
  for (const auto& chunk : host::embeddedPowerShellRuntime()) {
    std::string name = std::string("@shell/ps/") + chunk.name;
    if (luaL_loadbufferx(L, chunk.code, chunk.size, name.c_str(), "b") != LUA_OK ||
        lua_pcall(L, 0, 0, 0) != LUA_OK) {
      std::string message = lua_tostring(L, -1) ? lua_tostring(L, -1) : "error";
      lua_pop(L, 1);
      throw std::runtime_error("plush's PowerShell runtime failed to load: " + message);
    }
  }
  lua_getglobal(L, "__plush");
  lua_getfield(L, -1, "ps");
  lua_pushboolean(L, 1);
  lua_setfield(L, -2, "loaded");
  lua_pop(L, 2);
}

}  // namespace plush::shell
