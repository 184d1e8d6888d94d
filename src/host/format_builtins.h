// .NET formatting for the Lua runtime: __plush.dotnet_date and __plush.dotnet_number.
#pragma once
#include <lua.hpp>

namespace plush::host {

// Adds to the table on top of the stack (__plush):
//   dotnet_date(unixSeconds, format[, ticks]) -> text, or nil and why .NET would refuse the format
//   dotnet_number(n, format)                  -> text, or nil and why (an integer formats as Int64, a float as Double)
void registerFormatBuiltins(lua_State* L);

}  // namespace plush::host
