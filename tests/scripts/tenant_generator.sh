# scripts/gen-tenant at 200 users: the store opens, the same seed gives the same tenant, the kept
# counts agree with a recount from the users, and reprocessing finds the error rows already right.
gen="$EXAMPLES_DIR/../scripts/gen-tenant"
python3 "$gen" --users 200 --seed 7 --now 2026-11-20T00:00:00Z --out a.db --plush "$PLUSH"
echo "gen status $?"
python3 "$gen" --users 200 --seed 7 --now 2026-11-20T00:00:00Z --out b.db --plush "$PLUSH" --users-json b.jsonl
$PLUSH --tenant a.db -c 'Export-Tenant a.json'
$PLUSH --tenant b.db -c 'Export-Tenant b.json'
cmp -s a.json b.json && echo "same seed, same tenant" || echo "same seed, DIFFERENT tenants"
echo "users as JSON Lines: $(wc -l < b.jsonl)"
$PLUSH --tenant a.db -c '
Get-Tenant | Select-Object Name, Users, Groups, Products | Format-List
print("guests " .. #(Get-User -UserType Guest) .. ", soft-deleted " .. #(Get-User -Deleted) ..
  ", without usage location " .. #(Get-User -Filter "usageLocation eq null"))
print("members of All Users " .. #(Get-GroupMember "All Users") .. ", kept count " .. (Get-Group "All Users").MemberCount)
local held = {}
for _, u in ipairs(Get-User) do
  for _, sku in ipairs(u.Licenses) do held[sku] = (held[sku] or 0) + 1 end
end
local checked, wrong = 0, 0
for _, l in ipairs(Get-License) do
  checked = checked + 1
  if (held[l.SkuPartNumber] or 0) ~= l.Assigned then
    wrong = wrong + 1
    print("count differs: " .. l.SkuPartNumber .. " kept " .. l.Assigned .. ", recounted " .. (held[l.SkuPartNumber] or 0))
  end
end
print("products " .. checked .. ", counts that differ from a recount " .. wrong)
Get-License | Where-Object { $_.Assigned -gt 0 } | Select-Object SkuPartNumber, Total, Assigned, Available
Get-LicenseError | Select-Object SkuPartNumber, Error
Invoke-LicenseReprocess | Select-Object Evaluated, Fixed, InError
'
echo "check status $?"
