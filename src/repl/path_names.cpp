// File paths for completion of -Path values: the entries of the directory named so far.
#include "repl/path_names.h"

#include <cstdlib>
#include <filesystem>

namespace plush::repl {

namespace {

constexpr size_t kEntryLimit = 2000;  // a huge directory must not stall the prompt

std::string expandHome(const std::string& dir) {
  const char* home = std::getenv("HOME");
  if (home && (dir == "~" || dir.rfind("~/", 0) == 0)) return home + dir.substr(1);
  return dir;
}

}  // namespace

std::vector<std::string> pathsFor(std::string_view partial) {
  std::vector<std::string> out;
  size_t slash = partial.rfind('/');
  std::string typedDir = slash == std::string_view::npos ? "" : std::string(partial.substr(0, slash + 1));
  bool showHidden = partial.substr(typedDir.size()).rfind('.', 0) == 0;
  std::error_code error;
  std::filesystem::directory_iterator it(typedDir.empty() ? "." : expandHome(typedDir), error);
  for (; !error && it != std::filesystem::directory_iterator() && out.size() < kEntryLimit; it.increment(error)) {
    std::string name = it->path().filename().string();
    if (name[0] == '.' && !showHidden) continue;
    bool directory = it->is_directory(error);
    out.push_back(typedDir + name + (directory ? "/" : ""));
  }
  return out;
}

}  // namespace plush::repl
