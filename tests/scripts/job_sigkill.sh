# SIGKILL midway through 50,000 assignments: the store opens, is intact, and its kept counts are right.
# On PostgreSQL the generated store is copied into the test's database first (Copy-Tenant).
source "$SOURCE_DIR/tests/scripts/lib/stores.sh"
python3 "$EXAMPLES_DIR/../scripts/gen-tenant" --users 50000 --seed 11 --now 2026-11-20T00:00:00Z --out big.db --plush "$PLUSH"
echo "store built: $?"
store=big.db
if on_postgres; then store=$PLUSH_TENANT; copy_store big.db "$store"; fi

assigned() {
  store_sql "$store" "SELECT assigned FROM products WHERE sku_part_number = 'FLOW_FREE'"
}
echo "FLOW_FREE assigned before: $(assigned)"

# The whole group's stderr is dropped: bash reports the killed job ("Killed") whenever it notices the
# child is gone, which may be before the wait, while the kill is still running.
{
  $PLUSH --tenant "$store" -c 'Get-User | Set-UserLicense -Add FLOW_FREE -UsageLocation US' > bulk.out 2> bulk.err &
  bulk=$!
  # Midway: once a few thousand assignments are in, while the run is still going.
  for _ in $(seq 1 600); do
    [ "$(assigned)" -ge 3000 ] && break
    sleep 0.05
  done
  kill -KILL $bulk
  wait $bulk
} 2> /dev/null
echo "bulk run killed: status $?"
before_check=$(assigned)
[ "$before_check" -ge 3000 ] && [ "$before_check" -lt 49000 ] && echo "killed midway" || echo "NOT midway: $before_check assigned"

echo "integrity: $(store_integrity "$store")"
echo "products whose kept count differs from their active assignments:"
store_sql "$store" "
SELECT p.sku_part_number || ': kept ' || p.assigned || ', counted ' || (
  SELECT count(DISTINCT a.user_pk) FROM assignments a JOIN users u ON u.pk = a.user_pk
  WHERE a.product_pk = p.pk AND a.state = 'Active' AND u.deleted_on IS NULL)
FROM products p
WHERE p.assigned <> (
  SELECT count(DISTINCT a.user_pk) FROM assignments a JOIN users u ON u.pk = a.user_pk
  WHERE a.product_pk = p.pk AND a.state = 'Active' AND u.deleted_on IS NULL)"
echo "(end of list)"
# Each assignment is committed with its audit row, or neither is.
echo "FLOW_FREE audit rows match direct assignments: $(store_sql "$store" "
SELECT CAST((SELECT count(*) FROM audit WHERE action = 'Set-UserLicense' AND detail LIKE '%added FLOW_FREE%') =
            (SELECT count(*) FROM assignments a JOIN products p ON p.pk = a.product_pk
             WHERE p.sku_part_number = 'FLOW_FREE' AND a.group_pk = 0) AS INTEGER)")"

# plush opens the store and carries on where the killed run stopped.
$PLUSH --tenant "$store" -c '
local l = Get-License FLOW_FREE
print("plush opens it: FLOW_FREE Total " .. l.Total .. ", Available + Assigned = Total: " .. tostring(l.Available + l.Assigned == l.Total))
'
echo "status $?"
