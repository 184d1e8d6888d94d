# A script run ends without closing the Lua state (it is left to the system): what the script left open
# is still written out at its end, whichever way it ends (its last line, or os.exit): a file it opened
# and never closed, the last batch of a bulk change, the --log transcript's end line, --atomic's commit.
$PLUSH -c 'New-Tenant -Path t.db -Name Contoso -Demo | Out-Null'
$PLUSH -c 'local f = io.open("left-open.txt", "w"); f:write(string.rep("x", 100000), "\nlast line\n")'
echo "left open, last line: status $?, $(wc -c < left-open.txt) bytes, ends '$(tail -n 1 left-open.txt)'"
$PLUSH -c 'local f = io.open("exit-open.txt", "w"); f:write(string.rep("y", 100000), "\nlast line\n"); os.exit(3)'
echo "left open, os.exit(3): status $?, $(wc -c < exit-open.txt) bytes, ends '$(tail -n 1 exit-open.txt)'"
$PLUSH --tenant t.db --log run.log -c 'Get-User | Set-UserLicense -Add EXCHANGEDESKLESS -ErrorAction SilentlyContinue -WarningAction SilentlyContinue | Out-Null; print("done")'
echo "bulk change: status $?; the transcript ends: $(tail -n 1 run.log | sed -E 's/^[^ ]+ //')"
$PLUSH --tenant t.db -c 'print((Get-License EXCHANGEDESKLESS).Assigned)'
$PLUSH --tenant t.db -c 'print((Get-License MCOMEETADV).Assigned)'
$PLUSH --tenant t.db --atomic -c 'Set-UserLicense adele.vance@contoso.com -Add MCOMEETADV | Out-Null'
echo "atomic: status $?"
$PLUSH --tenant t.db -c 'print((Get-License MCOMEETADV).Assigned)'
