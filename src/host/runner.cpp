// Runs plush text: translate to Lua, load as text only, call, and report errors at the user's line and column.
#include "host/runner.h"

#include <cstdio>
#include <cctype>
#include <cstring>
#include <iostream>
#include <set>
#include <string>
#include <vector>

#include "host/error_caret.h"
#include "host/interrupt.h"
#include "lang/powershell/powershell.h"
#include "lang/translator.h"
#include "shell/powershell_runtime.h"

namespace plush::host {

namespace {

// Calls __plush[name] with the nargs values on top of the stack, protected: a script that removed or
// broke a runtime function gets an error, never a crash of the host. On failure nothing is left.
bool callRuntime(lua_State* L, const char* name, int nargs, int nresults) {
  pushRuntimeTable(L);
  lua_pushstring(L, name);
  lua_rawget(L, -2);
  lua_remove(L, -2);
  lua_insert(L, -(nargs + 1));
  if (lua_pcall(L, nargs, nresults, 0) == LUA_OK) return true;
  lua_pop(L, 1);
  return false;
}

lang::Options translateOptions(lua_State* L, const std::string& chunkName,
                               const std::set<std::string, std::less<>>& sessionGlobals = {}) {
  lang::Options options;
  options.chunkName = chunkName;
  options.declaredGlobals = sessionGlobals;
  options.isCommand = [L](std::string_view name) {
    lua_pushlstring(L, name.data(), name.size());
    if (!callRuntime(L, "iscommand", 1, 1)) return false;
    bool known = lua_toboolean(L, -1);
    lua_pop(L, 1);
    return known;
  };
  options.allCommands = [L]() {
    std::vector<std::string> names;
    if (!callRuntime(L, "commands", 0, 1)) return names;
    lua_Integer n = lua_istable(L, -1) ? static_cast<lua_Integer>(lua_rawlen(L, -1)) : 0;
    for (lua_Integer i = 1; i <= n; ++i) {
      lua_rawgeti(L, -1, i);
      if (lua_istable(L, -1)) {
        lua_pushliteral(L, "name");
        lua_rawget(L, -2);
        if (lua_type(L, -1) == LUA_TSTRING) names.emplace_back(lua_tostring(L, -1));
        lua_pop(L, 1);
      }
      lua_pop(L, 1);
    }
    lua_pop(L, 1);
    return names;
  };
  options.parameterProblem = [L](std::string_view command, std::string_view parameter) {
    lua_pushlstring(L, command.data(), command.size());
    lua_pushlstring(L, parameter.data(), parameter.size());
    lang::ParameterProblem problem;
    if (!callRuntime(L, "parameterProblem", 2, 2)) return problem;
    if (lua_type(L, -2) == LUA_TSTRING && lua_type(L, -1) == LUA_TSTRING) problem = {lua_tostring(L, -2), lua_tostring(L, -1)};
    lua_pop(L, 2);
    return problem;
  };
  return options;
}

// A precompiled chunk (luac's output, string.dump's): ESC "Lua" at the start, or after a '#' first line
// as lua.c allows. The translator would read its bytes as text and report a bracket it cannot close.
bool isBinaryChunk(std::string_view text) {
  if (!text.empty() && text[0] == '#') {
    size_t eol = text.find('\n');
    text = eol == std::string_view::npos ? std::string_view() : text.substr(eol + 1);
  }
  return text.substr(0, std::strlen(LUA_SIGNATURE)) == LUA_SIGNATURE;
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
  lua_pushvalue(L, idx);
  if (!callRuntime(L, "isrecord", 1, 1)) return false;
  bool yes = lua_toboolean(L, -1);
  lua_pop(L, 1);
  return yes;
}

// Taking a stop: no Lua ran after it to end what was under way, so end it here (the progress line).
void settleStopAndEndWork(lua_State* L) {
  settleStop(L);
  pushRuntimeTable(L);  // the registry's: a script may have removed the global
  lua_getfield(L, -1, "progressEnd");
  if (lua_isfunction(L, -1) && lua_pcall(L, 0, 0, 0) == LUA_OK) {
    lua_pop(L, 1);
    return;
  }
  lua_pop(L, 2);
}

void pushStopRecord(lua_State* L, int stop) {
  pushRuntimeTable(L);
  lua_getfield(L, -1, "stopRecord");
  lua_remove(L, -2);
  lua_pushstring(L, stopReasonName(stop));
  lua_call(L, 1, 1);
}

// The record at idx that ended the run: into the Error list (quietly: the caller writes it with its
// place) and to the runtime's error hook (the --log transcript).
void rememberTerminating(lua_State* L, int idx) {
  lua_pushvalue(L, idx);
  lua_pushboolean(L, 1);
  callRuntime(L, "reportError", 2, 0);
  lua_pushvalue(L, idx);
  callRuntime(L, "hook_error", 1, 0);
}

// A terminating Lua error as a record, for the runtime's error hook (the --log transcript).
void noteTerminatingError(lua_State* L, const std::string& message) {
  lua_pushstring(L, message.c_str());
  if (!callRuntime(L, "torecord", 1, 1)) return;
  callRuntime(L, "hook_error", 1, 0);
}

// The message of an error record, as the runtime writes it (Id, place, recommendation).
std::string recordText(lua_State* L, int idx) {
  rememberTerminating(L, idx);
  lua_pushvalue(L, idx);
  std::string text = "(error record)";
  if (callRuntime(L, "formatError", 1, 1)) {
    if (lua_type(L, -1) == LUA_TSTRING) text = lua_tostring(L, -1);
    lua_pop(L, 1);
  }
  return text;
}

}  // namespace

int Runner::errorsReported() const {
  lua_State* L = host_.state();
  pushRuntimeTable(L);
  lua_pushliteral(L, "state");
  lua_rawget(L, -2);
  int n = 0;
  if (lua_istable(L, -1)) {
    lua_pushliteral(L, "errorsReported");
    lua_rawget(L, -2);
    n = static_cast<int>(lua_tointeger(L, -1));
    lua_pop(L, 1);
  }
  lua_pop(L, 2);
  return n;
}

// `cls`, `history`, `exit` alone: a statement of the shell's, never `return cls` (which Lua would accept).
bool Runner::isBareShellWord(std::string_view text) {
  size_t b = text.find_first_not_of(" \t\r\n"), e = text.find_last_not_of(" \t\r\n");
  if (b == std::string_view::npos) return false;
  std::string word(text.substr(b, e - b + 1));
  for (char c : word)
    if (!std::isalnum(static_cast<unsigned char>(c)) && c != '_') return false;
  if (sessionGlobals_.count(word)) return false;
  if (word == "exit") return true;
  return translateOptions(host_.state(), "").isCommand(word);
}

RunStatus Runner::run(std::string_view text, const std::string& chunkName, bool echo) {
  if (dialect_ == Dialect::PowerShell) {
    // Every PowerShell statement writes its own output: nothing to echo.
    RunStatus loaded = load(text, chunkName, echo);
    if (loaded != RunStatus::Ok) return loaded;
    if (beforeRun) beforeRun(text);
    return call(text, chunkName, false);
  }
  if (echo && !isBareShellWord(text)) {
    // As lua.c does: try the line as an expression first, so `1+1` prints 2.
    std::string asValue = "return " + std::string(text);
    lang::Translation t = lang::translate(asValue, translateOptions(host_.state(), chunkName, sessionGlobals_));
    if (t.status == lang::Status::Ok &&
        luaL_loadbufferx(host_.state(), t.lua.data(), t.lua.size(), ("@" + chunkName).c_str(), "t") == LUA_OK) {
      for (lang::Diagnostic w : t.warnings) {
        if (w.line == 1) w.column -= 7;  // the place in the line as typed, without "return "
        std::cerr << lang::renderDiagnostic(text, w, chunkName);
      }
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
  if (isBinaryChunk(text)) {
    std::cerr << chunkName << ": a precompiled Lua chunk (bytecode, as luac or string.dump write it): plush runs "
              << "Lua source text only (BinaryChunk)\n    Recommendation: run the .lua file it was compiled from\n";
    return RunStatus::ParseError;
  }
  lang::Translation t;
  if (dialect_ == Dialect::PowerShell) {
    shell::loadPowerShellRuntime(L);
    t = lang::powershell::compile(text, translateOptions(L, chunkName), prompt);
  } else {
    t = lang::translate(text, translateOptions(L, chunkName, sessionGlobals_));
    // At the prompt, a global one line assigns is a Lua name for the lines after it.
    if (prompt && t.status == lang::Status::Ok) sessionGlobals_.insert(t.assignedGlobals.begin(), t.assignedGlobals.end());
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
  lang::Diagnostic d = placeRuntimeError(text, line, message);
  d.id = "SyntaxError";
  std::cerr << lang::renderDiagnostic(text, d, chunkName);
  return RunStatus::ParseError;
}

RunStatus Runner::call(std::string_view text, const std::string& chunkName, bool echo) {
  lua_State* L = host_.state();
  int base = lua_gettop(L) - 1;
  for (const auto& a : arguments) lua_pushlstring(L, a.data(), a.size());
  int status = host_.protectedCall(static_cast<int>(arguments.size()), LUA_MULTRET);
  if (status == LUA_OK && pendingSignal() != 0) settleStopAndEndWork(L);  // it came as the run ended: the run is done
  if (status == LUA_OK) {
    int results = lua_gettop(L) - base;
    if (echo && results > 0) {
      pushRuntimeTable(L);
      lua_pushliteral(L, "outDefault");
      lua_rawget(L, -2);
      lua_remove(L, -2);
      lua_insert(L, base + 1);
      if (host_.protectedCall(results, 0) != LUA_OK) {
        bool stopped = pendingSignal() != 0;
        if (stopped) settleStopAndEndWork(L);
        reportRuntimeError(text, chunkName);
        lua_settop(L, base);
        return stopped ? RunStatus::Interrupted : RunStatus::RuntimeError;
      }
    }
    lua_settop(L, base);
    return RunStatus::Ok;
  }
  int stop = pendingSignal();
  if (stop != 0) {
    settleStopAndEndWork(L);
    if (!isRecord(L, -1)) {  // the VM's own "not enough memory": report the stop itself
      lua_pop(L, 1);
      pushStopRecord(L, stop);
    }
  }
  reportRuntimeError(text, chunkName);
  lua_settop(L, base);
  if (stop == kStopOutOfMemory) return RunStatus::RuntimeError;
  return stop != 0 ? RunStatus::Interrupted : RunStatus::RuntimeError;
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
    std::cerr << recordText(L, idx) << "\n";
  } else {
    // The message handler made every other value a string, as lua.c does.
    std::string error = lua_tostring(L, idx) ? lua_tostring(L, idx) : "(error object is not a string)";
    noteTerminatingError(L, error.substr(0, error.find('\n')));
    std::string head = error.substr(0, error.find("\nstack traceback:"));
    std::string traceback = error.size() > head.size() ? error.substr(head.size() + 1) : "";
    int line = 0;
    std::string message;
    std::string frames = userFrames(traceback, chunkName);
    if (placeError(head, frames, chunkName, line, message)) {
      std::cerr << lang::renderDiagnostic(text, placeRuntimeError(text, line, message), chunkName);
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
  pushRuntimeTable(L);  // the registry's: a script may have removed the global __plush
  lua_pushliteral(L, "state");
  lua_rawget(L, -2);
  bool machine = false;
  if (lua_istable(L, -1)) {
    lua_pushliteral(L, "output");
    lua_rawget(L, -2);
    machine = lua_isstring(L, -1) && std::string(lua_tostring(L, -1)) == "json";
    lua_pop(L, 1);
  }
  lua_pop(L, 2);
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
  d.id = field("DisplayId");
  if (d.id.empty()) d.id = field("Id");
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
