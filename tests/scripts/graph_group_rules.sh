# Users given only by assignedLicenses (no licenseAssignmentStates) and a group with its members by id:
# the members are kept and the group's license reaches them by the rules, whatever the file order
# (interop D7); a product a group grants is taken as inherited, the others as direct.
cp "$SOURCE_DIR"/tests/graph/*.json .
$PLUSH -c 'Import-Tenant groups-sales.json, users-assigned-only.json, skus-e3.json -Format graph | Format-List'
$PLUSH -c 'Get-Group "Sales E3" | Format-List DisplayName, Description, MemberCount, Licenses'
$PLUSH -c 'Get-GroupLicense "Sales E3" | Format-List Group, SkuPartNumber, Active, Errors'
$PLUSH -c 'Get-User | ForEach-Object { Get-UserLicense $_ } | Format-Table User, AssignedBy, State, Error, DisabledPlans'
$PLUSH -c 'Get-License ENTERPRISEPACK | Format-List SkuPartNumber, Total, Assigned, Available'
echo "-- again: nothing changes"
$PLUSH -c 'Import-Tenant users-assigned-only.json, skus-e3.json, groups-sales.json -Format graph | Format-List'
