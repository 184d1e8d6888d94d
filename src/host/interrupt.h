// Ctrl-C and SIGTERM: the handler only records the signal and arms a Lua hook; loops poll the flag.
#pragma once
#include <lua.hpp>

namespace plush::host {

void installInterruptHook(lua_State* L);
void installSignalHandlers();
// The pending signal number (SIGINT, SIGTERM) or 0.
int pendingSignal();
void clearPendingSignal();
// Exit status for a signal, as a shell reports it (130 for SIGINT, 143 for SIGTERM).
int signalExitStatus(int signal);

}  // namespace plush::host
