# Store failures in a bulk run are named (reliability D9): each error names the input object whose change
# was not made, and a failed batch commit says how many earlier changes it took back. The store stays
# consistent. Numbers that depend on timing (how many changes a batch held) are shown as N.
python3 "$EXAMPLES_DIR/../scripts/gen-tenant" --users 1000 --seed 5 --now 2026-11-20T00:00:00Z --out t.db --plush "$PLUSH"
export PLUSH_TENANT=t.db
consistent() {
  echo "integrity: $(sqlite3 t.db 'PRAGMA integrity_check')"
  echo "FLOW_FREE kept count = rows = audit rows: $(sqlite3 t.db "
  SELECT (SELECT assigned FROM products WHERE sku_part_number = 'FLOW_FREE')
       = (SELECT count(*) FROM assignments a JOIN products p ON p.pk = a.product_pk WHERE p.sku_part_number = 'FLOW_FREE')
     AND (SELECT assigned FROM products WHERE sku_part_number = 'FLOW_FREE')
       = (SELECT count(*) FROM audit WHERE detail LIKE '%added FLOW_FREE%')")"
}

echo "== another process holds the store while a bulk run starts: the StoreBusy names the user"
mkfifo hold
(sqlite3 t.db 'BEGIN IMMEDIATE;' 'UPDATE tenant SET name = name;' '.shell cat hold' 'COMMIT;' > /dev/null) &
holder=$!
for _ in $(seq 1 100); do sqlite3 t.db 'BEGIN IMMEDIATE; ROLLBACK;' 2>/dev/null || break; sleep 0.05; done
$PLUSH -c 'Get-User | Select-Object -First 3 | Set-UserLicense -Add FLOW_FREE -UsageLocation US' > run.out 2> run.err &
run=$!
for _ in $(seq 1 400); do grep -qs StoreBusy run.err && break; sleep 0.05; done
echo done > hold
wait $holder
wait $run
echo "status $?"
sed -E 's/for [0-9.]+ s/for N s/' run.err
consistent

echo "== the disk fills up during a bulk run: each failed batch commit counts what it took back"
# A file size limit stands in for a full disk (SQLite sees EFBIG as it sees ENOSPC).
(trap '' XFSZ; ulimit -f 100; $PLUSH -c 'Get-User | Set-UserLicense -Add FLOW_FREE -UsageLocation US' > full.out 2> full.err
 echo $? > full.status)
# How many batches fail depends on timing; each failure reads the same.
grep '(StoreError)' full.err | sed -E 's/^[A-Za-z-]*: //; s/the [0-9]+ changes?/the N changes/; s/ Input object: [^ ]*\.//' | sort -u
errors=$(grep -c '(StoreError)' full.err)
echo "store errors, each saying what it took back: $([ "$errors" -ge 1 ] && [ "$errors" = "$(grep -c 'rolled back too' full.err)" ] && echo "yes, at least one" || echo no)"
echo "each one in the middle of the run names its input object: $([ "$(grep -c 'Set-UserLicense: .*(StoreError)' full.err)" = "$(grep -c 'Input object: ' full.err)" ] && echo yes || echo no)"
# Whether the run's last commit (at the end of the pipeline) fails too depends on timing: whether the
# changes after the last batch commit still fit. If it fails, the run stops on it: a terminating error
# that names no input object, the last error, status 2. If not, every error was one object's: status 1.
status=$(cat full.status)
at_end=$(grep '(StoreError)' full.err | grep -vc 'Input object: ' || true)
last_at_end=$(grep '(StoreError)' full.err | tail -n 1 | grep -vc 'Input object: ' || true)
echo "status 2 if the last commit failed (then its error is the last), else 1: $(
  { [ "$status" = 2 ] && [ "$at_end" = 1 ] && [ "$last_at_end" = 1 ]; } ||
  { [ "$status" = 1 ] && [ "$at_end" = 0 ]; } && echo yes || echo "no: status $status, $at_end at the end")"
consistent
$PLUSH -c 'print("the store still opens:", (Get-Tenant).Name ~= nil)'
