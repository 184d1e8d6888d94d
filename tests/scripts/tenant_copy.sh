# Copy-Tenant moves a whole tenant between a SQLite file and a PostgreSQL database, both ways: object ids,
# roles, bots and their billed sessions, kept counts and the audit log come over; a target that holds a tenant is refused; the copy goes on
# working (new rows get keys past the copied ones).
source "$SOURCE_DIR/tests/scripts/lib/stores.sh"
other=$(new_other_store other) back=$(new_store back)
$PLUSH -c "New-Tenant -Path '$PLUSH_TENANT' -Name Contoso -Demo | Out-Null"
$PLUSH -c '
Set-UserLicense adele.vance@contoso.com -Add EXCHANGESTANDARD | Out-Null
Remove-User alex.wilber@contoso.com
Add-AdminRoleMember -Role LicenseAdministrator -User megan.bowen@contoso.com'
compare='
Get-Tenant | Select-Object Name, Id, DefaultUsageLocation, Users, Groups, Products | ConvertTo-Csv
Get-User | Select-Object Id, UserPrincipalName, UsageLocation, Licenses | ConvertTo-Csv
Get-User -Deleted | Select-Object Id, UserPrincipalName | ConvertTo-Csv
Get-Group | Select-Object Id, DisplayName, MemberCount, Licenses | ConvertTo-Csv
Get-AdminRole | ConvertTo-Csv
Get-Subscription | ConvertTo-Csv
Get-License | ConvertTo-Csv
Get-LicenseError | ConvertTo-Csv
Get-Bot | ConvertTo-Csv
Get-BotUsage -Daily -Month 2026-10 | ConvertTo-Csv
Get-TenantCapacity | ConvertTo-Csv
Get-AuditLog | Where-Object { $_.Action -ne "Copy-Tenant" } | ConvertTo-Csv'

echo "== into the other kind of store"
$PLUSH -c "Copy-Tenant -To '$other' | Format-List Tables, Rows"
echo "status $?"
$PLUSH -c "$compare" > source.txt
$PLUSH --tenant "$other" -c "$compare" > copy.txt
diff source.txt copy.txt && echo "ids, licenses, roles, counts and the audit log: the same"
$PLUSH -c 'print("audit entries in the source: " .. #(Get-AuditLog))'
$PLUSH --tenant "$other" -c 'print("audit entries in the copy: " .. #(Get-AuditLog))'
$PLUSH --tenant "$other" -c 'Get-AuditLog -Last 1 | Format-List Action, Target'

echo "== and back, from the copy"
$PLUSH -c "Copy-Tenant -From '$other' -To '$back' | Format-List Tables, Rows"
$PLUSH --tenant "$back" -c "$compare" > back.txt
diff source.txt back.txt && echo "the same again"

echo "== the copy goes on: a new user and its audit row get keys after the copied ones"
$PLUSH --tenant "$other" -c '
New-User -UserPrincipalName new.hire@contoso.com -DisplayName "New Hire" -UsageLocation US | Out-Null
Set-UserLicense new.hire@contoso.com -Add AAD_PREMIUM | Out-Null
Get-AuditLog -Last 3 | Format-Table Action, Target'
echo "== a target that holds a tenant is refused, and left as it was"
$PLUSH --tenant "$other" -c "$compare" > before.txt
$PLUSH -c "Copy-Tenant -To '$other'" 2> refused.err
echo "status $?"
sed "s|$other|<other>|g" refused.err >&2
$PLUSH --tenant "$other" -c "$compare" > after.txt
cmp -s before.txt after.txt && echo "target unchanged"
