# Bulk assignment from a CSV with the Graph PowerShell cmdlets, in the Lua dialect, against a tenant
# imported from Graph (tests/graph): Update-MgUser -UsageLocation, then Set-MgUserLicense with
# @(@{SkuId=...; DisabledPlans=@(...)}) and @(); a failure's Graph message is what the script tests.
cp "$SOURCE_DIR"/tests/graph/*.json .
cp "$SOURCE_DIR"/tests/graph/bulk-assign.csv assign.csv
$PLUSH -c 'Import-Tenant skus.json, users.json, groups-list-example7.json -Format graph | Out-Null' 2>/dev/null
cat > assign.plush <<'LUA'
Connect-MgGraph -Scopes "User.ReadWrite.All", "Organization.Read.All"
local skus = {}
for _, sku in ipairs(Get-MgSubscribedSku -All) do skus[sku.SkuPartNumber] = sku end
local done, failed = 0, 0
for _, row in ipairs(Import-Csv $arg[1]) do
  local ok, err = pcall(function()
    Update-MgUser -UserId $row.UserPrincipalName -UsageLocation $row.UsageLocation -ErrorAction Stop
    local plans = {}
    if row.DisabledPlans ~= "" then plans = {row.DisabledPlans} end
    Set-MgUserLicense -UserId $row.UserPrincipalName -AddLicenses @(@{ SkuId = skus[row.SkuPartNumber].SkuId; DisabledPlans = plans }) -RemoveLicenses @() -ErrorAction Stop | Out-Null
  end)
  if ok then
    print("Licensed " .. row.UserPrincipalName .. " with " .. row.SkuPartNumber)
    done = done + 1
  else
    local why = err.Message:match("^[^\n]*")
    if err.Message:find("does not have any available licenses", 1, true) then why = "no license left" end
    print("Error for " .. row.UserPrincipalName .. " (" .. err.Id .. "): " .. why)
    failed = failed + 1
  end
end
print(string.format("Done: %d, errors: %d", done, failed))
LUA
$PLUSH assign.plush assign.csv
echo "status $?"
echo "-- the store after the run"
$PLUSH -c 'Get-User | Format-Table UserPrincipalName, UsageLocation, Licenses'
$PLUSH -c 'Get-UserLicense MeganB@contoso.com | Format-Table SkuPartNumber, AssignedBy, DisabledPlans'
$PLUSH -c 'Get-License POWER_BI_PRO | Format-List Total, Assigned, Available, AssignedElsewhere'
$PLUSH -c 'Get-AuditLog | Where-Object Action -like "*Mg*" | Format-Table Action, Target, Detail'
