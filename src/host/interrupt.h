// Stopping a run: Ctrl-C, SIGTERM, --timeout and --max-memory set one flag and arm a Lua hook; C++ loops poll it.
#pragma once
#include <lua.hpp>

#include <csignal>

namespace plush::host {

// Why a run is stopping, as pendingSignal() reports it: a signal number, or one of these.
constexpr int kStopTimeout = SIGALRM;   // --timeout ran out (the timer's signal)
constexpr int kStopOutOfMemory = 1000;  // the --max-memory cap was reached

// Once the runtime is loaded: the hook calls its __plush.interrupted(reason).
void installInterruptHook(lua_State* L);
void installSignalHandlers();
// --timeout: stop the run (as SIGTERM does) after this many seconds of wall-clock time.
void startTimeout(double seconds);
// Stop the run for a reason of plush's own (kStopOutOfMemory); the first reason wins.
void requestStop(int reason);
// The pending stop (SIGINT, SIGTERM, kStopTimeout, kStopOutOfMemory) or 0.
int pendingSignal();
// What long C++ work polls: a stop is pending and the runner has not taken it yet (after that,
// rolling back and reporting must run to their end).
bool stopRequested();
// For long C++ work over Lua values (ConvertTo-Json of a big List): raise a pending stop now, as
// the hook would at the next instruction, rather than after the work (on any thread: a coroutine's
// resume hands the error to the main thread, whose armed hook raises it again).
void raiseIfStopped(lua_State* L);
// The stop has reached the runner: disarm the hook, and let later signals only be recorded, so
// that reporting the stop and rolling back (which run Lua) are not stopped in turn.
void settleStop(lua_State* L);
// Forget a stop (the prompt, before the next statement): the hook is disarmed and may arm again.
void clearPendingSignal();
// "SIGINT", "SIGTERM", "timeout", "memory": the reason as __plush.stopRecord names it.
const char* stopReasonName(int reason);
// Exit status for a stop: 130 for SIGINT, 143 for SIGTERM, 124 for --timeout, 2 for memory.
int signalExitStatus(int signal);

}  // namespace plush::host
