// Scripts load Lua text only: load, loadfile, dofile and require refuse binary chunks; string.dump is gone.
#pragma once
#include <lua.hpp>

namespace plush::host {

// Replace the standard library's loaders after luaL_openlibs. A binary chunk (a dump) skips the
// parser's checks, and a damaged one crashes the VM; so every way a script loads code forces
// mode "t" (a binary chunk is an error: "attempt to load a binary chunk"), and string.dump,
// which makes them, is removed. The originals are not kept anywhere a script can reach.
void forceTextChunks(lua_State* L);

}  // namespace plush::host
