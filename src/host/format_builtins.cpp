// .NET formatting for the Lua runtime: dotnet_date(seconds, format) and dotnet_number(n, format) over format/dotnet_format.h.
#include "host/format_builtins.h"

#include <cmath>
#include <string>

#include "format/dotnet_format.h"

namespace plush::host {

namespace {

int pushText(lua_State* L, const std::string& text) {
  lua_pushlstring(L, text.data(), text.size());
  return 1;
}

// A format .NET refuses is an answer, not a Lua error: nil and the reason, for the caller's error record.
int pushRefusal(lua_State* L, const format::FormatError& e) {
  lua_pushnil(L);
  lua_pushstring(L, e.what());
  return 2;
}

// dotnet_date(unixSeconds, format[, ticks]): DateTime.ToString(format) of that UTC moment.
int dotnetDate(lua_State* L) {
  lua_Number seconds = luaL_checknumber(L, 1);
  size_t length = 0;
  const char* fmt = luaL_optlstring(L, 2, "", &length);
  auto ticks = static_cast<int>(luaL_optinteger(L, 3, 0));
  luaL_argcheck(L, ticks >= 0 && ticks < 10000000, 3, "ticks are 0 to 9999999 (100 ns)");
  try {
    format::DateTimeParts moment = format::utcDateTime(static_cast<int64_t>(std::floor(seconds)), ticks);
    return pushText(L, format::formatDateTime(moment, std::string_view(fmt, length)));
  } catch (const format::FormatError& e) {
    return pushRefusal(L, e);
  }
}

// dotnet_number(n, format): Int64.ToString(format) for a Lua integer, Double.ToString(format) for a float.
int dotnetNumber(lua_State* L) {
  luaL_checktype(L, 1, LUA_TNUMBER);
  size_t length = 0;
  const char* fmt = luaL_optlstring(L, 2, "", &length);
  std::string_view f(fmt, length);
  try {
    if (lua_isinteger(L, 1)) return pushText(L, format::formatInteger(lua_tointeger(L, 1), f));
    return pushText(L, format::formatNumber(lua_tonumber(L, 1), f));
  } catch (const format::FormatError& e) {
    return pushRefusal(L, e);
  }
}

}  // namespace

void registerFormatBuiltins(lua_State* L) {
  static const luaL_Reg functions[] = {{"dotnet_date", dotnetDate}, {"dotnet_number", dotnetNumber}, {nullptr, nullptr}};
  luaL_setfuncs(L, functions, 0);
}

}  // namespace plush::host
