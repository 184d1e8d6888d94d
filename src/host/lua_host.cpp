// The Lua state of a plush session: libraries, the embedded shell runtime, stdlib, protected calls.
#include "host/lua_host.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <vector>

#include "host/builtins.h"
#include "host/embedded_runtime.h"
#include "host/format_builtins.h"
#include "host/interrupt.h"
#include "host/progress_builtins.h"

namespace plush::host {

namespace {

// Like lua.c's msghandler: strings get a traceback; records and other values pass through.
int messageHandler(lua_State* L) {
  if (lua_type(L, 1) == LUA_TSTRING) {
    luaL_traceback(L, L, lua_tostring(L, 1), 1);
    return 1;
  }
  if (lua_type(L, 1) == LUA_TTABLE) return 1;
  if (luaL_callmeta(L, 1, "__tostring") && lua_type(L, -1) == LUA_TSTRING) return 1;
  lua_pushfstring(L, "(error object is a %s value)", luaL_typename(L, 1));
  return 1;
}

std::string readFile(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error("cannot read " + path.string());
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

}  // namespace

LuaHost::LuaHost() : L_(luaL_newstate()) {
  if (!L_) throw std::runtime_error("cannot create the Lua state (out of memory)");
  // Pipelines make one short-lived object per row: the generational collector suits them.
  lua_gc(L_, LUA_GCGEN, 0, 0);
  luaL_openlibs(L_);
  lua_newtable(L_);
  lua_setglobal(L_, "__plush");
  pushRuntime();
  registerBuiltins(L_);
  registerFormatBuiltins(L_);
  registerProgressBuiltins(L_);
  lua_pop(L_, 1);
  installInterruptHook(L_);
}

LuaHost::~LuaHost() { lua_close(L_); }

void LuaHost::pushRuntime() const { lua_getglobal(L_, "__plush"); }

int LuaHost::protectedCall(int nargs, int nresults) {
  int base = lua_gettop(L_) - nargs;
  lua_pushcfunction(L_, messageHandler);
  lua_insert(L_, base);
  int status = lua_pcall(L_, nargs, nresults, base);
  lua_remove(L_, base);
  return status;
}

// Runtime and stdlib files are trusted plush code: an error in them is a bug, reported as such.
void LuaHost::runFile(const char* text, const std::string& name) {
  std::string chunk = "@" + name;
  if (luaL_loadbufferx(L_, text, std::char_traits<char>::length(text), chunk.c_str(), "t") != LUA_OK ||
      protectedCall(0, 0) != LUA_OK) {
    std::string message = lua_tostring(L_, -1) ? lua_tostring(L_, -1) : "error";
    lua_pop(L_, 1);
    throw std::runtime_error("plush runtime failed to load: " + message);
  }
}

void LuaHost::loadRuntime() {
  for (const auto& chunk : embeddedRuntime()) runFile(chunk.text, std::string("shell/") + chunk.name);
}

void LuaHost::loadStdlib(const std::string& dir) {
  std::vector<std::filesystem::path> files;
  for (const auto& entry : std::filesystem::directory_iterator(dir)) {
    if (entry.path().extension() == ".lua") files.push_back(entry.path());
  }
  std::sort(files.begin(), files.end());
  for (const auto& file : files) runFile(readFile(file).c_str(), "stdlib/" + file.filename().string());
}

}  // namespace plush::host
