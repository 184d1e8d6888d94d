// The interactive prompt: read a statement (with continuation lines), run it, print its output.
#pragma once
#include "cmdlets/registry.h"
#include "host/lua_host.h"
#include "host/runner.h"

namespace plush::repl {

// Runs until Ctrl-D on an empty line; returns the exit status. In PowerShell the prompt says so (PS ...>).
int runPrompt(host::LuaHost& host, cmdlets::TenantContext& tenant, host::Dialect dialect);

}  // namespace plush::repl
