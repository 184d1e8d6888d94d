// Lua values to and from JSON: plush objects keep their property order, arrays keep their nulls.
#pragma once
#include <lua.hpp>
#include <nlohmann/json.hpp>

#include <string>
#include <string_view>

#include "format/json_reader.h"

namespace plush::host {

using Json = nlohmann::ordered_json;

// The value at idx as JSON text (indent < 0: on one line), laid out as nlohmann's dump lays it
// out: Lists and sequences become arrays (of `n` items when the field n says more than # does),
// objects keep their property order. Deeper than ConvertFrom-Json reads (a value that holds
// itself) raises NestingTooDeep; a pending stop is raised on the way.
std::string writeJson(lua_State* L, int idx, int indent);

// Read JSON text onto the stack: objects become PSCustomObject-shaped tables, arrays become
// Lists; an array that holds nulls gets the field n = its length (# stops at a trailing nil).
// False, with nothing pushed, when the text is refused (format::readJson says why and where).
bool pushJsonText(lua_State* L, std::string_view text, format::JsonError& error);

}  // namespace plush::host
