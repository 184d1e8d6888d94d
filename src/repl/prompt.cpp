// The interactive prompt: read a statement (with continuation lines), run it, print its output.
#include "repl/prompt.h"

#include <unistd.h>

#include <clocale>
#include <ctime>
#include <cstring>
#include <iostream>
#include <string>

#include "host/interrupt.h"
#include "host/runner.h"
#include "host/transcript.h"
#include "repl/command_catalog.h"
#include "repl/history_file.h"
#include "repl/line_editor.h"
#include "repl/session_candidates.h"
#include "repl/terminal_questions.h"

namespace plush::repl {

namespace {

constexpr const char* kContinuationPrompt = ">> ";

// libedit reads and measures multibyte input by the C locale; plush text is UTF-8 throughout.
void useUtf8Input() {
  const char* chosen = std::setlocale(LC_CTYPE, "");
  if (!chosen || std::strcmp(chosen, "C") == 0 || std::strcmp(chosen, "POSIX") == 0)
    std::setlocale(LC_CTYPE, "C.UTF-8");
}

// A Ctrl-C that arrived between statements must not stop the next one.
void forgetStaleInterrupt(lua_State* L) {
  host::clearPendingSignal();
  lua_sethook(L, nullptr, 0, 0);
}

// Get-History's list: each statement run, with how it ended and when it started.
void recordInSession(lua_State* L, const std::string& statement, host::RunStatus status, std::time_t started) {
  host::pushRuntimeTable(L);
  lua_getfield(L, -1, "addHistory");
  lua_remove(L, -2);
  lua_pushlstring(L, statement.data(), statement.size());
  lua_pushstring(L, status == host::RunStatus::Ok ? "Completed" : status == host::RunStatus::Interrupted ? "Stopped" : "Failed");
  lua_pushinteger(L, static_cast<lua_Integer>(started));
  if (lua_pcall(L, 3, 0, 0) != LUA_OK) lua_pop(L, 1);  // a script that broke the runtime loses only its history
}

}  // namespace

int runPrompt(host::LuaHost& host, cmdlets::TenantContext& tenant, host::Dialect dialect) {
  useUtf8Input();
  lua_State* L = host.state();
  HistoryFile history(isatty(STDIN_FILENO) ? defaultHistoryPath() : "");
  SessionCandidates source(L, tenant);
  LineEditor editor(history, [&](std::string_view text) {
    return completeLine(text, CommandCatalog::read(L), source);
  });
  installTerminalQuestions(L, editor);
  host::Runner runner(host, dialect);
  std::string prefix = dialect == host::Dialect::PowerShell ? "PS " : "";
  runner.beforeRun = host::transcriptStatement;  // a no-op unless --log
  std::string pending;
  for (;;) {
    std::string prompt = pending.empty() ? prefix + tenant.promptLabel() + "> " : kContinuationPrompt;
    std::string line;
    auto read = editor.read(prompt, line, pending.empty() ? "" : pending + "\n");
    if (read == LineEditor::Read::End && pending.empty()) {
      std::cout << "\n";
      return 0;
    }
    if (read != LineEditor::Read::Line) {  // Ctrl-C, or Ctrl-D inside a continuation: drop the statement
      if (read == LineEditor::Read::End) std::cout << "\n";
      pending.clear();
      continue;
    }
    pending += pending.empty() ? line : "\n" + line;
    if (pending.find_first_not_of(" \t") == std::string::npos) {
      pending.clear();
      continue;
    }
    forgetStaleInterrupt(L);
    int depthBefore = tenant.transactionDepth();
    std::time_t started = std::time(nullptr);
    auto status = runner.run(pending, "stdin", true);
    if (status == host::RunStatus::Incomplete) continue;
    history.add(pending);
    recordInSession(L, pending, status, started);
    pending.clear();
    if (status == host::RunStatus::Interrupted) tenant.abandonChange(depthBefore);
    std::cout.flush();
  }
}

}  // namespace plush::repl
