# SIGINT and SIGTERM stop a running script cleanly: exit 130 / 143 and the unfinished change rolled back.
# On PostgreSQL the generated store is copied into the test's databases (Copy-Tenant).
source "$SOURCE_DIR/tests/scripts/lib/stores.sh"
python3 "$EXAMPLES_DIR/../scripts/gen-tenant" --users 20000 --seed 5 --now 2026-11-20T00:00:00Z --out t.db --plush "$PLUSH"
echo "store built: $?"
if on_postgres; then copy_store t.db "$PLUSH_TENANT"; else export PLUSH_TENANT=t.db; fi

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
  grep -v '^    at ' run.err | sed 's/^/  stderr: /'  # where it stopped depends on when the signal came
}

consistent() {
  echo "integrity: $(store_integrity)"
  echo "kept counts that differ from active assignments: $(store_sql "
  SELECT count(*) FROM products p WHERE p.assigned <> (
    SELECT count(DISTINCT a.user_pk) FROM assignments a JOIN users u ON u.pk = a.user_pk
    WHERE a.product_pk = p.pk AND a.state = 'Active' AND u.deleted_on IS NULL)")"
}

flow_free() {
  store_sql "SELECT assigned FROM products WHERE sku_part_number = 'FLOW_FREE'"
}

# Each script loops until the signal comes, so the test does not depend on how fast plush is.
echo "== SIGINT while a group license reaches (or leaves) 20,000 members (one change each)"
cat > group.plush <<'SCRIPT'
io.open("started", "w"):close()
while true do
  Set-GroupLicense "All Users" -Add FLOW_FREE
  Set-GroupLicense "All Users" -Remove FLOW_FREE
end
SCRIPT
whole=$(new_store whole)
copy_store t.db "$whole"
all=$($PLUSH --tenant "$whole" -c 'Set-GroupLicense "All Users" -Add FLOW_FREE | Out-Null; print((Get-License FLOW_FREE).Assigned)')
signal_midway INT group.plush
consistent
$PLUSH -c '
local held = (Get-License FLOW_FREE).Assigned
local onGroup = #(Get-GroupLicense "All Users")
print("all members or none: " .. tostring((held == 0 and onGroup == 0) or (held == tonumber(arg[1]) and onGroup == 1)))' "$all"

# The sections below count FLOW_FREE from none: if the signal left it on the group, take it off.
$PLUSH -c 'if #(Get-GroupLicense "All Users") > 0 then Set-GroupLicense "All Users" -Remove FLOW_FREE | Out-Null end'

echo "== SIGTERM inside Start-Transaction while assigning and removing user after user"
# Assigns and removes FLOW_FREE user after user, one change per user, until stopped.
cat > assign-forever.plush <<'SCRIPT'
local upns = Get-User | ForEach-Object { $_.UserPrincipalName }
local n = 0
while true do
  for _, upn in ipairs(upns) do
    Set-UserLicense $upn -Add FLOW_FREE -UsageLocation US
    n = n + 1
    if n == 200 then io.open("started", "w"):close() end
  end
  for _, upn in ipairs(upns) do Set-UserLicense $upn -Remove FLOW_FREE end
end
SCRIPT
{ echo "Start-Transaction"; cat assign-forever.plush; } > transaction.plush
flow_free > before.txt
audit_before=$(store_sql 'SELECT count(*) FROM audit')
signal_midway TERM transaction.plush
consistent
echo "FLOW_FREE assigned as before: $(flow_free | cmp -s - before.txt && echo yes || echo no)"
echo "audit rows added: $(( $(store_sql 'SELECT count(*) FROM audit') - audit_before ))"

echo "== SIGTERM in a bulk run, one change per user: the changes done are kept, the one under way is not"
audit_before=$(store_sql 'SELECT max(pk) FROM audit')
signal_midway TERM assign-forever.plush
consistent
echo "at least 200 assignments were made and kept in the audit log: $(store_sql "
SELECT CAST(count(*) >= 200 AS INTEGER) FROM audit WHERE pk > $audit_before AND detail LIKE '%added FLOW_FREE%'")"
echo "each kept assignment has its audit row: $(store_sql "
SELECT CAST((SELECT count(*) FROM audit WHERE pk > $audit_before AND detail LIKE '%added FLOW_FREE%')
          - (SELECT count(*) FROM audit WHERE pk > $audit_before AND detail LIKE '%removed FLOW_FREE%')
          = (SELECT assigned FROM products WHERE sku_part_number = 'FLOW_FREE') AS INTEGER)")"
