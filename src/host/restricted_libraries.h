// --restricted: the Lua libraries of a script that runs others' code (no programs, native code, debug; files checked).
#pragma once
#include <lua.hpp>

namespace plush::host {

// After the runtime and stdlib are loaded (they keep their own references), replace what a script
// reaches: os.execute, io.popen, os.tmpname, package.loadlib, C modules and the debug library raise
// RestrictedOperation; io.open, io.lines, io.input, io.output, os.remove, os.rename, loadfile,
// dofile and require check their paths with checkPath (restrictPaths must have been called).
void restrictLibraries(lua_State* L);

}  // namespace plush::host
