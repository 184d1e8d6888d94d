// Ctrl-C and SIGTERM: the handler only records the signal and arms a Lua hook; loops poll the flag.
#include "host/interrupt.h"

#include <atomic>
#include <csignal>

#include "host/lua_host.h"

namespace plush::host {

namespace {

std::atomic<int> pending{0};
lua_State* hooked = nullptr;

// Runs inside the VM at the next instruction: raise the stop as an error record.
void stopHook(lua_State* L, lua_Debug*) {
  lua_sethook(L, nullptr, 0, 0);
  pushRuntimeTable(L);  // the registry's: a script may have removed the global __plush
  lua_getfield(L, -1, "interrupted");
  lua_call(L, 0, 0);
}

void onSignal(int signal) {
  pending.store(signal);
  // lua_sethook is the one Lua call documented as safe from a signal handler.
  if (hooked) lua_sethook(hooked, stopHook, LUA_MASKCALL | LUA_MASKRET | LUA_MASKCOUNT, 1);
}

}  // namespace

void installInterruptHook(lua_State* L) { hooked = L; }

void installSignalHandlers() {
  struct sigaction action {};
  action.sa_handler = onSignal;
  sigemptyset(&action.sa_mask);
  sigaction(SIGINT, &action, nullptr);
  sigaction(SIGTERM, &action, nullptr);
}

int pendingSignal() { return pending.load(); }

void clearPendingSignal() { pending.store(0); }

int signalExitStatus(int signal) { return 128 + signal; }

}  // namespace plush::host
