// Prompt history: libedit's in-memory list, loaded from and appended to $XDG_STATE_HOME/plush/history.
#include "repl/history_file.h"

#include <fcntl.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <vector>

namespace plush::repl {

namespace {

constexpr int kEntriesKept = 1000;

// One entry per file line: a newline inside a statement is written as \n and a backslash as \\.
std::string encode(const std::string& entry) {
  std::string out;
  for (char c : entry) {
    if (c == '\\') out += "\\\\";
    else if (c == '\n') out += "\\n";
    else out += c;
  }
  return out;
}

std::string decode(const std::string& line) {
  std::string out;
  for (size_t i = 0; i < line.size(); ++i) {
    if (line[i] == '\\' && i + 1 < line.size()) {
      char next = line[++i];
      out += next == 'n' ? '\n' : next;
    } else {
      out += line[i];
    }
  }
  return out;
}

}  // namespace

std::string defaultHistoryPath() {
  const char* state = std::getenv("XDG_STATE_HOME");
  if (state && *state) return std::string(state) + "/plush/history";
  const char* home = std::getenv("HOME");
  return std::string(home ? home : ".") + "/.local/state/plush/history";
}

HistoryFile::HistoryFile(std::string path) : path_(std::move(path)), history_(history_init()) {
  HistEvent event;
  history(history_, &event, H_SETSIZE, kEntriesKept);
  history(history_, &event, H_SETUNIQUE, 1);
  load();
}

HistoryFile::~HistoryFile() { history_end(history_); }

void HistoryFile::load() {
  if (path_.empty()) return;
  std::ifstream in(path_);
  std::vector<std::string> entries;
  for (std::string line; std::getline(in, line);) {
    if (!line.empty()) entries.push_back(decode(line));
  }
  // The file only grows by appends; keep it at twice what is remembered.
  if (entries.size() > 2 * kEntriesKept) {
    entries.erase(entries.begin(), entries.end() - kEntriesKept);
    rewrite(entries);
  }
  HistEvent event;
  for (const auto& e : entries) history(history_, &event, H_ENTER, e.c_str());
  if (!entries.empty()) last_ = entries.back();
}

void HistoryFile::rewrite(const std::vector<std::string>& entries) const {
  std::string temporary = path_ + ".new";
  {
    std::ofstream out(temporary, std::ios::trunc);
    for (const auto& e : entries) out << encode(e) << "\n";
    if (!out) return;
  }
  std::error_code ignored;
  std::filesystem::rename(temporary, path_, ignored);
}

void HistoryFile::add(const std::string& entry) {
  if (entry == last_) return;
  last_ = entry;
  HistEvent event;
  history(history_, &event, H_ENTER, entry.c_str());
  if (path_.empty()) return;
  std::error_code ignored;
  std::filesystem::create_directories(std::filesystem::path(path_).parent_path(), ignored);
  // One write() with O_APPEND: lines from two prompts at once never interleave.
  int fd = ::open(path_.c_str(), O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0600);
  if (fd < 0) return;
  std::string line = encode(entry) + "\n";
  [[maybe_unused]] ssize_t written = ::write(fd, line.data(), line.size());
  ::close(fd);
}

}  // namespace plush::repl
