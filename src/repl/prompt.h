// The interactive prompt: read a statement (with continuation lines), run it, print its output.
#pragma once
#include "cmdlets/registry.h"
#include "host/lua_host.h"

namespace plush::repl {

// Runs until Ctrl-D on an empty line; returns the exit status.
int runPrompt(host::LuaHost& host, cmdlets::TenantContext& tenant);

}  // namespace plush::repl
