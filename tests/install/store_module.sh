#!/usr/bin/env bash
# The PostgreSQL store is a module loaded on first use: a SQLite run loads no libpq; a missing or broken module is named.
# usage: store_module.sh BUILD_DIR PLUSH_BINARY
source "$(dirname "$0")/lib.sh"

module="$build/plush-postgres.so"
[ -f "$module" ] || fail "the build has no $module"
readelf -d "$plush" | grep -q 'NEEDED.*libpq' && fail "plush itself links libpq: $(readelf -d "$plush" | grep NEEDED | grep libpq)"
readelf -d "$module" | grep -q 'NEEDED.*\[libpq\.so' || fail "the module does not link libpq"

# loaded: the libraries and modules the dynamic loader opened during one run (LD_DEBUG=files)
loaded() { LD_DEBUG=files LD_DEBUG_OUTPUT="$work/ld" "$@" > /dev/null 2>&1; cat "$work"/ld.* | grep -oE 'file=[^ ]+' | sort -u; rm -f "$work"/ld.*; }
cd "$work"
"$plush" -c 'New-Tenant -Path contoso.db -Name Contoso -Demo | Out-Null' || fail "New-Tenant -Demo failed"
loaded "$plush" --tenant contoso.db -c Get-License > sqlite.loaded
[ -s sqlite.loaded ] || fail "LD_DEBUG=files shows nothing loaded"
grep -E 'libpq|plush-postgres|libgnutls|libkrb5|libldap' sqlite.loaded && fail "a SQLite run loaded the above"
# A PostgreSQL location loads the module (no server there: the store says so, by name).
server='postgresql://plush@127.0.0.1:1/licenses?connect_timeout=2'
loaded "$plush" --tenant "$server" -c Get-License > postgres.loaded
grep -q 'file=.*plush-postgres\.so' postgres.loaded || { fail "a PostgreSQL location did not load the module:"; cat postgres.loaded; }
grep -q 'file=libpq\.so' postgres.loaded || fail "a PostgreSQL location did not load libpq"
"$plush" --tenant "$server" -c Get-License > unavailable.out 2>&1
grep -q 'StoreUnavailable' unavailable.out || { fail "no server at 127.0.0.1:1, and not StoreUnavailable:"; cat unavailable.out; }

# plush alone, without its module: SQLite works, PostgreSQL is refused naming the module and where it looked.
mkdir alone && cp "$plush" alone/plush
export PLUSH_STDLIB="$source_dir/stdlib"
[ "$(alone/plush --tenant contoso.db -c 'print((Get-License POWER_BI_PRO).Total)' 2>&1)" = 25 ] || fail "plush without its module cannot read a SQLite tenant: $(alone/plush --tenant contoso.db -c 'print((Get-License POWER_BI_PRO).Total)' 2>&1)"
alone/plush --tenant "$server" -c Get-License > missing.out 2>&1
status=$?
[ "$status" != 0 ] || fail "plush without its module opened a PostgreSQL location (exit 0)"
grep -q 'StoreModuleMissing' missing.out || { fail "without the module, not StoreModuleMissing:"; cat missing.out; }
grep -qF "plush-postgres.so is neither in $work/alone nor in $work/lib/plush" missing.out ||
  { fail "without the module, the error does not name where it looked:"; cat missing.out; }
# A file there that is no module: refused with the loader's reason, never run.
echo 'not a shared object' > alone/plush-postgres.so
alone/plush --tenant "$server" -c Get-License > broken.out 2>&1
grep -q 'StoreModuleUnusable' broken.out || { fail "a broken module, not StoreModuleUnusable:"; cat broken.out; }
grep -qF "$work/alone/plush-postgres.so" broken.out || { fail "a broken module, not named:"; cat broken.out; }

finish
