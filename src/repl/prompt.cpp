// The interactive prompt: read a statement (with continuation lines), run it, print its output.
#include "repl/prompt.h"

#include <editline/readline.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <string>

#include "host/interrupt.h"
#include "host/runner.h"

namespace plush::repl {

namespace {

std::string historyPath() {
  const char* state = std::getenv("XDG_STATE_HOME");
  std::string base = state && *state ? state : std::string(std::getenv("HOME") ? std::getenv("HOME") : ".") + "/.local/state";
  return base + "/plush/history";
}

struct History {
  std::string path = historyPath();
  History() {
    std::error_code ignored;
    std::filesystem::create_directories(std::filesystem::path(path).parent_path(), ignored);
    using_history();
    read_history(path.c_str());
  }
  void add(const std::string& entry) {
    add_history(entry.c_str());
    append_history(1, path.c_str());
  }
};

// Read one line; false at end of input (Ctrl-D).
bool readLine(const std::string& prompt, std::string& line) {
  char* raw = readline(prompt.c_str());
  if (!raw) return false;
  line = raw;
  std::free(raw);
  return true;
}

}  // namespace

int runPrompt(host::LuaHost& host, cmdlets::TenantContext& tenant) {
  host::Runner runner(host);
  History history;
  std::string pending;
  for (;;) {
    std::string prompt = pending.empty() ? tenant.promptLabel() + "> " : ">> ";
    std::string line;
    if (!readLine(prompt, line)) {
      if (!pending.empty()) { pending.clear(); std::cout << "\n"; continue; }
      std::cout << "\n";
      return 0;
    }
    pending += pending.empty() ? line : "\n" + line;
    if (pending.find_first_not_of(" \t") == std::string::npos) { pending.clear(); continue; }
    host::clearPendingSignal();
    auto status = runner.run(pending, "stdin", true);
    if (status == host::RunStatus::Incomplete) continue;
    history.add(pending);
    pending.clear();
    if (status == host::RunStatus::Interrupted) tenant.abandonChange();
  }
}

}  // namespace plush::repl
