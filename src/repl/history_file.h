// Prompt history: libedit's in-memory list, loaded from and appended to $XDG_STATE_HOME/plush/history.
#pragma once
#include <histedit.h>

#include <string>
#include <vector>

namespace plush::repl {

// The history file: $XDG_STATE_HOME/plush/history, else ~/.local/state/plush/history.
std::string defaultHistoryPath();

class HistoryFile {
 public:
  // An empty path keeps the history in memory only (input that is not typed at a terminal).
  explicit HistoryFile(std::string path);
  ~HistoryFile();
  HistoryFile(const HistoryFile&) = delete;
  HistoryFile& operator=(const HistoryFile&) = delete;

  // One complete statement, kept whole even when it spans lines; written to the file at once,
  // so a crash or a second plush loses nothing.
  void add(const std::string& entry);
  History* handle() const { return history_; }

 private:
  void load();
  void rewrite(const std::vector<std::string>& entries) const;
  std::string path_;
  History* history_;
  std::string last_;
};

}  // namespace plush::repl
