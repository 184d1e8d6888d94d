# Store helpers for golden tests that run on both stores: source "$SOURCE_DIR/tests/scripts/lib/stores.sh".
# run-golden sets PLUSH_TENANT to a fresh SQLite file, or (PLUSH_TEST_STORE=postgresql) to a fresh
# PostgreSQL database on the test server; these speak to whichever it is, with the same output.
#   new_store NAME           a location for another fresh store (NAME.db, or a new database)
#   new_other_store NAME     a fresh store of the other kind (a new database, or NAME.db)
#   store_sql [STORE] SQL    run SQL on the store's tables (default $PLUSH_TENANT); rows as a|b lines.
#                            Write SQL both understand: CAST(test AS INTEGER) for a 0/1 answer.
#   store_integrity [STORE]  "ok" when the store's own checks pass (SQLite: integrity_check;
#                            PostgreSQL: pg_amcheck over its tables and indexes)
#   copy_store FROM TO       the whole tenant from one store into a fresh one (cp, or Copy-Tenant)

on_postgres() { [ "${PLUSH_TEST_STORE:-sqlite}" = postgresql ]; }

is_server_store() { case "$1" in postgresql://* | postgres://*) return 0 ;; *) return 1 ;; esac; }

new_store() {
  if on_postgres; then new_database "$1"; else echo "$1.db"; fi
}

new_other_store() {
  if on_postgres; then echo "$1.db"; else new_database "$1"; fi
}

new_database() {
  [ -n "${PLUSH_TEST_PG:-}" ] || { echo "PLUSH_TEST_PG is not set: run scripts/test" >&2; return 1; }
  local db="${PLUSH_TEST_DB}_$1"
  psql -X -q -v ON_ERROR_STOP=1 "$PLUSH_TEST_PG/postgres" -c "CREATE DATABASE \"$db\"" > /dev/null || return 1
  echo "$PLUSH_TEST_PG/$db"
}

store_sql() {
  local store=$PLUSH_TENANT
  [ $# -ge 2 ] && { store=$1; shift; }
  if is_server_store "$store"; then
    psql -X -q -A -t -v ON_ERROR_STOP=1 "$store" -c "SET search_path = plush" -c "$1"
  else
    sqlite3 "$store" "$1"
  fi
}

store_integrity() {
  local store=${1:-$PLUSH_TENANT}
  if is_server_store "$store"; then
    psql -X -q -v ON_ERROR_STOP=1 "$store" -c "SET client_min_messages = warning" \
      -c "CREATE EXTENSION IF NOT EXISTS amcheck" > /dev/null &&
      /usr/lib/postgresql/15/bin/pg_amcheck --schema=plush --heapallindexed "$store" && echo ok
  else
    sqlite3 "$store" 'PRAGMA integrity_check'
  fi
}

copy_store() {
  if is_server_store "$1" || is_server_store "$2"; then "$PLUSH" -c "Copy-Tenant -From '$1' -To '$2'" > /dev/null
  else cp "$1" "$2"
  fi
}
