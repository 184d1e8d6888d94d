# Binary chunks are refused everywhere: load, loadfile, dofile, require; string.dump is gone (reliability D4).
# A mutated binary chunk used to crash the VM (rc 134/139); now every path refuses it before it runs. A .luac
# file given as the script is refused by name (lua-conformance bug 7: it was read as text, MissingClosingBracket).
run() { timeout -k 5 60 "$PLUSH" "$@" 2>&1; echo "status $?"; }
lua5.4 -e "local f = io.open('p27.luac', 'wb'); f:write(string.dump(load('print(\"from bytecode\", 1)'))); f:close()"
cp p27.luac binmod.lua
printf 'return {answer = 42}\n' > textmod.lua
printf 'return ...\n' > text.lua

echo "== the reproducer of D4: string.dump is not there"
run -c "local b = string.dump(function(a, b) local t = {a, b, 'x'} return t[1] + t[2], #t end); b = b:sub(1, 38) .. string.char(255) .. b:sub(40); local g = load(b); if g then pcall(g, 1, 2) end"
echo "== load refuses binary text, whatever mode it is given"
run -c "local f = io.open('p27.luac', 'rb'); local b = f:read('a'); f:close()
print(load(b)); print(load(b, 'chunk', 'b')); print(load(b, 'chunk', 'bt'))
local parts = {b:sub(1, 4), b:sub(5)}; local i = 0
print(load(function() i = i + 1; return parts[i] end))"
echo "-- a text chunk with mode 'b' is still refused, as lua5.4 refuses it"
run -c "print(load('return 1', 'chunk', 'b'))"
echo "== loadfile, dofile and require refuse a binary file"
run -c "print(loadfile('p27.luac')); print(loadfile('p27.luac', 'b'))"
run -c "dofile('p27.luac')"
run -c "package.path = './?.lua'; require 'binmod'"
echo "== a precompiled file given as the script: refused by name, in either dialect"
run p27.luac
run --ps p27.luac
(printf '#!/usr/bin/env plush\n'; cat p27.luac) > shebang.luac
run shebang.luac
echo "== text chunks still load"
run -c "print(load('return 1 + 1')(), load('return ...', 'x', 't')(7), loadfile('text.lua')(8), dofile('text.lua'))
package.path = './?.lua'; print(require('textmod').answer)"
echo "== the Lua 5.4 test suite's switch gives back string.dump and binary load, never with --restricted"
run --lua-test-suite-binary-chunks -c "print(load(string.dump(function() return 'dumped and loaded' end))())"
run --lua-test-suite-binary-chunks --restricted -c "print(1)" | sed -n "1p;\$p"
PLUSH_RESTRICTED=1 run --lua-test-suite-binary-chunks -c "print(1)" | sed -n "1p;\$p"
