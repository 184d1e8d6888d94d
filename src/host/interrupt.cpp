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
  if (pending.load() == 0 || settled.load()) return;  // a coroutine's watch (below), with nothing to stop
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

// A coroutine runs on a thread of its own, and the signal handler can arm only the main one. So each
// coroutine is made with a watch of its own: the stop hook every kCoroutineWatch instructions (it
// returns at once when nothing is pending). The cost falls on code running in coroutines only.
constexpr int kCoroutineWatch = 1000;

// A thread with a hook of its own (a debug hook, the armed stop) keeps it: threads it makes inherit it.
void watch(lua_State* L) {
  if (lua_gethook(L) == nullptr) lua_sethook(L, stopHook, LUA_MASKCOUNT, kCoroutineWatch);
}

// coroutine.create: as Lua's, the new thread watched.
int createWatched(lua_State* L) {
  luaL_checktype(L, 1, LUA_TFUNCTION);
  lua_State* thread = lua_newthread(L);
  lua_pushvalue(L, 1);
  lua_xmove(L, thread, 1);
  watch(thread);
  return 1;
}

// coroutine.wrap: Lua's own (upvalue 1), with this thread watched while it runs, so that the thread
// it makes inherits the watch; then this thread's hook as it was (armed, if a stop came meanwhile).
int wrapWatched(lua_State* L) {
  luaL_checktype(L, 1, LUA_TFUNCTION);
  lua_Hook hook = lua_gethook(L);
  int mask = lua_gethookmask(L), count = lua_gethookcount(L);
  watch(L);
  lua_pushvalue(L, lua_upvalueindex(1));
  lua_pushvalue(L, 1);
  int status = lua_pcall(L, 1, 1, 0);
  lua_sethook(L, hook, mask, count);
  if (L == hooked && pending.load() != 0) arm();
  if (status != LUA_OK) return lua_error(L);
  return 1;
}

void watchCoroutines(lua_State* L) {
  lua_getglobal(L, "coroutine");
  if (!lua_istable(L, -1)) {
    lua_pop(L, 1);
    return;
  }
  lua_pushcfunction(L, createWatched);
  lua_setfield(L, -2, "create");
  lua_getfield(L, -1, "wrap");
  lua_pushcclosure(L, wrapWatched, 1);
  lua_setfield(L, -2, "wrap");
  lua_pop(L, 1);
}

}  // namespace

void installInterruptHook(lua_State* L) {
  hooked = L;
  pushRuntimeTable(L);
  lua_getfield(L, -1, "interrupted");
  lua_setfield(L, LUA_REGISTRYINDEX, kStopHandler);
  lua_pop(L, 1);
  watchCoroutines(L);
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
  if (stopRequested()) stopHook(L, nullptr);  // in a coroutine too: its resume passes the stop on
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
