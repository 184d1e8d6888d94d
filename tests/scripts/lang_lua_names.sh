# lua-conformance.md bugs 1-5: a name the chunk declares keeps its Lua meaning over commands, aliases and
# PowerShell's operator words, as under lua5.4 (run here too); where PowerShell's reading was possible, plush warns once.
probe() { echo "\$ $1"; echo "lua5.4: $(lua5.4 -e "$1" 2>&1 | sed 's/^lua5.4: //')"; echo "plush:  $($PLUSH -c "$1" 2>/dev/null)"; $PLUSH -c "$1" 2>&1 >/dev/null | sed 's/^/        /'; }
probe 'local start, stop = 3, 10; print(stop-start)'
probe 'start, stop = 3, 10; print(stop-start)'
probe 'function report() print(stop-start) end; start, stop = 3, 10; report()'
probe 'local Get, User = 100, 1; local x = Get-User; print(type(x), x)'
probe 'local a, Get, User = 1, 2, 3; print(a | Get-User)'
probe 'local sort, a = 4, 1; print(a | sort)'
probe 'print(1 | select(2, 10, 20))'
probe 'local where = 4; print(1 | where)'
probe 'local function ne(x) return x end; print(10 -ne (3))'
probe 'local lt = 2; print(10 -lt*2)'
probe 'local eq, a = 1, 5; print(a -eq)'
probe 'print(pcall(function() local x = 1; return x -not nil end))'
echo "# out of scope, the command and PowerShell's operators are back"
$PLUSH -c 'do local sort = 1 end; print(#(Get-User | sort UserPrincipalName), 10 -ne 3)'
