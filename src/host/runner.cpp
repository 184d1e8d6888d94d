// Runs plush text: translate to Lua, load as text only, call, and report errors at the user's line and column.
#include "host/runner.h"

#include <cstdio>
#include <iostream>
#include <string>
#include <vector>

#include "host/interrupt.h"
#include "lang/powershell/powershell.h"
#include "lang/translator.h"
#include "shell/powershell_runtime.h"

namespace plush::host {

namespace {

lang::Options translateOptions(lua_State* L, const std::string& chunkName) {
  lang::Options options;
  options.chunkName = chunkName;
  options.isCommand = [L](std::string_view name) {
    lua_getglobal(L, "__plush");
    lua_getfield(L, -1, "iscommand");
    lua_pushlstring(L, name.data(), name.size());
    lua_call(L, 1, 1);
    bool known = lua_toboolean(L, -1);
    lua_pop(L, 2);
    return known;
  };
  options.allCommands = [L]() {
    std::vector<std::string> names;
    lua_getglobal(L, "__plush");
    lua_getfield(L, -1, "commands");
    lua_call(L, 0, 1);
    lua_Integer n = luaL_len(L, -1);
    for (lua_Integer i = 1; i <= n; ++i) {
      lua_rawgeti(L, -1, i);
      lua_getfield(L, -1, "name");
      names.emplace_back(lua_tostring(L, -1));
      lua_pop(L, 2);
    }
    lua_pop(L, 2);
    return names;
  };
  options.parameterProblem = [L](std::string_view command, std::string_view parameter) {
    lua_getglobal(L, "__plush");
    lua_getfield(L, -1, "parameterProblem");
    lua_pushlstring(L, command.data(), command.size());
    lua_pushlstring(L, parameter.data(), parameter.size());
    lua_call(L, 2, 2);
    lang::ParameterProblem problem;
    if (lua_isstring(L, -2)) problem = {lua_tostring(L, -2), lua_tostring(L, -1)};
    lua_pop(L, 3);
    return problem;
  };
  return options;
}

std::string sourceLine(std::string_view text, int line) {
  size_t start = 0;
  for (int i = 1; i < line && start != std::string_view::npos; ++i) {
    start = text.find('\n', start);
    if (start != std::string_view::npos) ++start;
  }
  if (start == std::string_view::npos || start > text.size()) return {};
  size_t end = text.find('\n', start);
  return std::string(text.substr(start, end == std::string_view::npos ? std::string_view::npos : end - start));
}

// The name in Lua's "(local 'x')", "(global 'x')", ... of a message, or "" (plain search: a message
// may quote a very long name, and std::regex recurses per character).
std::string quotedName(const std::string& message) {
  static const char* kinds[] = {"(local '", "(global '", "(field '", "(method '", "(upvalue '", "(constant '"};
  for (const char* kind : kinds) {
    size_t at = message.find(kind);
    if (at == std::string::npos) continue;
    size_t start = at + std::char_traits<char>::length(kind);
    size_t end = message.find("')", start);
    if (end != std::string::npos && end > start) return message.substr(start, end - start);
  }
  return {};
}

// Where in the line to put the caret: the name Lua's message mentions ('x'), else the first word.
lang::Diagnostic placeOnLine(std::string_view text, int line, const std::string& message) {
  lang::Diagnostic d{"ScriptError", message, line, 1, 1};
  std::string src = sourceLine(text, line);
  std::string name = quotedName(message);
  size_t at = name.empty() ? std::string::npos : src.find(name);
  if (at != std::string::npos) {
    d.column = static_cast<int>(at) + 1;
    d.width = static_cast<int>(name.size());
    return d;
  }
  size_t first = src.find_first_not_of(" \t");
  d.column = first == std::string::npos ? 1 : static_cast<int>(first) + 1;
  size_t last = src.find_last_not_of(" \t\r");
  d.width = last == std::string::npos ? 1 : static_cast<int>(last + 1 - (d.column - 1));
  return d;
}

// Lua's "name:LINE: message" split into line and message, for the chunk we ran.
bool splitLuaMessage(const std::string& text, const std::string& chunkName, int& line, std::string& message) {
  std::string prefix = chunkName + ":";
  if (text.compare(0, prefix.size(), prefix) != 0) return false;
  size_t colon = text.find(':', prefix.size());
  if (colon == std::string::npos) return false;
  try {
    line = std::stoi(text.substr(prefix.size(), colon - prefix.size()));
  } catch (...) {
    return false;
  }
  message = text.substr(colon + 1);
  if (!message.empty() && message[0] == ' ') message.erase(0, 1);
  return true;
}

// Keep the traceback frames that point into the user's text; the runtime's own frames are noise.
std::string userFrames(const std::string& traceback, const std::string& chunkName) {
  std::string out;
  size_t pos = 0;
  while (pos < traceback.size()) {
    size_t end = traceback.find('\n', pos);
    std::string line = traceback.substr(pos, end == std::string::npos ? std::string::npos : end - pos);
    if (line.find(chunkName + ":") != std::string::npos) out += line + "\n";
    if (end == std::string::npos) break;
    pos = end + 1;
  }
  return out;
}

// The user's line of a runtime error: the one its message names, else (an error raised without a
// place, by the runtime or error(msg, 0)) the first frame of the traceback in the user's text.
bool placeError(const std::string& head, const std::string& frames, const std::string& chunkName, int& line,
                std::string& message) {
  if (splitLuaMessage(head, chunkName, line, message)) return true;
  size_t frame = frames.find_first_not_of('\t');
  std::string frameText;
  if (frame == std::string::npos || !splitLuaMessage(frames.substr(frame), chunkName, line, frameText)) return false;
  message = head;
  return true;
}

bool isRecord(lua_State* L, int idx) {
  lua_getglobal(L, "__plush");
  lua_getfield(L, -1, "isrecord");
  lua_pushvalue(L, idx);
  lua_call(L, 1, 1);
  bool yes = lua_toboolean(L, -1);
  lua_pop(L, 2);
  return yes;
}

// The record at idx that ended the run: into the Error list (quietly: the caller writes it with its
// place) and to the runtime's error hook (the --log transcript).
void rememberTerminating(lua_State* L, int idx) {
  lua_getglobal(L, "__plush");
  lua_getfield(L, -1, "reportError");
  lua_pushvalue(L, idx);
  lua_pushboolean(L, 1);
  lua_call(L, 2, 0);
  lua_getfield(L, -1, "hook_error");
  lua_pushvalue(L, idx);
  lua_call(L, 1, 0);
  lua_pop(L, 1);
}

// A terminating Lua error as a record, for the runtime's error hook (the --log transcript).
void noteTerminatingError(lua_State* L, const std::string& message) {
  lua_getglobal(L, "__plush");
  lua_getfield(L, -1, "hook_error");
  lua_getfield(L, -2, "torecord");
  lua_pushstring(L, message.c_str());
  lua_call(L, 1, 1);
  lua_call(L, 1, 0);
  lua_pop(L, 1);
}

}  // namespace

int Runner::errorsReported() const {
  lua_State* L = host_.state();
  lua_getglobal(L, "__plush");
  lua_getfield(L, -1, "state");
  lua_getfield(L, -1, "errorsReported");
  int n = static_cast<int>(lua_tointeger(L, -1));
  lua_pop(L, 3);
  return n;
}

RunStatus Runner::run(std::string_view text, const std::string& chunkName, bool echo) {
  if (dialect_ == Dialect::PowerShell) {
    // Every PowerShell statement writes its own output: nothing to echo.
    RunStatus loaded = load(text, chunkName, echo);
    if (loaded != RunStatus::Ok) return loaded;
    if (beforeRun) beforeRun(text);
    return call(text, chunkName, false);
  }
  if (echo) {
    // As lua.c does: try the line as an expression first, so `1+1` prints 2.
    std::string asValue = "return " + std::string(text);
    lang::Translation t = lang::translate(asValue, translateOptions(host_.state(), chunkName));
    if (t.status == lang::Status::Ok &&
        luaL_loadbufferx(host_.state(), t.lua.data(), t.lua.size(), ("@" + chunkName).c_str(), "t") == LUA_OK) {
      if (beforeRun) beforeRun(text);
      return call(text, chunkName, true);
    }
    if (t.status == lang::Status::Ok) lua_pop(host_.state(), 1);
  }
  RunStatus loaded = load(text, chunkName, echo);
  if (loaded != RunStatus::Ok) return loaded;
  if (beforeRun) beforeRun(text);
  return call(text, chunkName, false);
}

RunStatus Runner::load(std::string_view text, const std::string& chunkName, bool prompt) {
  lua_State* L = host_.state();
  lang::Translation t;
  if (dialect_ == Dialect::PowerShell) {
    shell::loadPowerShellRuntime(L);
    t = lang::powershell::compile(text, translateOptions(L, chunkName), prompt);
  } else {
    t = lang::translate(text, translateOptions(L, chunkName));
  }
  if (t.status == lang::Status::Incomplete) {
    if (prompt) return RunStatus::Incomplete;
    lang::Diagnostic d = t.diagnostics.empty() ? lang::Diagnostic{"IncompleteInput", "unexpected end of input", 1, 1, 1}
                                               : t.diagnostics.front();
    std::cerr << lang::renderDiagnostic(text, d, chunkName);
    return RunStatus::ParseError;
  }
  if (t.status == lang::Status::Error) {
    std::fflush(stdout);
    for (const auto& d : t.diagnostics) std::cerr << lang::renderDiagnostic(text, d, chunkName);
    return RunStatus::ParseError;
  }
  for (const auto& w : t.warnings) std::cerr << lang::renderDiagnostic(text, w, chunkName);
  if (luaL_loadbufferx(L, t.lua.data(), t.lua.size(), ("@" + chunkName).c_str(), "t") == LUA_OK) return RunStatus::Ok;
  std::string error = lua_tostring(L, -1);
  lua_pop(L, 1);
  if (prompt && error.size() >= 5 && error.compare(error.size() - 5, 5, "<eof>") == 0) return RunStatus::Incomplete;
  int line = 1;
  std::string message = error;
  splitLuaMessage(error, chunkName, line, message);
  lang::Diagnostic d = placeOnLine(text, line, message);
  d.id = "SyntaxError";
  std::cerr << lang::renderDiagnostic(text, d, chunkName);
  return RunStatus::ParseError;
}

RunStatus Runner::call(std::string_view text, const std::string& chunkName, bool echo) {
  lua_State* L = host_.state();
  int base = lua_gettop(L) - 1;
  int status = host_.protectedCall(0, LUA_MULTRET);
  if (status == LUA_OK) {
    int results = lua_gettop(L) - base;
    if (echo && results > 0) {
      lua_getglobal(L, "__plush");
      lua_getfield(L, -1, "outDefault");
      lua_remove(L, -2);
      lua_insert(L, base + 1);
      if (host_.protectedCall(results, 0) != LUA_OK) reportRuntimeError(text, chunkName);
    }
    lua_settop(L, base);
    return RunStatus::Ok;
  }
  bool interrupted = pendingSignal() != 0;
  reportRuntimeError(text, chunkName);
  lua_settop(L, base);
  return interrupted ? RunStatus::Interrupted : RunStatus::RuntimeError;
}

// Report the error value on top of the stack and pop it.
void Runner::reportRuntimeError(std::string_view text, const std::string& chunkName) {
  std::fflush(stdout);  // what the script printed comes before its error
  lua_State* L = host_.state();
  int idx = lua_gettop(L);
  if (dialect_ == Dialect::PowerShell && reportAtPlace(text, chunkName, idx)) {
    lua_settop(L, idx - 1);
    return;
  }
  if (isRecord(L, idx)) {
    rememberTerminating(L, idx);
    lua_getglobal(L, "__plush");
    lua_getfield(L, -1, "formatError");
    lua_pushvalue(L, idx);
    lua_call(L, 1, 1);
    std::cerr << lua_tostring(L, -1) << "\n";
    lua_pop(L, 2);
  } else {
    std::string error = lua_tostring(L, idx) ? lua_tostring(L, idx) : "(error)";
    noteTerminatingError(L, error.substr(0, error.find('\n')));
    std::string head = error.substr(0, error.find("\nstack traceback:"));
    std::string traceback = error.size() > head.size() ? error.substr(head.size() + 1) : "";
    int line = 0;
    std::string message;
    std::string frames = userFrames(traceback, chunkName);
    if (placeError(head, frames, chunkName, line, message)) {
      std::cerr << lang::renderDiagnostic(text, placeOnLine(text, line, message), chunkName);
    } else {
      std::cerr << chunkName << ": " << head << "\n";
    }
    if (!frames.empty()) std::cerr << "stack traceback:\n" << frames;
  }
  lua_settop(L, idx - 1);
}

}  // namespace plush::host

