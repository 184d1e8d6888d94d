// Lua names for completion: globals, and fields of tables reached by a dotted name (`string.fo`).
#pragma once
#include <lua.hpp>

#include <string>
#include <string_view>
#include <vector>

namespace plush::repl {

// Full names (`string.format`, `s:upper`) whose last part may complete the partial name's last part.
// Fields are read with rawget, so no metamethod runs; a metatable's __index table adds its fields.
std::vector<std::string> luaNamesFor(lua_State* L, std::string_view partial);

}  // namespace plush::repl
