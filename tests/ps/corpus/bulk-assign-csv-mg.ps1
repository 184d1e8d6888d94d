# Bulk license assignment from a CSV with the Microsoft Graph PowerShell SDK.
# Columns: UserPrincipalName, UsageLocation, SkuPartNumber
Import-Module Microsoft.Graph.Users
Connect-MgGraph -Scopes "User.ReadWrite.All", "Organization.Read.All"

$csvPath = "$PSScriptRoot/bulk-users.csv"
$skus = Get-MgSubscribedSku -All
$rows = Import-Csv $csvPath

$done = 0
$errors = 0
foreach ($row in $rows) {
    $sku = $skus | Where-Object { $_.SkuPartNumber -eq $row.SkuPartNumber }
    if (-not $sku) {
        Write-Warning "No subscription for $($row.SkuPartNumber)"
        $errors++
        continue
    }
    try {
        Update-MgUser -UserId $row.UserPrincipalName -UsageLocation $row.UsageLocation -ErrorAction Stop
        Set-MgUserLicense -UserId $row.UserPrincipalName -AddLicenses @{SkuId = $sku.SkuId} -RemoveLicenses @() -ErrorAction Stop | Out-Null
        Write-Output "Licensed $($row.UserPrincipalName) with $($row.SkuPartNumber)"
        $done++
    } catch {
        Write-Output "Error for $($row.UserPrincipalName): $($_.Exception.Message)"
        $errors++
    }
}
Write-Output "Done: $done, errors: $errors"
