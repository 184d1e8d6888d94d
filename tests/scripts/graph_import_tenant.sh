# A tenant as Graph returns it, from four files in any order (tests/graph/README.md): groups named by id
# resolve after every file is read (interop D7); licenseAssignmentStates are kept with their states, error
# codes, disabled plans and times (D4, D5); prepaidUnits.lockedOut, consumedUnits and plans are kept (D9);
# deleted users come from /directory/deletedItems; assignedLicenses includes inherited licenses (D3).
cp "$SOURCE_DIR"/tests/graph/*.json .
$PLUSH -c 'Import-Tenant -Path groups-list-example7.json, users.json, deleted-users.json, skus.json -Format graph | Format-List'
echo "-- users and their licenses"
$PLUSH -c 'Get-User | Format-Table UserPrincipalName, UsageLocation, LastSignIn, Licenses'
$PLUSH -c 'Get-User | ForEach-Object { Get-UserLicense $_ } | Format-Table User, SkuPartNumber, AssignedBy, State, Error'
$PLUSH -c 'Get-User -Deleted | Format-Table Id, UserPrincipalName, State'
echo "-- licenses: consumedUnits of users not in the files stay assigned; lockedOut units are kept"
$PLUSH -c 'Get-License | Format-Table SkuPartNumber, Total, Assigned, Available, LockedOut, AssignedElsewhere'
$PLUSH -c 'Get-Group | Format-Table DisplayName, MemberCount, Licenses'
echo "-- ConvertTo-Json gives back what Graph said"
$PLUSH -c 'Get-User AlexW@contoso.com | ConvertTo-Json'
$PLUSH -c "Get-User | Where-Object UserPrincipalName -In 'MeganB@contoso.com', 'IsaiahL@contoso.com' | ConvertTo-Json -Compress" | jq -c '.[] | {userPrincipalName, assignedLicenses, states: [.licenseAssignmentStates[] | {state, error}]}'
$PLUSH -c 'Get-User -Deleted | ConvertTo-Json -Compress' | jq -c '{userPrincipalName, deletedDateTime}'
$PLUSH -c "Get-Product | Where-Object SkuPartNumber -In 'EMS', 'FLOW_FREE' | ConvertTo-Json -Compress" | jq -c '.[] | {skuPartNumber, capabilityStatus, prepaidUnits, plans: [.servicePlans[] | [.servicePlanName, .provisioningStatus, .appliesTo]]}'
echo "-- the same files again, in another order: nothing changes"
$PLUSH -c 'Import-Tenant -Path skus.json, deleted-users.json, users.json, groups-list-example7.json -Format graph | Format-List'
echo "-- another store, another order: the same tenant"
source "$SOURCE_DIR/tests/scripts/lib/stores.sh"
other=$(new_store other)
$PLUSH --tenant "$other" -c 'Import-Tenant -Path skus.json, users.json, deleted-users.json, groups-list-example7.json -Format graph | Out-Null' 2>/dev/null
for store in first:"$PLUSH_TENANT" other:"$other"; do
  $PLUSH --tenant "${store#*:}" -c 'Get-User | ForEach-Object { Get-UserLicense $_ } | ConvertTo-Csv; Get-License | ConvertTo-Csv; Get-Group | ConvertTo-Csv' > "${store%%:*}.csv"
done
cmp first.csv other.csv && echo "same licenses, licenses counts and groups"
