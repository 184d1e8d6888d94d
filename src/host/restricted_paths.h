// --restricted: the folders and files a script may open, and the check every file operation of a script makes.
#pragma once
#include <lua.hpp>

#include <filesystem>
#include <string>
#include <vector>

namespace plush::host {

// Paths are compared after resolving symlinks and `..` (std::filesystem::weakly_canonical), so a
// link inside an allowed folder that points out of it, or a path that climbs out with `..`, is outside.
class PathPolicy {
 public:
  void allowFolder(const std::filesystem::path& folder);  // the folder and everything under it
  // A path named on the command line: an existing folder is allowed as a folder, anything else
  // (a file, or one the script is to create) as that one file.
  void allowNamed(const std::string& path);
  bool allows(const std::string& path) const;
  const std::vector<std::filesystem::path>& folders() const { return folders_; }
  const std::vector<std::filesystem::path>& files() const { return files_; }

 private:
  std::vector<std::filesystem::path> folders_, files_;
};

// From now on every script-reachable file operation of this process obeys policy (one session a process).
void restrictPaths(PathPolicy policy);
bool pathsRestricted();

// Raise RestrictedOperation unless paths are not restricted or path is allowed. what names the
// operation as the script wrote it: "io.open", "Get-Content", "require". Callers hold no C++ object
// that owns memory when they call these: the error unwinds past their frames.
void checkPath(lua_State* L, const char* path, const char* what);

// Raise RestrictedOperation for an operation --restricted never allows; why says what it would do.
[[noreturn]] void refuseOperation(lua_State* L, const char* what, const char* why);

}  // namespace plush::host
