// The progress line for the Lua runtime: __plush.progress_start/progress_tick/progress_write/progress_clear over format/progress_line.h.
#pragma once
#include <lua.hpp>

namespace plush::host {

// Adds the functions to the table on top of the stack (__plush).
void registerProgressBuiltins(lua_State* L);

}  // namespace plush::host
