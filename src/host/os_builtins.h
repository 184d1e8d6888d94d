// The operating system for stdlib's file and session cmdlets: file kinds, wildcard paths, an interruptible sleep, the terminal.
#pragma once
#include <lua.hpp>

namespace plush::host {

// Adds to the table on top of the stack (__plush):
//   file_kind(path) -> "file" | "directory" | "other" | nil
//   glob(pattern)   -> a sorted list of the matching paths
//   sleep(seconds)  -> true, or false when Ctrl-C / SIGTERM arrived first (polled every 50 ms)
//   is_terminal()   -> whether standard output is a terminal
void registerOsBuiltins(lua_State* L);

}  // namespace plush::host
