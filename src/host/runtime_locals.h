// The locals every file of plush's own Lua starts with; shared by the host and the build's precompile_lua.
#pragma once

namespace plush::host {

// Runtime and stdlib files see the standard functions through locals bound when they load, so a
// script that removes or replaces a global (`type = nil`, all.lua's cleaning of _G) cannot break
// the runtime that reports its errors. Prepended to line 1: line numbers stay the file's.
constexpr const char* kRuntimeLocals =
    "local _G, assert, error, getmetatable, ipairs, next, pairs, pcall, print, rawequal, rawget, rawlen, rawset, "
    "select, setmetatable, tonumber, tostring, type, xpcall, string, table, math, io, os, utf8, coroutine, debug = "
    "_G, assert, error, getmetatable, ipairs, next, pairs, pcall, print, rawequal, rawget, rawlen, rawset, "
    "select, setmetatable, tonumber, tostring, type, xpcall, string, table, math, io, os, utf8, coroutine, debug; ";

}  // namespace plush::host
