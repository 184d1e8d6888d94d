// Files, folders and the terminal for the Lua runtime: __plush.fs_* (stat, list, mkdir, remove, absolute path) and is_terminal.
#pragma once
#include <lua.hpp>

namespace plush::host {

// Added to the table on top of the stack (__plush):
//   fs_stat(path) -> {type = "file"|"directory"|"other", size, mtime} or nil when nothing is there
//   fs_list(folder) -> the names in it, sorted (nil and why when it cannot be read)
//   fs_mkdir(path) -> true, or nil and why (parent folders are made too)
//   fs_remove(path, recurse) -> true, or nil and why
//   fs_absolute(path) -> the absolute, normalized path
//   is_terminal(fd) -> is that standard stream (0, 1, 2) a terminal?
void registerFileBuiltins(lua_State* L);

}  // namespace plush::host
