// The CSV functions the Lua runtime needs: checked table readers over files and text, and writers.
#include "host/csv_builtins.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

#include "format/csv.h"
#include "format/csv_table.h"
#include "host/interrupt.h"
#include "host/raw_functions.h"
#include "host/restricted_paths.h"

namespace plush::host {

namespace {

std::vector<std::string> stringList(lua_State* L, int idx) {
  luaL_checktype(L, idx, LUA_TTABLE);
  settleList(L, idx);  // read raw below
  std::vector<std::string> out;
  lua_Integer n = luaL_len(L, idx);
  for (lua_Integer i = 1; i <= n; ++i) {
    lua_rawgeti(L, idx, i);
    size_t len = 0;
    const char* s = lua_tolstring(L, -1, &len);
    out.emplace_back(s ? std::string(s, len) : std::string());
    lua_pop(L, 1);
  }
  return out;
}

void pushStrings(lua_State* L, const std::vector<std::string>& values) {
  lua_createtable(L, static_cast<int>(values.size()), 0);
  for (size_t i = 0; i < values.size(); ++i) {
    lua_pushlstring(L, values[i].data(), values[i].size());
    lua_rawseti(L, -2, static_cast<lua_Integer>(i + 1));
  }
}

// The delimiter argument was checked by the cmdlet (one character, not a quote or line break).
char delimiterArg(lua_State* L, int idx) {
  const char* d = luaL_optstring(L, idx, ",");
  return d[0] ? d[0] : ',';
}

format::Quoting quotingArg(lua_State* L, int idx) {
  static const char* const names[] = {"Always", "AsNeeded", "Never", nullptr};
  static const format::Quoting values[] = {format::Quoting::Always, format::Quoting::AsNeeded, format::Quoting::Never};
  return values[luaL_checkoption(L, idx, "AsNeeded", names)];
}

// csv_line(fields[, delimiter[, quoting]]) -> the line, ending in "\n".
int csvLine(lua_State* L) {
  std::string line = format::csvLine(stringList(L, 1), delimiterArg(L, 2), quotingArg(L, 3));
  lua_pushlstring(L, line.data(), line.size());
  return 1;
}

// csv_needs_quotes(value[, delimiter]) -> whether the field can only be written quoted.
int csvNeedsQuotes(lua_State* L) {
  size_t len = 0;
  const char* s = luaL_checklstring(L, 1, &len);
  lua_pushboolean(L, format::csvNeedsQuotes(std::string_view(s, len), delimiterArg(L, 2)));
  return 1;
}

// The error table the Lua side reports: {id, message, line, column, fix}.
int pushFailure(lua_State* L, const char* id, const std::string& message, long line = 0, long column = 0,
                const std::string& fix = "") {
  lua_pushnil(L);
  lua_createtable(L, 0, 5);
  lua_pushstring(L, id);
  lua_setfield(L, -2, "id");
  lua_pushlstring(L, message.data(), message.size());
  lua_setfield(L, -2, "message");
  lua_pushinteger(L, line);
  lua_setfield(L, -2, "line");
  lua_pushinteger(L, column);
  lua_setfield(L, -2, "column");
  lua_pushlstring(L, fix.data(), fix.size());
  lua_setfield(L, -2, "fix");
  return 2;
}

int pushParseFailure(lua_State* L, const format::CsvParseError& e) {
  const format::CsvError& err = e.error();
  return pushFailure(L, "InvalidCsv", err.message, err.line, err.column, err.fix);
}

// A CSV source being read: the stream must outlive the table that reads it.
struct CsvSource {
  std::unique_ptr<std::istream> stream;
  std::unique_ptr<format::CsvTable> table;
  bool headerGiven = false;
};

int collectCsvSource(lua_State* L) {
  static_cast<CsvSource*>(lua_touserdata(L, 1))->~CsvSource();
  return 0;
}

CsvSource* newCsvSource(lua_State* L) {
  void* memory = lua_newuserdatauv(L, sizeof(CsvSource), 0);
  auto* source = new (memory) CsvSource();
  if (luaL_newmetatable(L, "plush.CsvSource")) {
    lua_pushcfunction(L, collectCsvSource);
    lua_setfield(L, -2, "__gc");
  }
  lua_setmetatable(L, -2);
  return source;
}

// The reader function: the header first, then each row and the line it starts on; nil at the
// end. The input was checked whole before, so a failure here means it changed since.
int nextCsvRecord(lua_State* L) {
  auto* source = static_cast<CsvSource*>(lua_touserdata(L, lua_upvalueindex(1)));
  try {
    if (!source->headerGiven) {
      source->headerGiven = true;
      const std::vector<std::string>& header = source->table->header();
      if (header.empty()) return 0;
      pushStrings(L, header);
      return 1;
    }
    std::vector<std::string> row;
    if (!source->table->next(row)) return 0;  // a failure (the file changed since the check) is thrown
    pushStrings(L, row);
    lua_pushinteger(L, source->table->line());
    return 2;
  } catch (const format::CsvParseError& e) {
    return pushParseFailure(L, e);
  }
}

// Checks the whole stream (one record at a time), rewinds it and pushes reader, info
// ({warnings, encoding}); or nil and the failure.
int pushCheckedReader(lua_State* L, std::unique_ptr<std::istream> stream, char delimiter) {
  std::vector<std::string> warnings;
  std::string encoding;
  try {
    format::CsvTable first(*stream, delimiter);
    first.header();
    warnings = first.warnings();
    format::checkCsv(first, [] { return stopRequested(); });
  } catch (const format::CsvParseError& e) {
    return pushParseFailure(L, e);
  }
  stream->clear();
  stream->seekg(0);
  CsvSource* source = newCsvSource(L);
  source->stream = std::move(stream);
  source->table = std::make_unique<format::CsvTable>(*source->stream, delimiter);
  lua_pushcclosure(L, nextCsvRecord, 1);
  lua_createtable(L, 0, 1);
  pushStrings(L, warnings);
  lua_setfield(L, -2, "warnings");
  return 2;
}

// A pipe or terminal cannot be read twice: its bytes go to an unlinked temporary file first.
std::unique_ptr<std::istream> spooled(std::ifstream& in, std::string& error) {
  std::string dir = std::getenv("TMPDIR") ? std::getenv("TMPDIR") : "/tmp";
  std::string path = dir + "/plush-csv-XXXXXX";
  int fd = mkstemp(path.data());
  if (fd < 0) {
    error = path + ": " + std::strerror(errno);
    return nullptr;
  }
  close(fd);
  auto copy = std::make_unique<std::fstream>(path, std::ios::in | std::ios::out | std::ios::binary | std::ios::trunc);
  unlink(path.c_str());
  *copy << in.rdbuf();
  copy->flush();
  copy->seekg(0);  // one position for reading and writing: back to the start
  return copy;
}

// csv_reader(path[, delimiter]) -> reader, info; or nil and {id = FileNotFound|InvalidCsv, ...}.
int csvFileReader(lua_State* L) {
  const char* path = luaL_checkstring(L, 1);
  checkPath(L, path, "reading");
  char delimiter = delimiterArg(L, 2);
  auto file = std::make_unique<std::ifstream>(path, std::ios::binary);
  if (!*file) return pushFailure(L, "FileNotFound", std::string(path) + ": " + std::strerror(errno));
  std::error_code ec;
  if (std::filesystem::is_directory(path, ec)) return pushFailure(L, "FileNotFound", std::string(path) + ": a folder");
  if (!std::filesystem::is_regular_file(path, ec)) {
    std::string error;
    std::unique_ptr<std::istream> copy = spooled(*file, error);
    if (!copy) return pushFailure(L, "FileNotFound", "cannot keep a copy of " + std::string(path) + " (" + error + ")");
    return pushCheckedReader(L, std::move(copy), delimiter);
  }
  return pushCheckedReader(L, std::move(file), delimiter);
}

// csv_text_reader(text[, delimiter]) -> as csv_reader, over text.
int csvTextReader(lua_State* L) {
  size_t len = 0;
  const char* text = luaL_checklstring(L, 1, &len);
  return pushCheckedReader(L, std::make_unique<std::istringstream>(std::string(text, len)), delimiterArg(L, 2));
}

// csv_header(path[, delimiter]) -> the column names of an existing file ({} when it has none), or
// nil and the failure. Export-Csv -Append matches its objects against them.
int csvFileHeader(lua_State* L) {
  const char* path = luaL_checkstring(L, 1);
  checkPath(L, path, "reading");
  std::ifstream file(path, std::ios::binary);
  if (!file) {
    lua_newtable(L);
    return 1;
  }
  try {
    format::CsvTable table(file, delimiterArg(L, 2));
    pushStrings(L, table.header());
    return 1;
  } catch (const format::CsvParseError& e) {
    return pushParseFailure(L, e);
  }
}

}  // namespace

void registerCsvBuiltins(lua_State* L) {
  static const luaL_Reg functions[] = {{"csv_line", csvLine},
                                       {"csv_needs_quotes", csvNeedsQuotes},
                                       {"csv_reader", csvFileReader},
                                       {"csv_text_reader", csvTextReader},
                                       {"csv_header", csvFileHeader},
                                       {nullptr, nullptr}};
  luaL_setfuncs(L, functions, 0);
}

}  // namespace plush::host
