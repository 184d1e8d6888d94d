# Export-Tenant -> Import-Tenant into a fresh store restores the tenant whole: object ids, roles and the
# audit log (interop D21), bots and their billed sessions. A store that already holds a tenant refuses a restore unless -Merge says so,
# and a merge keeps that tenant's name, id and log. Graph's files are refused likewise by a store holding a tenant
# not imported from Graph.
source "$SOURCE_DIR/tests/scripts/lib/stores.sh"
demo=$(new_store demo) restore=$(new_store restore) fabrikam=$(new_store fabrikam)
$PLUSH -c "New-Tenant -Path '$demo' -Name Contoso -Demo | Out-Null"
$PLUSH --tenant "$demo" -c 'Set-UserLicense adele.vance@contoso.com -Add EXCHANGESTANDARD; Export-Tenant backup.json'
$PLUSH -c "New-Tenant -Path '$restore' -Name Placeholder | Out-Null"
$PLUSH --tenant "$restore" -c 'Import-Tenant backup.json | Format-List'
echo "status $?"
compare='
Get-Tenant | Select-Object Name, Id, DefaultUsageLocation, Users, Groups | ConvertTo-Csv
Get-User | Select-Object Id, UserPrincipalName, Licenses | ConvertTo-Csv
Get-User -Deleted | Select-Object Id, UserPrincipalName | ConvertTo-Csv
Get-Group | Select-Object Id, DisplayName, MemberCount | ConvertTo-Csv
Get-AdminRole | ConvertTo-Csv
Get-Subscription | ConvertTo-Csv
Get-License | ConvertTo-Csv
Get-LicenseError | ConvertTo-Csv
Get-Bot | ConvertTo-Csv
Get-BotUsage -Daily -Month 2026-10 | ConvertTo-Csv
Get-TenantCapacity | Select-Object Kind, Total, Consumed, Projected | ConvertTo-Csv'
$PLUSH --tenant "$demo" -c "$compare" > demo.txt
$PLUSH --tenant "$restore" -c "$compare" > restore.txt
diff demo.txt restore.txt && echo "ids, roles, licenses: the same"
$PLUSH --tenant "$demo" -c 'Get-AuditLog | ConvertTo-Csv' > demo-log.csv
$PLUSH --tenant "$restore" -c 'Get-AuditLog | ConvertTo-Csv' > restore-log.csv
echo "audit entries: $(($(wc -l < demo-log.csv) - 1)) in the backup, $(($(wc -l < restore-log.csv) - 1)) after the restore"
diff demo-log.csv restore-log.csv | grep '^[<>]'
echo "-- a store that holds a tenant is not restored into"
$PLUSH -c "New-Tenant -Path '$fabrikam' -Name Fabrikam | Out-Null"
$PLUSH --tenant "$fabrikam" -c 'New-User -UserPrincipalName ann@fabrikam.com -DisplayName Ann | Out-Null'
$PLUSH --tenant "$fabrikam" -c 'Import-Tenant backup.json'
echo "status $?"
$PLUSH --tenant "$fabrikam" -c 'Import-Tenant backup.json -Merge | Format-List'
$PLUSH --tenant "$fabrikam" -c 'Get-Tenant | Format-List Name, Users; print((Get-AuditLog -Last 1).Detail)'
echo "-- Graph's files into a store holding a tenant not imported from Graph: refused unless -Merge"
cp "$SOURCE_DIR"/tests/graph/skus.json "$SOURCE_DIR"/tests/graph/users.json .
$PLUSH --tenant "$demo" -c 'Import-Tenant skus.json, users.json -Format graph'
echo "status $?"
$PLUSH --tenant "$demo" -c 'Get-Tenant | Format-List Name, Users'
$PLUSH --tenant "$demo" -c 'Import-Tenant skus.json, users.json -Format graph -Merge | Format-List' 2>/dev/null
$PLUSH --tenant "$demo" -c 'Get-Tenant | Format-List Name, Users'
