# The store opens safely (reliability D8): an empty file is refused; a store that cannot be opened stops
# the run with exit 2 and is left untouched; a store in a folder this user cannot write is read-only;
# no message carries SQL. `timeout` turns a hang into a failing status.
run() { timeout -k 5 60 "$PLUSH" "$@" 2>&1; echo "status $?"; }
fingerprint() { md5sum "$1" | cut -c1-32; }
$PLUSH --tenant good.db -c 'New-User -UserPrincipalName ann@contoso.com -DisplayName Ann | Out-Null'

echo "== an existing 0-byte file is refused, and stays 0 bytes"
: > empty.db
run --tenant empty.db -c 'print((Get-Tenant).Name); print("went on")'
echo "size after: $(stat -c %s empty.db)"
echo "-- a store plush creates is empty only while it makes it"
run --tenant sub/new.db -c 'print((Get-Tenant).Name)'

echo "== not a store, truncated, from a newer plush: the run stops (exit 2), the file is untouched"
printf 'name,department\nann,Sales\n' > text.db
head -c 4096 good.db > truncated.db
cp good.db future.db && sqlite3 future.db 'PRAGMA user_version = 99'
for f in text.db truncated.db future.db; do
  before=$(fingerprint $f)
  echo "-- $f"
  run --tenant $f -c 'Get-User | Out-Null; print("went on")' | sed -E 's/reads up to schema [0-9]+/reads up to schema N/'
  [ "$(fingerprint $f)" = "$before" ] && echo "untouched" || echo "CHANGED"
done
echo "-- license-alert on a broken store exits 2, not 1 (which means licenses are low)"
cp "$EXAMPLES_DIR/license-alert.plush" .
run --tenant text.db license-alert.plush 5 | tail -1

echo "== a store locked by another process past the wait at open: StoreBusy, exit 2"
mkfifo hold
# The holder waits out the poll below's own reads (.timeout) instead of failing "database is locked"
# and leaving nobody to read the fifo (the write below then hung the test).
(sqlite3 good.db '.timeout 10000' 'PRAGMA locking_mode = EXCLUSIVE;' 'BEGIN EXCLUSIVE;' 'SELECT count(*) FROM users;' '.shell cat hold' 'COMMIT;' > /dev/null) &
holder=$!
for _ in $(seq 1 100); do sqlite3 good.db 'SELECT count(*) FROM users;' >/dev/null 2>&1 || break; sleep 0.05; done
run --tenant good.db -c 'print(#(Get-User))' | sed 's/for [0-9.]* s/for N s/'
timeout 30 bash -c "echo done > hold"  # a holder that died cannot hang the test
wait $holder
run --tenant good.db -c 'print(#(Get-User))'

echo "== a store in a folder this user cannot write: reads work, changes are StoreReadOnly"
# As root, file modes do not bind: the check runs as nobody, with a copy of plush nobody may run.
chmod 755 .
cp "$PLUSH" ./plush-copy && cp -r "$SOURCE_DIR/stdlib" ./stdlib && chmod -R a+rX ./stdlib
as_other=()
[ "$(id -u)" = 0 ] && as_other=(setpriv --reuid=65534 --regid=65534 --clear-groups)
other() { PLUSH_STDLIB="$PWD/stdlib" timeout -k 5 60 "${as_other[@]}" ./plush-copy "$@" 2>&1; echo "status $?"; }
mkdir shared && cp good.db shared/t.db && chmod 644 shared/t.db && chmod 555 shared
before=$(fingerprint shared/t.db)
other --tenant shared/t.db -c 'print((Get-Tenant).Name, #(Get-User), (Get-User ann@contoso.com).DisplayName)'
other --tenant shared/t.db -c 'Set-User ann@contoso.com -Department Sales; print("went on")'
[ "$(fingerprint shared/t.db)" = "$before" ] && echo "untouched" || echo "CHANGED"
echo "-- a read-only file in a writable folder"
mkdir open && chmod 777 open && cp good.db open/t.db && chmod 444 open/t.db
other --tenant open/t.db -c 'print(#(Get-User)); New-User -UserPrincipalName bo@contoso.com -DisplayName Bo'
