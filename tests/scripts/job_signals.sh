# SIGINT and SIGTERM stop a running script cleanly: exit 130 / 143 and the unfinished change rolled back.
python3 "$EXAMPLES_DIR/../scripts/gen-tenant" --users 20000 --seed 5 --now 2026-11-20T00:00:00Z --out t.db --plush "$PLUSH"
echo "store built: $?"
export PLUSH_TENANT=t.db

# Runs a script in the background, waits until it says it is in its long change, then signals it.
signal_midway() {
  local signal=$1 script=$2
  rm -f started
  $PLUSH "$script" > run.out 2> run.err &
  local pid=$!
  for _ in $(seq 1 400); do [ -e started ] && break; sleep 0.05; done
  sleep 0.5
  kill -s "$signal" $pid
  wait $pid
  echo "status $?"
  sed 's/^/  stderr: /' run.err
}

consistent() {
  echo "integrity: $(sqlite3 t.db 'PRAGMA integrity_check')"
  echo "kept counts that differ from active assignments: $(sqlite3 t.db "
  SELECT count(*) FROM products p WHERE p.assigned <> (
    SELECT count(DISTINCT a.user_pk) FROM assignments a JOIN users u ON u.pk = a.user_pk
    WHERE a.product_pk = p.pk AND a.state = 'Active' AND u.deleted_on IS NULL)")"
}

flow_free() {
  sqlite3 t.db "SELECT assigned FROM products WHERE sku_part_number = 'FLOW_FREE'"
}

echo "== SIGINT while one group license reaches 20,000 members (one change)"
cat > group.plush <<'SCRIPT'
io.open("started", "w"):close()
Set-GroupLicense "All Users" -Add FLOW_FREE
print("not reached")
SCRIPT
signal_midway INT group.plush
consistent
echo "FLOW_FREE assigned: $(flow_free)"
$PLUSH -c 'print("All Users licenses: " .. #(Get-GroupLicense "All Users"))'

echo "== SIGTERM inside Start-Transaction while assigning user after user"
cat > transaction.plush <<'SCRIPT'
Start-Transaction
local n = 0
for _, upn in ipairs(Get-User | ForEach-Object { $_.UserPrincipalName }) do
  Set-UserLicense $upn -Add FLOW_FREE -UsageLocation US
  n = n + 1
  if n == 200 then io.open("started", "w"):close() end
end
Complete-Transaction
print("not reached")
SCRIPT
audit_before=$(sqlite3 t.db 'SELECT count(*) FROM audit')
signal_midway TERM transaction.plush
consistent
echo "FLOW_FREE assigned: $(flow_free)"
echo "audit rows added: $(( $(sqlite3 t.db 'SELECT count(*) FROM audit') - audit_before ))"

echo "== SIGTERM in a bulk run, one change per user: the changes done are kept, the one under way is not"
cat > bulk.plush <<'SCRIPT'
local n = 0
for _, upn in ipairs(Get-User | ForEach-Object { $_.UserPrincipalName }) do
  Set-UserLicense $upn -Add FLOW_FREE -UsageLocation US
  n = n + 1
  if n == 200 then io.open("started", "w"):close() end
end
print("not reached")
SCRIPT
signal_midway TERM bulk.plush
consistent
assigned=$(flow_free)
[ "$assigned" -ge 200 ] && [ "$assigned" -lt 20000 ] && echo "FLOW_FREE assigned midway" || echo "FLOW_FREE assigned: $assigned"
echo "each kept assignment has its audit row: $(sqlite3 t.db "
SELECT (SELECT count(*) FROM audit WHERE detail LIKE '%added FLOW_FREE%') = $assigned")"
