// Terminating error records raised from C: the same records __plush.throw raises from Lua.
#pragma once
#include <lua.hpp>

#include <string>

namespace plush::host {

// Raise the table on top of the stack (its fields: Id, Category, Message, ...) as a terminating error
// record; pcall returns it.
[[noreturn]] void raiseRecord(lua_State* L);

// Raise a terminating error record (Id, Category, Message) as a Lua error; pcall returns it.
[[noreturn]] void raiseError(lua_State* L, const std::string& id, const std::string& category,
                             const std::string& message);

}  // namespace plush::host
