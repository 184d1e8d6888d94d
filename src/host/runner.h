// Runs plush text: translate to Lua, load as text only, call, and report errors at the user's line and column.
#pragma once
#include <functional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "host/lua_host.h"

namespace plush::host {

enum class RunStatus {
  Ok,            // ran to the end
  Incomplete,    // needs more input (open block, quote, bracket, trailing |)
  ParseError,    // did not translate or load; reported
  RuntimeError,  // stopped on a terminating error; reported
  Interrupted,   // stopped by Ctrl-C or SIGTERM; reported
};

// The language of the text: Lua with commands (SPEC §2), or PowerShell (POWERSHELL.md).
enum class Dialect { Lua, PowerShell };

class Runner {
 public:
  explicit Runner(LuaHost& host, Dialect dialect = Dialect::Lua) : host_(host), dialect_(dialect) {}

  // Run a script or a prompt line. With echo (the prompt), the values of an expression are
  // printed as Out-Default would, as the Lua REPL does.
  RunStatus run(std::string_view text, const std::string& chunkName, bool echo);

  // Number of non-terminating errors reported so far in this session.
  int errorsReported() const;

  // Called with the text once it is complete and loaded, just before it runs (the prompt's transcript).
  std::function<void(std::string_view)> beforeRun;

  // What the main chunk receives as `...`: a script's arguments, as lua passes them.
  std::vector<std::string> arguments;

 private:
  RunStatus load(std::string_view text, const std::string& chunkName, bool echo);
  RunStatus call(std::string_view text, const std::string& chunkName, bool echo);
  void reportRuntimeError(std::string_view text, const std::string& chunkName);
  bool reportAtPlace(std::string_view text, const std::string& chunkName, int idx);
  bool isBareShellWord(std::string_view text);
  LuaHost& host_;
  Dialect dialect_;
  std::set<std::string, std::less<>> sessionGlobals_;  // globals the prompt's earlier lines assigned
};

}  // namespace plush::host
