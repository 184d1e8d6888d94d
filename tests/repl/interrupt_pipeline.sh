#!/usr/bin/env bash
# Terminal test: Ctrl-C during a change pipeline over 200,000 users returns to the prompt within a second, store unchanged;
# a transaction the admin opened before that statement stays open.
# The 200,000-user store is built once per run, here (about 7 s: a generated tenant file and Import-Tenant);
# the pipeline itself would run for most of a minute.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
plush="$(realpath "$1")"
store="$work/big.db"

cat > "$work/generate.plush" <<'LUA'
-- Writes a tenant file holding this fresh store plus arg[2] users.
local path, count = arg[1], tonumber(arg[2])
Export-Tenant $path
local f = assert(io.open(path))
local text = f:read("a")
f:close()
local head, tail = text:match('^(.*"users":%[)(.*)$')
local rows = {}
for i = 1, count do
  rows[i] = string.format('{"id":"00000000-0000-4000-8000-%012d","userPrincipalName":"user%06d@contoso.com",'
    .. '"displayName":"User %d","department":"Bulk","usageLocation":"US","userType":"Member",'
    .. '"accountEnabled":true,"assignments":[],"groups":[],"roles":[]},', i, i, i)
end
f = assert(io.open(path, "w"))
f:write(head, table.concat(rows, "\n"), tail)
f:close()
LUA
cat > "$work/fingerprint.plush" <<'LUA'
Get-Tenant | Format-List Users, Groups, Products
Get-AuditLog -Last 3 | Format-List
Get-User user123456@contoso.com | Format-List UserPrincipalName, Department, UsageLocation
print("moved", #(Get-User -Filter "department eq 'Moved'"))
LUA
"$plush" --tenant "$work/generate.db" "$work/generate.plush" "$work/big.json" 200000
"$plush" --tenant "$store" -c "Import-Tenant '$work/big.json'" >/dev/null
"$plush" --tenant "$store" "$work/fingerprint.plush" >"$work/before.txt"
grep -q 'Users *: 200001' "$work/before.txt" || { echo "the store was not built:" >&2; cat "$work/before.txt" >&2; exit 1; }

start_prompt "$plush" --tenant "$store"
wait_prompt
send 'Start-Transaction; Get-User | Set-User -Department Moved; Complete-Transaction' Enter
sleep 1
refute_screen '\)> ?$'   # still running: no prompt came back
started=$(date +%s%N)
send C-c
for _ in $(seq 1 1000); do
  if last_line | grep -Eq '\)> ?$'; then break; fi
done
elapsed_ms=$(( ($(date +%s%N) - started) / 1000000 ))
wait_prompt
wait_for 'PipelineStopped'
echo "back at the prompt ${elapsed_ms} ms after Ctrl-C"
[ "$elapsed_ms" -lt 1000 ] || { echo "took ${elapsed_ms} ms, not under a second" >&2; exit 1; }

# The prompt still works, and sees the store as it was.
send 'print("moved", #(Get-User -Filter "department eq '"'Moved'"'"))' Enter
wait_for '^moved\s+0$'

# Ctrl-C stops the statement, not the admin's own transaction opened before it.
clear_screen
send 'Start-Transaction' Enter
wait_prompt
send 'New-User -UserPrincipalName kept@contoso.com -DisplayName Kept | Out-Null' Enter
wait_prompt
send 'Get-User | Set-User -Department Moved' Enter
sleep 1
send C-c
wait_for 'PipelineStopped'
wait_prompt
send 'print("kept", #(Get-User -Filter "startswith(userPrincipalName,'"'kept@'"')"))' Enter
wait_for '^kept\s+1$'
send 'Undo-Transaction' Enter
wait_prompt
send C-d
wait_gone
stop_prompt
"$plush" --tenant "$store" "$work/fingerprint.plush" >"$work/after.txt"
diff -u "$work/before.txt" "$work/after.txt"
echo "interrupt_pipeline: ok"
