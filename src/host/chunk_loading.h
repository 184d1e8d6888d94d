// Scripts load Lua text only: load, loadfile, dofile and require refuse binary chunks; string.dump is gone.
#pragma once
#include <lua.hpp>

namespace plush::host {

// Replace the standard library's loaders after luaL_openlibs. A binary chunk (a dump) skips the
// parser's checks, and a damaged one crashes the VM; so every way a script loads code refuses
// binary chunks ("attempt to load a binary chunk (mode is 't')"), and string.dump, which makes
// them, is removed. The originals are not kept anywhere a script can reach. The host's own
// loads (luaL_loadbufferx of the embedded runtime) do not go through these functions.
void forceTextChunks(lua_State* L);

// Call the searchpath function at index searchpath for the module name at index name along
// package[field] ("path" or "cpath"; package at index package): its two results are left on top.
void searchPackagePath(lua_State* L, int searchpath, int package, const char* field, int name);

// Make package.searchers[2] (require's Lua searcher) load text only, finding files with the
// searchpath function on top of the stack (popped): the standard one, or --restricted's.
void installTextSearcher(lua_State* L);

}  // namespace plush::host
