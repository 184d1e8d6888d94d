# A file refused as not a store is closed again: a long job that keeps trying one (Connect-Tenant in a
# loop under pcall) must not run out of file handles and then fail to open a good store. Before the
# fix every refusal leaked the SQLite handle and its open file (seen by the sanitizer tier too).
$PLUSH --tenant good.db -c 'New-User -UserPrincipalName ann@contoso.com -DisplayName Ann | Out-Null'
head -c 8192 /dev/zero | tr '\0' 'x' > junk.db
ulimit -n 128
$PLUSH --tenant good.db -c '
local refused = 0
for i = 1, 300 do
  if not pcall(function() Connect-Tenant -Path junk.db end) then refused = refused + 1 end
end
print("refused:", refused)
Connect-Tenant -Path good.db | Out-Null
print("users in the good store:", (Get-User).Count)' 2>&1
echo "status $?"
