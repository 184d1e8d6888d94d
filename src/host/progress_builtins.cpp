// The progress line for the Lua runtime: __plush.progress_start/progress_tick/progress_write/progress_clear over format/progress_line.h.
#include "host/progress_builtins.h"

#include "format/progress_line.h"

namespace plush::host {

namespace {

// One line on stderr per process: one pipeline changes the tenant at a time.
format::ProgressDisplay& display() {
  static format::ProgressDisplay shared(2);
  return shared;
}

std::optional<int64_t> optionalCount(lua_State* L, int index) {
  if (lua_isnoneornil(L, index)) return std::nullopt;
  return static_cast<int64_t>(luaL_checkinteger(L, index));
}

// progress_start(): the work starts now (the line shows once it has run a while).
int progressStart(lua_State* L) {
  display().start();
  return 0;
}

// progress_tick(activity, done[, total[, changes[, errors[, sourceDone, sourceTotal]]]]) -> whether the
// line is shown. sourceDone of sourceTotal: how far the pipeline's first stage is, for the estimate
// when the changing stage's own total is unknown (a filter stands between them).
int progressTick(lua_State* L) {
  format::ProgressState state;
  state.activity = luaL_checkstring(L, 1);
  state.done = luaL_checkinteger(L, 2);
  state.total = optionalCount(L, 3);
  state.changes = optionalCount(L, 4);
  state.errors = optionalCount(L, 5);
  std::optional<int64_t> sourceDone = optionalCount(L, 6), sourceTotal = optionalCount(L, 7);
  if (!state.total && sourceDone && sourceTotal && *sourceTotal > 0)
    state.fraction = static_cast<double>(*sourceDone) / static_cast<double>(*sourceTotal);
  display().update(std::move(state));
  lua_pushboolean(L, display().shown());
  return 1;
}

// progress_write(activity, status[, percent[, secondsLeft]]) -> whether the line is shown: Write-Progress.
int progressWrite(lua_State* L) {
  format::ProgressState state;
  state.activity = luaL_checkstring(L, 1);
  state.status = luaL_optstring(L, 2, "");
  if (!lua_isnoneornil(L, 3)) state.fraction = luaL_checknumber(L, 3) / 100.0;
  if (!lua_isnoneornil(L, 4)) state.secondsLeft = luaL_checknumber(L, 4);
  display().update(std::move(state));
  lua_pushboolean(L, display().shown());
  return 1;
}

// progress_clear(): before other output, and when the work ends.
int progressClear(lua_State* L) {
  display().clear();
  return 0;
}

}  // namespace

void registerProgressBuiltins(lua_State* L) {
  static const luaL_Reg functions[] = {
      {"progress_start", progressStart}, {"progress_tick", progressTick}, {"progress_clear", progressClear},
      {"progress_write", progressWrite},
      {nullptr, nullptr}};
  luaL_setfuncs(L, functions, 0);
}

}  // namespace plush::host
