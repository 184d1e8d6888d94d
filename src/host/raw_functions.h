// Lazy Lists (shell/objects.lua's P.lazyList) seen as the plain tables they stand for by raw reads.
#pragma once
#include <lua.hpp>

namespace plush::host {

// A lazy List at idx becomes the plain List it stands for (every item made); anything else is left.
// For C code that reads a table with lua_rawgeti, lua_rawlen or lua_next.
void settleList(lua_State* L, int idx);

// Adds set_metatable (setmetatable without the __metatable guard) and settleKey (the key of a lazy
// List's settle function in its metatable) to the table on top (__plush).
void registerRawBuiltins(lua_State* L);

// Replaces the global rawget, rawset, rawlen, next and setmetatable with ones that settle a lazy List
// first and are otherwise the same. Called once plush's own Lua has loaded (it keeps the originals).
void wrapRawFunctions(lua_State* L);

}  // namespace plush::host
