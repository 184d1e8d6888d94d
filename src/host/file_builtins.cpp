// Files, folders and the terminal for the Lua runtime: __plush.fs_* (stat, list, mkdir, remove, absolute path), check_path, is_terminal.
#include "host/file_builtins.h"

#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <string>
#include <system_error>
#include <vector>

#include "host/restricted_paths.h"

namespace plush::host {

namespace fs = std::filesystem;

namespace {

int fail(lua_State* L, const std::error_code& ec) {
  lua_pushnil(L);
  lua_pushstring(L, ec.message().c_str());
  return 2;
}

// fs_stat(path) -> {type = "file"|"directory"|"other", size, mtime} or nil
int stat(lua_State* L) {
  checkPath(L, luaL_checkstring(L, 1), "looking up");
  std::error_code ec;
  fs::path p(luaL_checkstring(L, 1));
  fs::file_status status = fs::status(p, ec);
  if (ec || !fs::exists(status)) {
    lua_pushnil(L);
    return 1;
  }
  lua_createtable(L, 0, 3);
  const char* type = fs::is_directory(status) ? "directory" : fs::is_regular_file(status) ? "file" : "other";
  lua_pushstring(L, type);
  lua_setfield(L, -2, "type");
  if (fs::is_regular_file(status)) {
    lua_pushinteger(L, static_cast<lua_Integer>(fs::file_size(p, ec)));
    lua_setfield(L, -2, "size");
  }
  auto written = fs::last_write_time(p, ec);
  if (!ec) {
    auto seconds = std::chrono::duration_cast<std::chrono::seconds>(
        std::chrono::file_clock::to_sys(written).time_since_epoch()).count();
    lua_pushinteger(L, static_cast<lua_Integer>(seconds));
    lua_setfield(L, -2, "mtime");
  }
  return 1;
}

// fs_list(folder) -> the names in it, sorted; nil and why when it cannot be read
int list(lua_State* L) {
  checkPath(L, luaL_checkstring(L, 1), "listing");
  std::error_code ec;
  fs::directory_iterator it(luaL_checkstring(L, 1), ec);
  if (ec) return fail(L, ec);
  std::vector<std::string> names;
  for (const auto& entry : it) names.push_back(entry.path().filename().string());
  std::sort(names.begin(), names.end());
  lua_createtable(L, static_cast<int>(names.size()), 0);
  for (size_t i = 0; i < names.size(); ++i) {
    lua_pushstring(L, names[i].c_str());
    lua_rawseti(L, -2, static_cast<lua_Integer>(i + 1));
  }
  return 1;
}

// fs_mkdir(path) -> true, or nil and why (parents are made too)
int mkdir(lua_State* L) {
  checkPath(L, luaL_checkstring(L, 1), "creating the folder");
  std::error_code ec;
  fs::create_directories(luaL_checkstring(L, 1), ec);
  if (ec) return fail(L, ec);
  lua_pushboolean(L, 1);
  return 1;
}

// fs_remove(path, recurse) -> true, or nil and why
int remove(lua_State* L) {
  checkPath(L, luaL_checkstring(L, 1), "removing");
  std::error_code ec;
  fs::path p(luaL_checkstring(L, 1));
  if (lua_toboolean(L, 2)) fs::remove_all(p, ec);
  else fs::remove(p, ec);
  if (ec) return fail(L, ec);
  lua_pushboolean(L, 1);
  return 1;
}

// fs_absolute(path) -> the absolute, normalized path (it need not exist)
int absolute(lua_State* L) {
  std::error_code ec;
  fs::path p = fs::absolute(luaL_checkstring(L, 1), ec);
  if (ec) return fail(L, ec);
  lua_pushstring(L, p.lexically_normal().string().c_str());
  return 1;
}

// check_path(path, command): under --restricted, RestrictedOperation naming the command unless the path
// is allowed (the binder calls it for every path parameter); otherwise nothing.
int checkPathArgument(lua_State* L) {
  checkPath(L, luaL_checkstring(L, 1), luaL_checkstring(L, 2));
  return 0;
}

// is_terminal(fd) -> is standard input (0), output (1) or error (2) a terminal?
int isTerminal(lua_State* L) {
  lua_pushboolean(L, isatty(static_cast<int>(luaL_checkinteger(L, 1))));
  return 1;
}

}  // namespace

void registerFileBuiltins(lua_State* L) {
  static const luaL_Reg functions[] = {{"fs_stat", stat},         {"fs_list", list},         {"fs_mkdir", mkdir},
                                       {"fs_remove", remove},     {"fs_absolute", absolute}, {"is_terminal", isTerminal},
                                       {"check_path", checkPathArgument},
                                       {nullptr, nullptr}};
  luaL_setfuncs(L, functions, 0);
}

}  // namespace plush::host
