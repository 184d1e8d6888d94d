// The CSV functions the Lua runtime needs: checked table readers over files and text, and writers.
#pragma once
#include <lua.hpp>

namespace plush::host {

// Adds csv_line, csv_needs_quotes, csv_reader, csv_text_reader and csv_header to the table on
// top of the stack (__plush).
void registerCsvBuiltins(lua_State* L);

}  // namespace plush::host
