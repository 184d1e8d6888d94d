# Plain Lua keeps lua5.4's meaning at the host's edges: a BOM, the script's arguments as `...` and arg[-n],
# globals a script removes, error values that are not strings, and the caret under the failing expression.
run() { echo "\$ $1"; $PLUSH -c "$1" 2>&1 | sed 's/^PANIC.*/PANIC/'; echo "status ${PIPESTATUS[0]}"; }
echo "# a UTF-8 BOM is skipped, also before a #! line"
printf '\xef\xbb\xbfprint("bom ok")\n' > bom.lua
$PLUSH bom.lua; echo "status $?"
printf '\xef\xbb\xbf#!/usr/bin/env plush\nprint("bom and #! ok")\n' > bom_shebang.lua
$PLUSH bom_shebang.lua; echo "status $?"
echo "# the arguments reach the main chunk as ..., and arg[-n] holds what came before the script, as lua sets it"
cat > args.lua <<'LUA'
local i = 0
while arg[i] do i = i - 1 end
print(arg[i + 1] == arg[-2], arg[-1], arg[0], #arg, select("#", ...), ...)
print((arg[i + 1]:match("[^/]+$")))
LUA
$PLUSH --no-color args.lua x y; echo "status $?"
$PLUSH -c 'print(arg[0], #arg, select("#", ...), ...)' a b c; echo "status $?"
echo 'print(arg[0], select("#", ...), ...)' | $PLUSH - p q; echo "status $?"
echo "# -e TEXT is -c TEXT, as lua's -e (the suite's files.lua runs its interpreter so)"
$PLUSH -e 'os.exit(20, true)'; echo "status $?"
$PLUSH -e ' '; echo "status $?"
echo "# removing globals the runtime uses cannot crash plush"
run '__plush = nil'
run 'getmetatable = nil; error("boom")'
run 'setmetatable, type = nil, nil; error("boom")'
run 'type, pairs, ipairs, tostring, select, getmetatable, setmetatable = nil; Get-License | Select-Object -First 2 | Format-Table SkuPartNumber; Get-User nobody@contoso.com; print(#Error)'
run 'Error = nil; Get-User nobody@contoso.com; print(Error)'
run 'local G = _G; for n in pairs(G) do G[n] = nil end; error("after cleaning all")'
run 'local G, keep = _G, {string = 1}; for n in pairs(G) do if not keep[n] then G[n] = nil end end; Get-User nobody@contoso.com; local x = string.rep("a", 3) .. nil'
echo "# error values that are not strings are reported as lua reports them"
run 'error(42)'
run 'error(setmetatable({}, {__tostring = function() return "custom" end}))'
run 'error({code = 1})'
run 'error()'
run 'error(true)'
echo "# the caret is under the failing expression"
run 'local x = nil; x.y = 1'
run 'local t = {}; t.a.b = 1'
run 'local count = 1; local s = "a" .. nothing .. count'
run 'local f; local v = 1 + f()'
