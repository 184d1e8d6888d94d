#!/usr/bin/env bash
# A PostgreSQL server that goes away in the middle of a bulk run: the run stops with StoreUnavailable
# naming the server, exit status 2, and what it had committed is whole (every license change with its
# audit row, the kept counts right). The test starts a server of its own, since it stops it.
# usage: server_stops.sh PLUSH_BINARY
set -uo pipefail
plush="$(cd "$(dirname "$1")" && pwd)/$(basename "$1")"
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
source "$here/cluster.sh"
work="$(mktemp -d "${TMPDIR:-/tmp}/plush-stop.XXXXXX")"
trap 'pg_cluster_stop "$work/pg"; rm -rf "$work"' EXIT
chmod 0711 "$work"  # the server's account passes through to its folder inside
cd "$work"
export HOME="$work" XDG_DATA_HOME="$work/data" XDG_STATE_HOME="$work/state" NO_COLOR=1 PLUSH_NOW=2026-11-22T09:00:00Z
unset PLUSH_AS PLUSH_TENANT
failures=0
check() {  # check WHAT ACTUAL EXPECTED
  if [ "$2" = "$3" ]; then echo "ok: $1 ($2)"; else echo "FAILED: $1: got '$2', expected '$3'"; failures=$((failures + 1)); fi
}

pg_cluster_start "$work/pg" || exit 1
source "$work/pg/env"
port=${PLUSH_TEST_PG##*:}
# The throwaway server acknowledges a commit before its WAL is written (synchronous_commit = off), so an
# immediate stop may lose the batches committed last: this server must keep what it said it committed.
psql -X -q -v ON_ERROR_STOP=1 "$PLUSH_TEST_PG/postgres" -c 'ALTER SYSTEM SET synchronous_commit = on' \
  -c 'SELECT pg_reload_conf()' > /dev/null || exit 1
store="$PLUSH_TEST_PG/stops"
psql -X -q -v ON_ERROR_STOP=1 "$PLUSH_TEST_PG/postgres" -c 'CREATE DATABASE stops' || exit 1
python3 "$here/../../scripts/gen-tenant" --users 20000 --seed 3 --now 2026-11-20T00:00:00Z --out t.db --plush "$plush" > /dev/null || exit 1
"$plush" -c "Copy-Tenant -From t.db -To '$store'" > /dev/null || exit 1
sql() { psql -X -q -A -t -v ON_ERROR_STOP=1 "$store" -c "SET search_path = plush" -c "$1"; }
mark=$(sql "SELECT COALESCE(max(pk), 0) FROM audit")

# One license change per user, 20,000 of them, committed in batches as a script run does.
cat > bulk.plush <<'SCRIPT'
io.open("started", "w"):close()
Get-User | Set-UserLicense -Add FLOW_FREE | Out-Null
SCRIPT
"$plush" --tenant "$store" bulk.plush > run.out 2> run.err &
pid=$!
# Stop the server once a batch is committed, and well before the run is done.
committed=0
for _ in $(seq 1 1200); do
  committed=$(sql "SELECT count(*) FROM audit WHERE pk > $mark AND action = 'Set-UserLicense'" 2> /dev/null || echo 0)
  [ "$committed" -gt 0 ] && break
  kill -0 $pid 2> /dev/null || break
  sleep 0.1
done
pg_as_owner "$pg_bin/pg_ctl" -D "$work/pg/data" -m immediate -w stop > /dev/null
wait $pid
status=$?
check "a batch was committed before the server stopped" "$([ "$committed" -gt 0 ] && echo yes)" yes
check "exit status" "$status" 2
check "StoreUnavailable reported" "$(grep -q StoreUnavailable run.err && echo yes)" yes
check "the error names the server" "$(grep -q "127.0.0.1:$port" run.err && echo yes)" yes
grep StoreUnavailable run.err | sed 's/^/  stderr: /'

# The server comes back: every change that committed is whole, none half-written.
pg_as_owner "$pg_bin/pg_ctl" -D "$work/pg/data" -l "$work/pg/log/server.log" -w -t 120 -o "-p $port" start > /dev/null || exit 1
held=$(sql "SELECT count(*) FROM assignments a JOIN products p ON p.pk = a.product_pk
            WHERE p.sku_part_number = 'FLOW_FREE' AND a.group_pk = 0")
audited=$(sql "SELECT count(*) FROM audit WHERE pk > $mark AND action = 'Set-UserLicense'")
check "licenses held equal their audit rows" "$held" "$audited"
check "every batch seen committed before the stop is kept" "$([ "${held:-0}" -ge "$committed" ] && echo yes)" yes
check "the run stopped part way" "$([ "$held" -gt 0 ] && [ "$held" -lt 20000 ] && echo yes)" yes
check "kept counts that differ from active assignments" "$(sql "
  SELECT count(*) FROM products p WHERE p.assigned <> (
    SELECT count(DISTINCT a.user_pk) FROM assignments a JOIN users u ON u.pk = a.user_pk
    WHERE a.product_pk = p.pk AND a.state = 'Active' AND u.deleted_on IS NULL)")" 0
check "the store opens and answers" "$("$plush" --tenant "$store" -c 'print((Get-License FLOW_FREE).Assigned)')" "$held"
[ "$failures" -eq 0 ]
