// The PowerShell dialect's reading of a Where-Object block as a test a store read can query (lang/pushed_test.h).
#pragma once

#include <optional>

#include "lang/powershell/ast.h"
#include "lang/pushed_test.h"

namespace plush::lang::powershell {

// The block's one expression, when it only compares $_'s properties with constants.
std::optional<PushedTest> pushedTestOfExpression(const Node& expression);

}  // namespace plush::lang::powershell
