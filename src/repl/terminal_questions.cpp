// Questions the runtime asks at the prompt: -Confirm (__plush.confirm) and missing mandatory parameters.
#include "repl/terminal_questions.h"

#include <cctype>
#include <csignal>
#include <iostream>
#include <string>

namespace plush::repl {

namespace {

const char* kChoices = "[Y] Yes  [A] Yes to All  [N] No  [L] No to All  [?] Help (default is \"Y\"): ";
const char* kChoiceHelp =
    "Y - Continue with only the next step of the operation.\n"
    "A - Continue with all the steps of the operation.\n"
    "N - Skip this operation and proceed with the next operation.\n"
    "L - Skip this operation and all subsequent operations.\n";

LineEditor& editorOf(lua_State* L) { return *static_cast<LineEditor*>(lua_touserdata(L, lua_upvalueindex(1))); }

// Ctrl-C at a question stops the whole pipeline, as it would while the pipeline ran: the
// signal handler arms the interrupt hook, which raises PipelineStopped once Lua runs again.
void stopRun() { std::raise(SIGINT); }

std::string stringField(lua_State* L, int table, const char* key) {
  lua_getfield(L, table, key);
  std::string value = lua_type(L, -1) == LUA_TSTRING ? lua_tostring(L, -1) : "";
  lua_pop(L, 1);
  return value;
}

// Blanks around an answer are not part of it (completion leaves one after the value).
std::string trimmed(const std::string& text) {
  size_t first = text.find_first_not_of(" \t");
  if (first == std::string::npos) return "";
  return text.substr(first, text.find_last_not_of(" \t") + 1 - first);
}

// An answer's first letter, lower case, when it is one of the choices ("" for the default Yes).
char choice(const std::string& line) {
  size_t first = line.find_first_not_of(" \t");
  if (first == std::string::npos) return 'y';
  char c = static_cast<char>(std::tolower(static_cast<unsigned char>(line[first])));
  return std::string_view("yanl?").find(c) != std::string_view::npos ? c : 0;
}

int confirm(lua_State* L) {
  std::cout << "\nConfirm\n" << luaL_checkstring(L, 1) << "\n" << std::flush;
  for (;;) {
    std::string line;
    auto read = editorOf(L).read(kChoices, line, std::nullopt);
    if (read == LineEditor::Read::End) return 0;
    if (read == LineEditor::Read::Cancelled) {
      stopRun();
      lua_pushliteral(L, "l");
      return 1;
    }
    char c = choice(line);
    if (c == '?') std::cout << kChoiceHelp << std::flush;
    if (c && c != '?') {
      lua_pushlstring(L, &c, 1);
      return 1;
    }
  }
}

// One value, or for a list parameter values one per line until an empty line (PowerShell's Name[0]:).
int promptForMandatory(lua_State* L) {
  std::string command = stringField(L, 1, "name"), param = stringField(L, 2, "name");
  lua_getfield(L, 2, "list");
  bool list = lua_toboolean(L, -1);
  lua_pop(L, 1);
  std::cout << "cmdlet " << command << "\nSupply values for the following parameters:\n" << std::flush;
  std::string before = command + " -" + param + " ";
  lua_newtable(L);
  for (int i = 0;; ++i) {
    std::string line;
    std::string label = list ? param + "[" + std::to_string(i) + "]: " : param + ": ";
    auto read = editorOf(L).read(label, line, before);
    if (read == LineEditor::Read::Cancelled) stopRun();
    line = trimmed(line);
    if (read != LineEditor::Read::Line || line.empty()) break;
    lua_pushstring(L, line.c_str());
    lua_rawseti(L, -2, i + 1);
    if (!list) return 1;
  }
  if (lua_rawlen(L, -1) == 0) lua_pushnil(L);
  return 1;
}

}  // namespace

void installTerminalQuestions(lua_State* L, LineEditor& editor) {
  lua_getglobal(L, "__plush");
  lua_pushlightuserdata(L, &editor);
  lua_pushcclosure(L, confirm, 1);
  lua_setfield(L, -2, "confirm");
  lua_getfield(L, -1, "state");
  lua_pushlightuserdata(L, &editor);
  lua_pushcclosure(L, promptForMandatory, 1);
  lua_setfield(L, -2, "promptForMandatory");
  lua_pop(L, 2);
}

}  // namespace plush::repl
