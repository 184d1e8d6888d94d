# Binary chunks are refused everywhere: load, loadfile, dofile, require; string.dump is gone (reliability D4).
# A mutated binary chunk used to crash the VM (rc 134/139); now every path refuses it before it runs.
run() { timeout -k 5 60 "$PLUSH" "$@" 2>&1; echo "status $?"; }
printf '\033LuaT\000\031\223\r\n\032\n\004\010\010xV\000\000\000\000\000\000\000\000\000\000\000(w@\001\377' > bin.luac
cp bin.luac binmod.lua
printf 'return {answer = 42}\n' > textmod.lua
printf 'return ...\n' > text.lua

echo "== the reproducer of D4: string.dump is not there"
run -c "local b = string.dump(function(a, b) local t = {a, b, 'x'} return t[1] + t[2], #t end); b = b:sub(1, 38) .. string.char(255) .. b:sub(40); local g = load(b); if g then pcall(g, 1, 2) end"
echo "== load refuses binary text, whatever mode it is given"
run -c "local f = io.open('bin.luac', 'rb'); local b = f:read('a'); f:close()
print(load(b)); print(load(b, 'chunk', 'b')); print(load(b, 'chunk', 'bt'))
local parts = {b:sub(1, 4), b:sub(5)}; local i = 0
print(load(function() i = i + 1; return parts[i] end))"
echo "== loadfile, dofile and require refuse a binary file"
run -c "print(loadfile('bin.luac')); print(loadfile('bin.luac', 'b'))"
run -c "dofile('bin.luac')"
run -c "package.path = './?.lua'; require 'binmod'"
echo "== text chunks still load"
run -c "print(load('return 1 + 1')(), load('return ...', 'x', 't')(7), loadfile('text.lua')(8), dofile('text.lua'))
package.path = './?.lua'; print(require('textmod').answer)"
