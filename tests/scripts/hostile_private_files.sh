# Private by default: the store, its -wal and -shm, a --log transcript and exports are created 0600
# whatever the umask (reliability "facts": 0644 before). The trimmed history file: tests/repl/history_private.sh.
umask 022
echo "umask $(umask)"
$PLUSH --tenant new.db --log job.log -c '
New-User -UserPrincipalName ann@contoso.com -DisplayName Ann -Department Sales | Out-Null
os.execute("stat -c \"%n %a\" new.db-wal new.db-shm")
Get-User | Export-Csv users.csv
Get-User | ConvertTo-Json | Out-File users.json
Export-Tenant tenant.json
Get-User | Format-Table | Out-File users.txt'
stat -c '%n %a' new.db job.log users.csv users.json tenant.json users.txt
echo "-- a folder plush makes for a new store is private too"
$PLUSH --tenant sub/dir/t.db -c 'Get-Tenant | Out-Null'
stat -c '%n %a' sub sub/dir sub/dir/t.db
echo "-- a file that exists keeps the mode its owner gave it"
: > shared.csv; chmod 644 shared.csv
$PLUSH -c 'Get-User | Export-Csv shared.csv'
stat -c '%n %a' shared.csv
