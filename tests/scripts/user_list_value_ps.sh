# `$users = Get-User` in the PowerShell dialect and the Lua dialect's List in every output format
# (--output json and csv): what the List of users shows and does, each use from a fresh Get-User.
$PLUSH -c 'New-Tenant -Path t.db -Name Contoso -Demo' > /dev/null
export PLUSH_TENANT=t.db
cat > list.ps1 <<'PS'
$users = Get-User
"count $($users.Count) $($users.Length) $(@($users).Count) $(($users | Measure-Object).Count)"
$users[0]
$users[0].Licenses
"last $($users[-1].UserPrincipalName) $($users[1].userprincipalname) $($users[0].GetType().Name) $($users.GetType().Name)"
"same $($users[1] -eq $users[1]) $($null -eq $users[100])"
$users[0..2].UserPrincipalName
$users.UserPrincipalName.Count
$users = Get-User
$users[0].Department = 'x'
$users[1].department = 'y'
"changed $($users[0].Department) $($users[0].DEPARTMENT) $($users[1].Department)"
$users | Select-Object -First 2 UserPrincipalName, Department
$users = Get-User
$users | Where-Object { $_.Department -eq 'Sales' } | Measure-Object | Select-Object -ExpandProperty Count
$users | Sort-Object DisplayName -Descending | Select-Object -First 3 DisplayName, Department
$n = 0
foreach ($u in $users) { $n++ }
"foreach $n"
$users = Get-User
$users | Select-Object -First 2 | ConvertTo-Json
$users | Select-Object -First 2 | ConvertTo-Csv
$users | Select-Object -First 2 | Format-List
$users = Get-User
$users += 'extra'
"added $($users.Count) $($users[-1])"
$users = Get-User
$users[3] = 'replaced'
"replaced $($users[3]) $($users.Count)"
$users = Get-User
foreach ($u in $users | Where-Object Department -eq 'Marketing') { $u.DisplayName }
$users = Get-User -Department Sales
$users | Set-UserLicense -Add POWER_BI_PRO
(Get-User -Department Sales).Licenses -join ','
$users[0].Licenses -join ','
PS
echo "== the PowerShell dialect"
$PLUSH list.ps1
echo "status $?"
echo "== --output json"
$PLUSH --output json -c 'local users = Get-User; $users | Select-Object -First 2; print(#users)'
echo "== --output csv"
$PLUSH --output csv -c 'local users = Get-User; $users | Select-Object -Last 2'
echo "== --ps --output json"
$PLUSH --ps --output json -c '$users = Get-User; $users[0]; $users.Count'
