// Where the caret of a Lua error goes: under the expression its message names (x.y, f(), 'nothing'), else the line.
#pragma once
#include <string>
#include <string_view>

#include "lang/translator.h"

namespace plush::host {

// A ScriptError diagnostic for `message` on `line` of the user's text. Lua gives only the line; the
// name the message quotes ("(local 'x')", "(field 'y')") and what failed (index, call, arithmetic)
// find the column: for `local x = nil; x.y = 1` the caret is under x.y, not under `local x`.
lang::Diagnostic placeRuntimeError(std::string_view text, int line, const std::string& message);

}  // namespace plush::host
