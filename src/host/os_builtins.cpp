// The operating system for stdlib's file and session cmdlets: file kinds, wildcard paths, an interruptible sleep, the terminal.
#include "host/os_builtins.h"

#include <glob.h>
#include <sys/stat.h>
#include <unistd.h>

#include <chrono>
#include <cmath>
#include <thread>

#include "host/interrupt.h"
#include "host/restricted_paths.h"

namespace plush::host {

namespace {

// file_kind(path): "file", "directory", "other", or nil when nothing is there.
int fileKind(lua_State* L) {
  checkPath(L, luaL_checkstring(L, 1), "looking up");
  struct stat info {};
  if (stat(luaL_checkstring(L, 1), &info) != 0) {
    lua_pushnil(L);
    return 1;
  }
  lua_pushstring(L, S_ISREG(info.st_mode) ? "file" : S_ISDIR(info.st_mode) ? "directory" : "other");
  return 1;
}

// glob(pattern): the paths that match, sorted (empty when none).
int globPaths(lua_State* L) {
  glob_t found {};
  int status = glob(luaL_checkstring(L, 1), 0, nullptr, &found);
  lua_createtable(L, status == 0 ? static_cast<int>(found.gl_pathc) : 0, 0);
  if (status == 0) {
    for (size_t i = 0; i < found.gl_pathc; ++i) {
      lua_pushstring(L, found.gl_pathv[i]);
      lua_rawseti(L, -2, static_cast<lua_Integer>(i + 1));
    }
  }
  globfree(&found);
  if (pathsRestricted()) {  // a match through a link that leads out of the allowed folders
    for (lua_Integer i = 1, n = static_cast<lua_Integer>(lua_rawlen(L, -1)); i <= n; ++i) {
      lua_rawgeti(L, -1, i);
      checkPath(L, lua_tostring(L, -1), "listing");
      lua_pop(L, 1);
    }
  }
  return 1;
}

// sleep(seconds): true when the time passed, false when Ctrl-C or SIGTERM came first (the
// interrupt hook then stops the script as soon as Lua runs again).
int sleepFor(lua_State* L) {
  lua_Number seconds = luaL_checknumber(L, 1);
  auto until = std::chrono::steady_clock::now() +
               std::chrono::microseconds(static_cast<int64_t>(std::fmax(0, seconds) * 1e6));
  while (std::chrono::steady_clock::now() < until) {
    if (pendingSignal()) {
      lua_pushboolean(L, 0);
      return 1;
    }
    auto left = until - std::chrono::steady_clock::now();
    std::this_thread::sleep_for(std::min<std::chrono::steady_clock::duration>(left, std::chrono::milliseconds(50)));
  }
  lua_pushboolean(L, 1);
  return 1;
}

// is_terminal(): is standard output a terminal (Clear-Host writes nothing to a file or pipe)?
int isTerminal(lua_State* L) {
  lua_pushboolean(L, isatty(STDOUT_FILENO));
  return 1;
}

}  // namespace

void registerOsBuiltins(lua_State* L) {
  static const luaL_Reg functions[] = {
      {"file_kind", fileKind}, {"glob", globPaths}, {"sleep", sleepFor}, {"is_terminal", isTerminal},
      {nullptr, nullptr}};
  luaL_setfuncs(L, functions, 0);
}

}  // namespace plush::host
