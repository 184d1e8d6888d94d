// Questions the runtime asks at the prompt: -Confirm (__plush.confirm) and missing mandatory parameters.
#pragma once
#include <lua.hpp>

#include "repl/line_editor.h"

namespace plush::repl {

// Registers __plush.confirm(text) -> "y" | "a" | "n" | "l" (nil at the end of input) and
// __plush.state.promptForMandatory(cmd, param) -> value | list of values | nil. The editor must
// outlive the Lua state's use of them. Ctrl-C at a question stops the running pipeline.
void installTerminalQuestions(lua_State* L, LineEditor& editor);

}  // namespace plush::repl
