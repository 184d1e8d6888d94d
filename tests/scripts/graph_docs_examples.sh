# Microsoft's documented Graph responses load verbatim (tests/graph/README.md names each page):
# subscribedSkus keep consumedUnits, ids, accounts and plans' provisioningStatus and appliesTo (interop D9, D10);
# group-list Example 7 loads though its groups have no displayName (D6); empty pages load (D8);
# a second identical import reports every object unchanged.
cp "$SOURCE_DIR"/tests/graph/*.json .
echo "-- subscribedsku-list.md"
$PLUSH -c "Import-Tenant 'subscribedskus-list.json' -Format graph | Format-List"
$PLUSH -c 'Get-License | Format-Table SkuPartNumber, Total, Assigned, Available, Suspended, AssignedElsewhere'
$PLUSH -c 'Get-Product | ConvertTo-Json' > products.json
jq -c '.[] | {id, accountId, accountName, skuPartNumber, capabilityStatus, consumedUnits, prepaidUnits, subscriptionIds}' products.json
jq -c '.[] | .servicePlans[] | select(.servicePlanName == "ADALLOM_S_O365" or .servicePlanName == "CRMSTANDARD")' products.json
echo "-- the same file again"
$PLUSH -c "Import-Tenant 'subscribedskus-list.json' -Format graph | Format-List"
echo "-- group-list.md Example 7 (no displayName; members by id)"
$PLUSH -c "Import-Tenant 'groups-list-example7.json' -Format graph | Format-List"
$PLUSH -c 'Get-Group | Format-Table DisplayName, MemberCount, Licenses'
$PLUSH -c 'Get-GroupLicense aae8ec2a-5a08-4013-ae70-fafbb5c20de1 | Format-List Group, SkuPartNumber, DisabledPlans'
echo "-- an empty page, and an empty array"
$PLUSH -c "Import-Tenant 'groups-empty.json' -Format graph | Format-List"
echo '[]' > empty.json
$PLUSH -c 'Import-Tenant empty.json -Format graph | Format-List'
echo "status $?"
