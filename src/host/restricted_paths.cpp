// --restricted: the folders and files a script may open, and the check every file operation of a script makes.
#include "host/restricted_paths.h"

#include <algorithm>
#include <cstring>
#include <optional>
#include <system_error>

#include "host/error_record.h"

namespace plush::host {

namespace fs = std::filesystem;

namespace {

std::optional<PathPolicy> active;

// Absolute, with every symlink of the part that exists resolved and `.`/`..` taken out of the rest.
fs::path resolved(const std::string& path) {
  std::error_code ec;
  fs::path absolute = fs::absolute(path, ec);
  if (ec) return {};
  fs::path real = fs::weakly_canonical(absolute, ec);
  return ec ? absolute.lexically_normal() : real;
}

bool isWithin(const fs::path& path, const fs::path& folder) {
  auto [f, p] = std::mismatch(folder.begin(), folder.end(), path.begin(), path.end());
  return f == folder.end() || (std::next(f) == folder.end() && f->empty());  // "dir/" ends in an empty part
}

// "file:line" of the script's code that called the refusing function, or nil when the runtime called it
// (a cmdlet: the pipeline then gives the command's own place).
void pushScriptPlace(lua_State* L) {
  lua_Debug caller;
  if (lua_getstack(L, 1, &caller) && lua_getinfo(L, "Sl", &caller) && caller.currentline > 0 && caller.source[0] == '@' &&
      std::strncmp(caller.source, "@shell/", 7) != 0 && std::strncmp(caller.source, "@stdlib/", 8) != 0) {
    lua_pushfstring(L, "%s:%d", caller.source + 1, caller.currentline);
    return;
  }
  lua_pushnil(L);
}

// The message on top of the stack as a RestrictedOperation record, raised. Built on the Lua stack only,
// so nothing of C++ is left to free when lua_error jumps away.
[[noreturn]] void raiseRestricted(lua_State* L, const char* recommendation) {
  luaL_checkstack(L, 4, "error record");
  lua_createtable(L, 0, 3);
  lua_insert(L, -2);
  lua_setfield(L, -2, "Message");
  lua_pushliteral(L, "RestrictedOperation");
  lua_setfield(L, -2, "Id");
  lua_pushliteral(L, "PermissionDenied");
  lua_setfield(L, -2, "Category");
  pushScriptPlace(L);
  if (!lua_isnil(L, -1)) lua_setfield(L, -2, "Position");
  else lua_pop(L, 1);
  if (recommendation) {
    lua_pushstring(L, recommendation);
    lua_setfield(L, -2, "Recommendation");
  }
  raiseRecord(L);
}

}  // namespace

void PathPolicy::allowFolder(const fs::path& folder) {
  fs::path real = resolved(folder.string());
  if (!real.empty()) folders_.push_back(real);
}

void PathPolicy::allowNamed(const std::string& path) {
  if (path.empty()) return;
  std::error_code ec;
  if (fs::is_directory(path, ec)) return allowFolder(path);
  fs::path real = resolved(path);
  if (!real.empty()) files_.push_back(real);
}

bool PathPolicy::allows(const std::string& path) const {
  fs::path real = resolved(path);
  if (real.empty()) return false;
  if (std::find(files_.begin(), files_.end(), real) != files_.end()) return true;
  return std::any_of(folders_.begin(), folders_.end(), [&](const fs::path& f) { return isWithin(real, f); });
}

void restrictPaths(PathPolicy policy) { active = std::move(policy); }

bool pathsRestricted() { return active.has_value(); }

void checkPath(lua_State* L, const char* path, const char* what) {
  if (!active || active->allows(path)) return;
  lua_pushfstring(L, "--restricted: %s of '%s' refused: it is outside the current folder and the paths named on "
                  "the command line", what, path);
  raiseRestricted(L, "run the job from the folder that holds its files, or name the file on plush's command line");
}

void refuseOperation(lua_State* L, const char* what, const char* why) {
  lua_pushfstring(L, "--restricted: %s refused: %s", what, why);
  raiseRestricted(L, nullptr);
}

}  // namespace plush::host
