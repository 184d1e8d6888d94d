// Fuzz harness: the Lua dialect's translator on any text answers Ok, Incomplete or Error, and Ok is Lua that loads.
#include <lua.hpp>

#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>
#include <strings.h>

#include "lang/translator.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view source(reinterpret_cast<const char*>(data), size);
  plush::lang::Options options;
  // A few command names and aliases, so the command paths of the translator are reached.
  options.isCommand = [](std::string_view name) {
    for (std::string_view c : {"Get-User", "Set-UserLicense", "Where-Object", "ForEach-Object", "Select-Object",
                               "Write-Output", "Sort-Object", "gu", "where", "select", "sort"})
      if (name.size() == c.size() && strncasecmp(name.data(), c.data(), c.size()) == 0) return true;
    return false;
  };
  options.chunkName = "fuzz";
  plush::lang::Translation t = plush::lang::translate(source, options);
  if (t.status != plush::lang::Status::Ok) return 0;
  // The translator's promise: what it gives back is Lua. Text mode only, as plush loads it.
  lua_State* L = luaL_newstate();
  int loaded = luaL_loadbufferx(L, t.lua.data(), t.lua.size(), "fuzz", "t");
  if (loaded != LUA_OK && loaded != LUA_ERRMEM) {
    // Plain Lua that Lua itself refuses is passed through as it is; anything else is a translator fault.
    int plain = luaL_loadbufferx(L, source.data(), source.size(), "fuzz", "t");
    if (plain == LUA_OK) abort();
  }
  lua_close(L);
  return 0;
}
