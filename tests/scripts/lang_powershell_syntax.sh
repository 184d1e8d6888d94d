# PowerShell-only syntax in a Lua-dialect script is PowerShellSyntax before anything runs: the place, a .ps1 or
# --ps to run it as PowerShell, and the Lua way. ux.md problem 3: `try { }` used to run its body and commit it.
$PLUSH -c 'New-Tenant -Path t1.db -Name Contoso -Demo | Out-Null'
$PLUSH --tenant t1.db -c 'try { Set-UserLicense -User adele.vance@contoso.com -Add SPE_E5 } catch { Write-Host "failed" }'
echo "status $?"
$PLUSH --tenant t1.db -c 'print(#(Get-UserLicense adele.vance@contoso.com | Where-Object SkuPartNumber -eq SPE_E5))'
echo "# a pasted PowerShell script: every PowerShell form at once, and nothing ran (no New-User)"
cat > pasted.plush <<'PS'
New-User -UserPrincipalName ann@contoso.com -DisplayName "Ann Lee" -UsageLocation US
# Reclaim licenses from disabled accounts
$users = Get-User | Where-Object { $_.AccountEnabled -eq $false }
foreach ($u in $users) {
    if ($u.Licenses.Count -gt 0) {
        Write-Host ("{0} has {1}" -f $u.UserPrincipalName, $u.Licenses.Count)
        $count += 1
    }
}
PS
$PLUSH --tenant t1.db pasted.plush
echo "status $?"
$PLUSH --tenant t1.db -c 'print(#(Get-User -Filter "userPrincipalName eq '\''ann@contoso.com'\''"))'
