// Stopping a run: Ctrl-C, SIGTERM, --timeout and --max-memory set one flag and arm a Lua hook; C++ loops poll it.
#include "host/interrupt.h"

#include <sys/time.h>

#include <atomic>

#include "host/lua_host.h"

namespace plush::host {

namespace {

constexpr const char* kStopHandler = "plush.interrupted";

std::atomic<int> pending{0};
std::atomic<bool> settled{false};
lua_State* hooked = nullptr;

// Runs inside the VM at the next instruction, call or return, and at every one after it until
// the runner settles the stop: a script's pcall may catch the stop once, never for good.
// The runtime's handler is kept in the registry: a script may have replaced __plush.
void stopHook(lua_State* L, lua_Debug*) {
  lua_getfield(L, LUA_REGISTRYINDEX, kStopHandler);
  lua_pushstring(L, stopReasonName(pending.load()));
  lua_call(L, 1, 0);
}

void arm() {
  // lua_sethook is the one Lua call documented as safe from a signal handler.
  if (hooked && !settled.load()) lua_sethook(hooked, stopHook, LUA_MASKCALL | LUA_MASKRET | LUA_MASKCOUNT, 1);
}

void stop(int reason) {
  int none = 0;
  pending.compare_exchange_strong(none, reason);
  arm();
}

void onSignal(int signal) { stop(signal); }

}  // namespace

void installInterruptHook(lua_State* L) {
  hooked = L;
  pushRuntimeTable(L);
  lua_getfield(L, -1, "interrupted");
  lua_setfield(L, LUA_REGISTRYINDEX, kStopHandler);
  lua_pop(L, 1);
}

void installSignalHandlers() {
  struct sigaction action {};
  action.sa_handler = onSignal;
  sigemptyset(&action.sa_mask);
  // No SA_RESTART: a read from a terminal or pipe returns (EINTR), so the hook gets to run.
  sigaction(SIGINT, &action, nullptr);
  sigaction(SIGTERM, &action, nullptr);
  sigaction(SIGALRM, &action, nullptr);
}

void startTimeout(double seconds) {
  struct itimerval timer {};
  timer.it_value.tv_sec = static_cast<time_t>(seconds);
  timer.it_value.tv_usec = static_cast<suseconds_t>((seconds - static_cast<double>(timer.it_value.tv_sec)) * 1e6);
  if (timer.it_value.tv_sec == 0 && timer.it_value.tv_usec == 0) timer.it_value.tv_usec = 1;
  setitimer(ITIMER_REAL, &timer, nullptr);
}

void requestStop(int reason) { stop(reason); }

int pendingSignal() { return pending.load(); }

bool stopRequested() { return pending.load() != 0 && !settled.load(); }

void raiseIfStopped(lua_State* L) {
  if (stopRequested() && L == hooked) stopHook(L, nullptr);
}

void settleStop(lua_State* L) {
  settled.store(true);
  lua_sethook(L, nullptr, 0, 0);
}

void clearPendingSignal() {
  pending.store(0);
  settled.store(false);
  if (hooked) lua_sethook(hooked, nullptr, 0, 0);
}

const char* stopReasonName(int reason) {
  switch (reason) {
    case SIGINT: return "SIGINT";
    case SIGTERM: return "SIGTERM";
    case kStopTimeout: return "timeout";
    case kStopOutOfMemory: return "memory";
    default: return "signal";
  }
}

int signalExitStatus(int signal) {
  if (signal == kStopTimeout) return 124;
  if (signal == kStopOutOfMemory) return 2;
  return 128 + signal;
}

}  // namespace plush::host
