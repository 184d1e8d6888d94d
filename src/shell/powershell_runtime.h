// The PowerShell dialect's Lua runtime (src/shell/ps/), loaded into a session the first time the dialect runs.
#pragma once
#include <lua.hpp>

namespace plush::shell {

// Load it once; later calls do nothing. Throws std::runtime_error if the runtime itself fails to load.
void loadPowerShellRuntime(lua_State* L);

}  // namespace plush::shell
