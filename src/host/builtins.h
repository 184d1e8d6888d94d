// C functions the Lua runtime needs: JSON, table and list rendering, terminal width (regex: regex.h, CSV: csv_builtins.h).
#pragma once
#include <lua.hpp>

namespace plush::host {

// Adds the functions to the table on top of the stack (__plush).
void registerBuiltins(lua_State* L);

}  // namespace plush::host