namespace plush::host {

// A PowerShell error record whose Position names a place in this text: "file:LINE:COL: message (Id)",
// the line and a caret, then its recommendation. False (nothing written) for any other error value.
bool Runner::reportAtPlace(std::string_view text, const std::string& chunkName, int idx) {
  lua_State* L = host_.state();
  if (!isRecord(L, idx)) return false;
  lua_getglobal(L, "__plush");
  lua_getfield(L, -1, "state");
  lua_getfield(L, -1, "output");
  bool machine = lua_isstring(L, -1) && std::string(lua_tostring(L, -1)) == "json";
  lua_pop(L, 3);
  lua_getfield(L, idx, "Position");
  std::string position = lua_isstring(L, -1) ? lua_tostring(L, -1) : "";
  lua_pop(L, 1);
  // "file:LINE:COL"
  size_t colon2 = position.rfind(':');
  size_t colon1 = colon2 == std::string::npos || colon2 == 0 ? std::string::npos : position.rfind(':', colon2 - 1);
  if (machine || colon1 == std::string::npos || position.compare(0, colon1, chunkName) != 0 || colon1 != chunkName.size()) return false;
  std::string lineText = position.substr(colon1 + 1, colon2 - colon1 - 1), columnText = position.substr(colon2 + 1);
  if (lineText.empty() || columnText.empty() || lineText.find_first_not_of("0123456789") != std::string::npos ||
      columnText.find_first_not_of("0123456789") != std::string::npos)
    return false;
  auto field = [&](const char* name) {
    lua_getfield(L, idx, name);
    std::string value = lua_isstring(L, -1) ? lua_tostring(L, -1) : "";
    lua_pop(L, 1);
    return value;
  };
  lang::Diagnostic d;
  d.id = field("Id");
  std::string command = field("Command");
  d.message = (command.empty() ? "" : command + ": ") + field("Message");
  d.line = std::stoi(lineText);
  d.column = std::stoi(columnText);
  std::string width = field("Width");
  d.width = width.empty() ? 1 : std::max(1, std::stoi(width));
  rememberTerminating(L, idx);
  std::cerr << lang::renderDiagnostic(text, d, chunkName);
  std::string recommendation = field("Recommendation");
  if (!recommendation.empty()) std::cerr << "    Recommendation: " << recommendation << "\n";
  return true;
}

}  // namespace plush::host
