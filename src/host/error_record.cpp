// Terminating error records raised from C: the same records __plush.throw raises from Lua.
#include "host/error_record.h"

#include <cstdlib>

#include "host/lua_host.h"

namespace plush::host {

void raiseError(lua_State* L, const std::string& id, const std::string& category, const std::string& message) {
  luaL_checkstack(L, 4, "error record");
  lua_createtable(L, 0, 3);
  lua_pushlstring(L, id.data(), id.size());
  lua_setfield(L, -2, "Id");
  lua_pushlstring(L, category.data(), category.size());
  lua_setfield(L, -2, "Category");
  lua_pushlstring(L, message.data(), message.size());
  lua_setfield(L, -2, "Message");
  raiseRecord(L);
}

void raiseRecord(lua_State* L) {
  luaL_checkstack(L, 3, "error record");
  pushRuntimeTable(L);  // the registry's: a script may have removed the global __plush
  lua_getfield(L, -1, "record");
  lua_remove(L, -2);
  lua_insert(L, -2);
  lua_call(L, 1, 1);
  lua_error(L);
  std::abort();  // not reached: lua_error does not return
}

}  // namespace plush::host
