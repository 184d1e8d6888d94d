// The Lua state of a plush session: libraries, the embedded shell runtime, stdlib, protected calls.
#pragma once
#include <lua.hpp>
#include <string>

#include "host/memory_cap.h"

namespace plush::host {

// Push the runtime table of L's session (kept in the registry, whatever the script did to __plush).
void pushRuntimeTable(lua_State* L);

// What the Lua-visible loaders (load, loadfile, dofile, require) accept. Binary chunks are for the
// official Lua 5.4 test suite only (--lua-test-suite-binary-chunks): a damaged one crashes the VM.
enum class Chunks { TextOnly, BinaryForLuaTestSuite };

class LuaHost {
 public:
  explicit LuaHost(Chunks chunks = Chunks::TextOnly);
  ~LuaHost();
  LuaHost(const LuaHost&) = delete;
  LuaHost& operator=(const LuaHost&) = delete;

  lua_State* state() const { return L_; }
  // --max-memory: the cap on what the Lua state holds (0: none).
  MemoryCap& memory() { return memory_; }

  // The shell runtime compiled into the binary, then every stdlib/*.lua in name order.
  void loadRuntime();
  void loadStdlib(const std::string& dir);

  // Call the function below its nargs arguments through a handler that adds a traceback to
  // string errors (error records pass through untouched). Returns a lua status; on error the
  // error value is left on the stack.
  int protectedCall(int nargs, int nresults);

  // Push the runtime table (__plush), from the registry: a script may remove or replace the
  // global, the host keeps its own reference.
  void pushRuntime() const;

 private:
  // Runs one file of plush's own Lua: the runtime as bytecode built with plush ("b"), stdlib as text ("t").
  void runFile(const char* code, size_t size, const std::string& name, const char* mode);
  MemoryCap memory_;  // before L_: the state allocates through it from its first byte
  lua_State* L_;
};

}  // namespace plush::host
