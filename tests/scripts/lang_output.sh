# Out-Default: per-type views, table vs list, strings as lines; --output json (JSON Lines, errors too), csv, list.
$PLUSH -c '
New-User -UserPrincipalName ann@contoso.com -DisplayName "Ann Lee" -Department Sales -UsageLocation US | Out-Null
New-User -UserPrincipalName bob@contoso.com -DisplayName "Bob Ray" -Department IT -UsageLocation GB | Out-Null
New-Subscription -Product POWER_BI_PRO -Quantity 5 | Out-Null
Set-UserLicense ann@contoso.com -Add POWER_BI_PRO | Out-Null
' && echo "setup done"
echo "-- several Users: a table of the User view; one object: a list; strings and numbers: lines"
$PLUSH -c 'Get-User | Where-Object Department'
$PLUSH -c 'Get-License POWER_BI_PRO'
$PLUSH -c 'Get-UserLicense ann@contoso.com; Get-Product POWER_BI_PRO | Select-Object -ExpandProperty ServicePlans'
$PLUSH -c 'Write-Output "text", 42; Get-User ann@contoso.com | Select-Object UserPrincipalName, Licenses'
echo "-- consecutive objects of one type share a table; another type starts a new one"
$PLUSH -c '$(Get-User | Where-Object Department), $(Get-License) | Write-Output'
echo "-- --output json: one compact JSON object or scalar per line"
$PLUSH --output json -c 'Get-User | Where-Object Department | Select-Object UserPrincipalName, Department, Licenses; Write-Output "done", 3'
echo "-- --output json: errors go to stderr as JSON Lines"
$PLUSH --output json -c 'Write-Error "No license left" -ErrorId LicenseShortage -TargetObject POWER_BI_PRO' 2>&1
echo "status $?"
echo "-- --output csv: a header from the first object, then rows"
$PLUSH --output csv -c 'Get-User | Where-Object Department'
echo "-- --output list: every object as a list"
$PLUSH --output list -c 'Get-User | Where-Object Department | Select-Object UserPrincipalName, UsageLocation'
echo "-- -OutVariable keeps a stage's own output as a List while it flows on"
$PLUSH -c 'Get-User | Where-Object Department -OutVariable withDept | Measure-Object -OutVariable counted | Out-Null
print(#withDept, withDept.UserPrincipalName, counted.Count)
Get-User -OutVariable everyone | Select-Object -First 1 | Out-Null
print(#everyone .. " read before Select-Object -First 1 stopped the reading")'
