// Fuzz harness: any bytes through ConvertFrom-Json's path into Lua and back: refused with a place, or
// a Lua value that ConvertTo-Json writes and the reader takes again.
#include <lua.hpp>

#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "host/json.h"
#include "host/lua_host.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static plush::host::LuaHost* host = [] {
    auto* h = new plush::host::LuaHost;
    h->loadRuntime();
    return h;
  }();
  lua_State* L = host->state();
  int top = lua_gettop(L);
  std::string_view text(reinterpret_cast<const char*>(data), size);
  plush::format::JsonError error;
  if (!plush::host::pushJsonText(L, text, error)) {
    if (lua_gettop(L) != top || error.line < 1 || error.column < 1 || error.offset > size) abort();
    return 0;
  }
  std::string back = plush::host::writeJson(L, -1, -1);
  lua_settop(L, top);
  if (!plush::host::pushJsonText(L, back, error)) abort();  // what plush writes, plush reads
  lua_settop(L, top);
  lua_gc(L, LUA_GCSTEP, 0);
  return 0;
}
