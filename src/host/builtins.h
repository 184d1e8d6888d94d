// C functions the Lua runtime needs: JSON, regex (host/regex.h), table and list rendering, terminal width, CSV lines.
#pragma once
#include <lua.hpp>

namespace plush::host {

// Adds the functions to the table on top of the stack (__plush).
void registerBuiltins(lua_State* L);

}  // namespace plush::host
