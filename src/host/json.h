// Lua values to and from JSON (nlohmann), keeping plush objects' property order.
#pragma once
#include <lua.hpp>
#include <nlohmann/json.hpp>

namespace plush::host {

using Json = nlohmann::ordered_json;

// The value at idx as JSON: Lists and sequences become arrays, objects keep their property order.
Json toJson(lua_State* L, int idx);
// Push JSON as Lua: objects become PSCustomObject-shaped tables, arrays become Lists.
void pushJson(lua_State* L, const Json& value);

}  // namespace plush::host
