# Identities bound, not claimed: once a login is bound to an admin, a session acts only as an admin bound
# to its own login (PostgreSQL: the database login; SQLite: the OS account), --as picks among those, and
# audit rows record the login. This run's login is written <login>: the same on both stores.
$PLUSH -c "New-Tenant -Path '$PLUSH_TENANT' -Name Contoso -Demo | Out-Null"
login=$($PLUSH -c 'print((Get-Tenant).Login)')
mine() { sed -e "s/\b$login\b/<login>/g"; }
run() { "$PLUSH" "$@" 2>&1 | mine; echo "status ${PIPESTATUS[0]}"; }

echo "== a fresh store: no bindings, --as names any admin"
run -c 'Get-Tenant | Format-List Identities; Get-AdminBinding | Measure-Object | Format-List Count'
run --as licensing@contoso.onmicrosoft.com -c 'print(#(Get-License))'

echo "== only a GlobalAdministrator binds, only admins are bound, and the first binding is a GlobalAdministrator's"
run --as licensing@contoso.onmicrosoft.com -c "Add-AdminBinding -User licensing@contoso.onmicrosoft.com -Login $login"
run -c "Add-AdminBinding -User alice.johnson@contoso.com -Login $login"
run -c "Add-AdminBinding -User licensing@contoso.onmicrosoft.com -Login $login"
run -c 'Get-AdminBinding | Measure-Object | Format-List Count'

echo "== bound: this login acts as its admins, the first bound by default"
run -c "Add-AdminBinding -User admin@contoso.onmicrosoft.com -Login $login
Add-AdminBinding -User licensing@contoso.onmicrosoft.com -Login $login
Add-AdminBinding -User billing@contoso.onmicrosoft.com -Login someone-else"
run -c 'Get-AdminBinding | ForEach-Object { print($_.Login .. " acts as " .. $_.User) }'
run -c 'Get-Tenant | Format-List Identities'
run -c 'Set-UserLicense adele.vance@contoso.com -Add EXCHANGESTANDARD | Out-Null; Get-AuditLog -Last 1 | Format-List Actor, Action, Login'
run --as licensing@contoso.onmicrosoft.com -c 'Set-UserLicense adele.vance@contoso.com -Remove EXCHANGESTANDARD | Out-Null
Get-AuditLog -Last 1 | Format-List Actor, Action, Login'

echo "== the only bound GlobalAdministrator keeps the role and the account while bindings exist"
run -c 'Add-AdminRoleMember -Role GlobalAdministrator -User helpdesk@contoso.onmicrosoft.com'
run -c 'Remove-AdminRoleMember -Role GlobalAdministrator -User admin@contoso.onmicrosoft.com'
run -c 'Remove-User admin@contoso.onmicrosoft.com'
run -c 'Remove-AdminRoleMember -Role GlobalAdministrator -User helpdesk@contoso.onmicrosoft.com'

echo "== --as cannot name an admin bound to another login, nor one bound to none"
run --as billing@contoso.onmicrosoft.com -c 'Get-License | Out-Null; print("should not run")'
run --as helpdesk@contoso.onmicrosoft.com -c 'Get-License | Out-Null; print("should not run")'
PLUSH_AS=billing@contoso.onmicrosoft.com run -c 'Get-License | Out-Null; print("should not run")'

echo "== the last GlobalAdministrator binding stays while others remain; removing them all unbinds"
run -c "Remove-AdminBinding -User admin@contoso.onmicrosoft.com -Login $login"
run -c "Remove-AdminBinding -User helpdesk@contoso.onmicrosoft.com -Login $login"
run -c "Remove-AdminBinding -User licensing@contoso.onmicrosoft.com -Login $login
Remove-AdminBinding -User billing@contoso.onmicrosoft.com -Login someone-else
Remove-AdminBinding -User admin@contoso.onmicrosoft.com -Login $login
Get-Tenant | Format-List Identities"
run --as helpdesk@contoso.onmicrosoft.com -c 'Get-AuditLog -Last 1 | Format-List Actor, Action, Detail'
run -c 'Get-AuditLog | Where-Object { $_.Action -like "*-AdminBinding" } | Format-Table Actor, Action, Target, Detail'
