// C functions the Lua runtime needs: JSON, table and list rendering, terminal width (regex: regex.h, CSV: csv_builtins.h).
#include "host/builtins.h"

#include <sys/ioctl.h>
#include <unistd.h>

#include <cstdlib>
#include <string>
#include <vector>

#include "format/table.h"
#include "format/width.h"
#include "host/csv_builtins.h"
#include "host/interrupt.h"
#include "host/raw_functions.h"
#include "host/json.h"
#include "host/regex.h"

namespace plush::host {

namespace {

std::string stringAt(lua_State* L, int tableIdx, lua_Integer i) {
  lua_rawgeti(L, tableIdx, i);
  size_t len = 0;
  const char* s = lua_tolstring(L, -1, &len);
  std::string out = s ? std::string(s, len) : std::string();
  lua_pop(L, 1);
  return out;
}

std::vector<std::string> stringList(lua_State* L, int idx) {
  luaL_checktype(L, idx, LUA_TTABLE);
  settleList(L, idx);  // read raw below
  std::vector<std::string> out;
  lua_Integer n = luaL_len(L, idx);
  for (lua_Integer i = 1; i <= n; ++i) out.push_back(stringAt(L, idx, i));
  return out;
}

int toJsonText(lua_State* L) {
  bool compress = lua_toboolean(L, 2);
  int indent = compress ? -1 : static_cast<int>(luaL_optinteger(L, 3, 2));
  std::string text = writeJson(L, 1, indent);
  lua_pushlstring(L, text.data(), text.size());
  return 1;
}

// from_json(text) -> value, or nil, message, line, column.
int fromJsonText(lua_State* L) {
  size_t len = 0;
  const char* text = luaL_checklstring(L, 1, &len);
  format::JsonError error;
  if (pushJsonText(L, std::string_view(text, len), error)) return 1;
  lua_pushnil(L);
  lua_pushlstring(L, error.message.data(), error.message.size());
  lua_pushinteger(L, error.line);
  lua_pushinteger(L, error.column);
  return 4;
}

// render_table(headers, rightAligned, rows, color, width)
int renderTable(lua_State* L) {
  std::vector<format::Column> columns;
  auto headers = stringList(L, 1);
  for (size_t i = 0; i < headers.size(); ++i) {
    lua_rawgeti(L, 2, static_cast<lua_Integer>(i + 1));
    bool right = lua_toboolean(L, -1);
    lua_pop(L, 1);
    columns.push_back({headers[i], right ? format::Align::Right : format::Align::Left});
  }
  std::vector<std::vector<std::string>> rows;
  lua_Integer n = luaL_len(L, 3);
  for (lua_Integer i = 1; i <= n; ++i) {
    if ((i & 0x3FF) == 0) raiseIfStopped(L);
    lua_rawgeti(L, 3, i);
    rows.push_back(stringList(L, lua_gettop(L)));
    lua_pop(L, 1);
  }
  format::Style style;
  style.color = lua_toboolean(L, 4);
  style.terminalWidth = static_cast<int>(luaL_optinteger(L, 5, 0));
  std::string text = format::renderTable(columns, rows, style, [] { return stopRequested(); });
  raiseIfStopped(L);  // a table cut short by a stop is never shown
  lua_pushlstring(L, text.data(), text.size());
  return 1;
}

// render_list({{name, value}, ...}, color, width)
int renderList(lua_State* L) {
  std::vector<std::pair<std::string, std::string>> props;
  lua_Integer n = luaL_len(L, 1);
  for (lua_Integer i = 1; i <= n; ++i) {
    lua_rawgeti(L, 1, i);
    int pair = lua_gettop(L);
    props.emplace_back(stringAt(L, pair, 1), stringAt(L, pair, 2));
    lua_pop(L, 1);
  }
  format::Style style;
  style.color = lua_toboolean(L, 2);
  style.terminalWidth = static_cast<int>(luaL_optinteger(L, 3, 0));
  std::string text = format::renderList(props, style);
  lua_pushlstring(L, text.data(), text.size());
  return 1;
}

// The width to fit output to: $COLUMNS, else the terminal's, else 0 (no limit: a file or pipe).
int terminalWidth(lua_State* L) {
  if (const char* columns = std::getenv("COLUMNS")) {
    int n = std::atoi(columns);
    if (n > 0) {
      lua_pushinteger(L, n);
      return 1;
    }
  }
  struct winsize size {};
  if (isatty(STDOUT_FILENO) && ioctl(STDOUT_FILENO, TIOCGWINSZ, &size) == 0 && size.ws_col > 0) {
    lua_pushinteger(L, size.ws_col);
  } else {
    lua_pushinteger(L, 0);
  }
  return 1;
}

int displayWidth(lua_State* L) {
  lua_pushinteger(L, format::displayWidth(luaL_checkstring(L, 1)));
  return 1;
}

}  // namespace

void registerBuiltins(lua_State* L) {
  static const luaL_Reg functions[] = {
      {"to_json", toJsonText},        {"from_json", fromJsonText},
      {"render_table", renderTable},  {"render_list", renderList},   {"terminal_width", terminalWidth},
      {"display_width", displayWidth}, {nullptr, nullptr}};
  luaL_setfuncs(L, functions, 0);
  registerRegex(L);
  registerCsvBuiltins(L);
}

}  // namespace plush::host
