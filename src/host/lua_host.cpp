// The Lua state of a plush session: libraries, the embedded shell runtime, stdlib, protected calls.
#include "host/lua_host.h"

#include <algorithm>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string_view>
#include <stdexcept>
#include <vector>

#include "host/builtins.h"
#include "host/chunk_loading.h"
#include "host/embedded_runtime.h"
#include "host/file_builtins.h"
#include "host/format_builtins.h"
#include "host/os_builtins.h"
#include "host/interrupt.h"
#include "host/progress_builtins.h"
#include "host/raw_functions.h"
#include "host/runtime_locals.h"

namespace plush::host {

namespace {

// An error record (a table whose metatable says __type = "ErrorRecord") travels as itself.
bool isErrorRecord(lua_State* L, int idx) {
  if (lua_type(L, idx) != LUA_TTABLE || !lua_getmetatable(L, idx)) return false;
  lua_pushliteral(L, "__type");
  lua_rawget(L, -2);
  bool record = lua_type(L, -1) == LUA_TSTRING && std::strcmp(lua_tostring(L, -1), "ErrorRecord") == 0;
  lua_pop(L, 2);
  return record;
}

// lua.c's msghandler: strings and numbers get a traceback, a value with __tostring is that text, any
// other value is "(error object is a table value)" with a traceback; records pass through untouched.
int messageHandler(lua_State* L) {
  if (isErrorRecord(L, 1)) return 1;
  const char* message = lua_type(L, 1) == LUA_TNUMBER || lua_type(L, 1) == LUA_TSTRING ? lua_tostring(L, 1) : nullptr;
  if (!message) {
    if (luaL_callmeta(L, 1, "__tostring") && lua_type(L, -1) == LUA_TSTRING) return 1;
    message = lua_pushfstring(L, "(error object is a %s value)", luaL_typename(L, 1));
  }
  luaL_traceback(L, L, message, 1);
  return 1;
}

constexpr const char* kRuntimeKey = "plush.runtime";


// The bytecode built from this stdlib file, if the file is still exactly the text it was built from.
const EmbeddedChunk* builtStdlib(const std::string& name, const std::string& text) {
  for (const auto& chunk : embeddedStdlib())
    if (name == chunk.name)
      return std::string_view(chunk.text, chunk.textSize) == text ? &chunk : nullptr;
  return nullptr;
}

std::string readFile(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error("cannot read " + path.string());
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

// As luaL_newstate's: an error outside any protected call is a bug of plush.
int panic(lua_State* L) {
  const char* message = lua_tostring(L, -1);
  std::fprintf(stderr, "plush: PANIC: unprotected error in call to Lua API (%s)\n", message ? message : "?");
  std::fflush(stderr);
  return 0;  // Lua aborts
}

// Lua's warn(): off until "@on", as the standard interpreter's; "Lua warning: " on stderr.
struct Warnings {
  bool on = false;
  bool continuing = false;
};

void warn(void* ud, const char* message, int toContinue) {
  auto* w = static_cast<Warnings*>(ud);
  if (!w->continuing && !toContinue && message[0] == '@') {  // a control message
    if (std::strcmp(message, "@on") == 0) w->on = true;
    else if (std::strcmp(message, "@off") == 0) w->on = false;
    return;
  }
  if (w->on) {
    if (!w->continuing) std::fputs("Lua warning: ", stderr);
    std::fputs(message, stderr);
    if (!toContinue) std::fputs("\n", stderr);
    std::fflush(stderr);
  }
  w->continuing = toContinue != 0;
}

Warnings warnings;

}  // namespace

LuaHost::LuaHost(Chunks chunks) : L_(lua_newstate(MemoryCap::allocate, &memory_)) {
  if (!L_) throw std::runtime_error("cannot create the Lua state (out of memory)");
  lua_atpanic(L_, panic);
  lua_setwarnf(L_, warn, &warnings);
  // Incremental, not generational: a generational major collection walks every live object in one
  // pass that no hook can interrupt (a second with millions of objects), so Ctrl-C waited behind it.
  // Pipelines measured the same CPU and peak memory either way (100,000 users).
  lua_gc(L_, LUA_GCINC, 0, 0, 0);
  luaL_openlibs(L_);
  if (chunks == Chunks::TextOnly) forceTextChunks(L_);
  lua_newtable(L_);
  lua_pushvalue(L_, -1);
  lua_setfield(L_, LUA_REGISTRYINDEX, kRuntimeKey);
  lua_setglobal(L_, "__plush");
  pushRuntime();
  registerBuiltins(L_);
  registerRawBuiltins(L_);
  registerFormatBuiltins(L_);
  registerFileBuiltins(L_);
  registerOsBuiltins(L_);
  registerProgressBuiltins(L_);
  lua_pop(L_, 1);
}

LuaHost::~LuaHost() { lua_close(L_); }

void pushRuntimeTable(lua_State* L) { lua_getfield(L, LUA_REGISTRYINDEX, kRuntimeKey); }

void LuaHost::pushRuntime() const { pushRuntimeTable(L_); }

int LuaHost::protectedCall(int nargs, int nresults) {
  int base = lua_gettop(L_) - nargs;
  lua_pushcfunction(L_, messageHandler);
  lua_insert(L_, base);
  int status = lua_pcall(L_, nargs, nresults, base);
  lua_remove(L_, base);
  return status;
}

// Runtime and stdlib files are trusted plush code: an error in them is a bug, reported as such.
// The runtime comes as bytecode built with plush ("b"), compiled with kRuntimeLocals in front
// (precompile_lua); a stdlib file changed since the build is text ("t") and gets them in front here.
void LuaHost::runFile(const char* code, size_t size, const std::string& name, const char* mode) {
  std::string chunk = "@" + name;
  if (luaL_loadbufferx(L_, code, size, chunk.c_str(), mode) != LUA_OK || protectedCall(0, 0) != LUA_OK) {
    std::string message = lua_tostring(L_, -1) ? lua_tostring(L_, -1) : "error";
    lua_pop(L_, 1);
    throw std::runtime_error("plush runtime failed to load: " + message);
  }
}

void LuaHost::loadRuntime() {
  for (const auto& chunk : embeddedRuntime()) runFile(chunk.code, chunk.size, std::string("shell/") + chunk.name, "b");
  installInterruptHook(L_);
}

void LuaHost::loadStdlib(const std::string& dir) {
  std::vector<std::filesystem::path> files;
  for (const auto& entry : std::filesystem::directory_iterator(dir)) {
    if (entry.path().extension() == ".lua") files.push_back(entry.path());
  }
  std::sort(files.begin(), files.end());
  for (const auto& file : files) {
    std::string text = readFile(file), name = file.filename().string();
    if (const EmbeddedChunk* built = builtStdlib(name, text)) {
      runFile(built->code, built->size, "stdlib/" + name, "b");
    } else {
      text = kRuntimeLocals + text;
      runFile(text.data(), text.size(), "stdlib/" + name, "t");
    }
  }
  wrapRawFunctions(L_);  // after plush's own Lua, which bound the originals as it loaded
}

}  // namespace plush::host
