# ConvertTo-Json of users, deleted users, products and groups is Graph-complete for what plush keeps:
# Import-Tenant -Format graph of it gives the same tenant back (interop D10). Get-User -Deleted converts
# (D2); a user's assignedLicenses includes the licenses its groups give (D3); Get-Product lists the
# subscribed products, -Catalog every product (D10).
source "$SOURCE_DIR/tests/scripts/lib/stores.sh"
demo=$(new_store demo) copy=$(new_store copy)
$PLUSH -c "New-Tenant -Path '$demo' -Name Contoso -Demo | Out-Null"
echo "-- Get-User -Deleted | ConvertTo-Json"
$PLUSH --tenant "$demo" -c 'Get-User -Deleted | ConvertTo-Json -Compress' | jq -c '{userPrincipalName, deletedDateTime, n: (.assignedLicenses | length)}'
echo "status ${PIPESTATUS[0]}"
echo "-- a license from a group is in assignedLicenses, and a state says which group"
$PLUSH --tenant "$demo" -c 'Get-User adele.vance@contoso.com | ConvertTo-Json -Compress' | jq -c '{assigned: [.assignedLicenses[].skuId], states: [.licenseAssignmentStates[] | {skuId, group: (.assignedByGroup != null), state}]}'
$PLUSH --tenant "$demo" -c 'Get-UserLicense adele.vance@contoso.com | Format-Table SkuPartNumber, AssignedBy, State'
echo "-- Get-Product: the subscribed products; -Catalog: all"
$PLUSH --tenant "$demo" -c 'print(#(Get-Product), #(Get-Product -Catalog), #(Get-License))'
$PLUSH --tenant "$demo" -c 'Get-Product | ConvertTo-Json -Compress' | jq -c 'map(.capabilityStatus) | group_by(.) | map({(.[0]): length}) | add'
echo "-- out as Graph JSON, in again"
$PLUSH --tenant "$demo" -c 'Get-User | ConvertTo-Json' > users.json
$PLUSH --tenant "$demo" -c 'Get-User -Deleted | ConvertTo-Json -AsArray' > deleted.json
$PLUSH --tenant "$demo" -c 'Get-Product | ConvertTo-Json' > skus.json
$PLUSH --tenant "$demo" -c 'Get-Group | ConvertTo-Json' > groups.json
$PLUSH -c "New-Tenant -Path '$copy' -Name Contoso -Admin admin@contoso.onmicrosoft.com | Out-Null"
$PLUSH --tenant "$copy" -c 'Import-Tenant users.json, deleted.json, skus.json, groups.json -Format graph | Format-List'
compare='
Get-User | Select-Object Id, UserPrincipalName, DisplayName, Department, UsageLocation, UserType, AccountEnabled, LastSignIn, Licenses | ConvertTo-Csv
Get-User -Deleted | Select-Object Id, UserPrincipalName, LastSignIn | ConvertTo-Csv
Get-User | ForEach-Object { Get-UserLicense $_ } | ConvertTo-Csv
Get-License | Select-Object SkuPartNumber, Total, Assigned, Available, Warning, Suspended | ConvertTo-Csv
Get-Group | Select-Object Id, DisplayName, Description, MemberCount, Licenses | ConvertTo-Csv
Get-Group | ForEach-Object { Get-GroupLicense $_.Id } | ConvertTo-Csv
Get-Product | ConvertTo-Json'
$PLUSH --tenant "$demo" -c "$compare" > demo.txt
$PLUSH --tenant "$copy" -c "$compare" > copy.txt
wc -l < demo.txt
diff demo.txt copy.txt && echo "the same tenant"
echo "-- and again: nothing changes"
$PLUSH --tenant "$copy" -c 'Import-Tenant users.json, deleted.json, skus.json, groups.json -Format graph | Format-List'
