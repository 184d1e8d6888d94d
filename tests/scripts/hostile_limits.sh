# Bounded work for unattended jobs: --timeout (exit 124) and --max-memory (OutOfMemory, exit 2), also from
# $PLUSH_TIMEOUT / $PLUSH_MAX_MEMORY; the unfinished change is rolled back and --log/--atomic/--what-if keep
# their promises (reliability D6). The outer `timeout 60` only turns a hang into a failing status.
run() { timeout -k 5 60 "$PLUSH" "$@" 2>&1; echo "status $?"; }
$PLUSH -c 'New-User -UserPrincipalName ann@contoso.com -DisplayName Ann -UsageLocation US | Out-Null'

echo "== --timeout 2 stops a busy loop, a tail-call loop, a loop that catches errors, a regex loop"
run --timeout 2 -c 'while true do end'
run --timeout 2 -c 'local function spin(n) return spin(n + 1) end; return spin(1)'
run --timeout 2 -c 'while true do pcall(function() while true do end end) end'
run --timeout 2 -c "local s = string.rep('a', 40) .. '!'
while true do pcall(function() return s -match '^(a|aa)+\$' end) end"
echo "-- one pathological match ends by itself, long before the timeout"
run --timeout 2 -c "print(string.rep('a', 40) .. '!' -match '^(a|aa)+\$')"
echo "-- from \$PLUSH_TIMEOUT, in other units"
PLUSH_TIMEOUT=1500ms run -c 'while true do end'
run --timeout 0.5m -c 'print("done in time")'

echo "== the change under way is rolled back; --atomic, --what-if and --log keep their promises"
run --timeout 1 -c 'Start-Transaction; New-User -UserPrincipalName bo@contoso.com -DisplayName Bo | Out-Null; while true do end'
run --atomic --timeout 1 -c 'New-User -UserPrincipalName cy@contoso.com -DisplayName Cy | Out-Null; while true do end'
run --what-if --timeout 1 -c 'New-User -UserPrincipalName di@contoso.com -DisplayName Di | Out-Null; while true do end'
run --log job.log --timeout 1 -c 'while true do end' > /dev/null
echo "log ends with: $(tail -1 job.log | sed 's/^[0-9TZ:.-]* //')"
$PLUSH -c 'Get-User | ForEach-Object UserPrincipalName'

echo "== --max-memory: past the cap the run stops with OutOfMemory, even inside pcall"
run --max-memory 256M -c "local s = string.rep('x', 2^30); print(#s)"
run --max-memory 256M -c "local ok, e = pcall(string.rep, 'x', 2^30); print('caught', ok, e)"
run --max-memory 64MiB -c 'local t = {}; while true do t[#t + 1] = {n = #t} end'
PLUSH_MAX_MEMORY=64M run -c "local parts = {}; for i = 1, 1e6 do parts[i] = string.rep('y', 100) end"
echo "-- scripts get 2 GiB unless told: the 2 GiB string of reliability D6 is refused before it is made"
run -c "local s = string.rep('x', 2^31 - 1); print(#s)"
run --max-memory 0 -c "print(#string.rep('x', 2^20))"
echo "-- the change under way is rolled back"
run --max-memory 64M -c 'Start-Transaction; New-User -UserPrincipalName ed@contoso.com -DisplayName Ed | Out-Null; local s = string.rep("x", 2^27)'
$PLUSH -c 'print(#(Get-User ed@contoso.com -ErrorAction SilentlyContinue))'

echo "== bad values are usage errors"
run --timeout soon -c 'print(1)' | head -1
run --max-memory 12Q -c 'print(1)' | head -1
run --max-memory 100k -c 'print(1)' | sed -E 's/holds [0-9.]+ [KM]iB/holds N KiB/'
PLUSH_TIMEOUT=never run -c 'print(1)' | head -1
