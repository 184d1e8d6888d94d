# A .ps1 written for the Microsoft Graph PowerShell SDK, run unchanged against a tenant imported from
# Graph (tests/graph): bulk assignment from a CSV with Update-MgUser -UsageLocation, then Set-MgUserLicense
# -AddLicenses @(@{SkuId=...; DisabledPlans=@(...)}) -RemoveLicenses @(); the catch tests
# $_.Exception.Message for Graph's wording. The store is checked after the run, and --graph-requests
# writes the requests that repeat it in the real tenant.
cp "$SOURCE_DIR"/tests/graph/*.json .
cp "$SOURCE_DIR"/tests/graph/bulk-assign.csv assign.csv
$PLUSH -c 'Import-Tenant skus.json, users.json, groups-list-example7.json -Format graph | Out-Null' 2>/dev/null
cat > Assign-Licenses.ps1 <<'PS'
param([string]$CsvPath = "assign.csv")
Import-Module Microsoft.Graph.Users
Connect-MgGraph -Scopes "User.ReadWrite.All", "Organization.Read.All"

$skus = Get-MgSubscribedSku -All
$done = 0
$failed = 0
foreach ($row in Import-Csv $CsvPath) {
    $sku = $skus | Where-Object { $_.SkuPartNumber -eq $row.SkuPartNumber }
    $disabled = @()
    if ($row.DisabledPlans) { $disabled = @($row.DisabledPlans -split ';') }
    try {
        Update-MgUser -UserId $row.UserPrincipalName -UsageLocation $row.UsageLocation -ErrorAction Stop
        Set-MgUserLicense -UserId $row.UserPrincipalName -AddLicenses @(@{SkuId = $sku.SkuId; DisabledPlans = $disabled}) -RemoveLicenses @() -ErrorAction Stop | Out-Null
        Write-Output "Licensed $($row.UserPrincipalName) with $($row.SkuPartNumber)"
        $done++
    } catch {
        if ($_.Exception.Message -like "*does not have any available licenses*") {
            Write-Output "No license left for $($row.UserPrincipalName)"
        } else {
            Write-Output "Error for $($row.UserPrincipalName): $($_.Exception.Message)"
        }
        $failed++
    }
}
Write-Output "Done: $done, errors: $failed"
PS
$PLUSH --graph-requests plan.jsonl Assign-Licenses.ps1
echo "status $?"
echo "-- the store after the run"
$PLUSH -c 'Get-User | Format-Table UserPrincipalName, UsageLocation, Licenses'
$PLUSH -c 'Get-UserLicense IsaiahL@contoso.com | Format-Table SkuPartNumber, AssignedBy, DisabledPlans'
$PLUSH -c 'Get-License | Where-Object SkuPartNumber -in POWER_BI_PRO, STANDARDPACK | Format-Table SkuPartNumber, Total, Assigned, Available, AssignedElsewhere'
echo "-- the requests for the real tenant"
jq -c '.requests[] | [.id, .method, .url, .dependsOn, .body]' plan.jsonl
