// A syntax tree as one line of nested text, for the parser's tests and for reading what was parsed.
#pragma once

#include <string>

#include "lang/powershell/ast.h"

namespace plush::lang::powershell {

// (Kind 'text' kid kid ...), e.g. (Pipeline (Command 'Get-User' (CommandParameter 'Department') ...)).
std::string dump(const Node& node);

}  // namespace plush::lang::powershell
