# Nightly summary for the dashboard: a JSON document with the tenant's license figures.
$users = Get-User
$summary = [ordered]@{
    Tenant     = (Get-Tenant).Name
    Stamp      = (Get-Date).ToString('yyyyMMdd')
    Users      = $users.Count
    Guests     = @($users | Where-Object UserType -eq 'Guest').Count
    Unlicensed = @($users | Where-Object { $_.Licenses.Count -eq 0 }).Count
    Errors     = @(Get-LicenseError).Count
    Products   = @(Get-License | Sort-Object SkuPartNumber | ForEach-Object {
        [ordered]@{ Sku = $_.SkuPartNumber; Total = $_.Total; Assigned = $_.Assigned; Available = $_.Available }
    })
}
$summary | ConvertTo-Json -Depth 4 | Set-Content -Path summary.json

# Read it back as the dashboard would.
$check = Get-Content -Path summary.json -Raw | ConvertFrom-Json
"{0} on {1}: {2} users, {3} guests, {4} unlicensed, {5} errors" -f $check.Tenant, $check.Stamp, $check.Users, $check.Guests, $check.Unlicensed, $check.Errors
$pbi = $check.Products | Where-Object Sku -eq 'POWER_BI_PRO'
"POWER_BI_PRO {0}/{1}" -f $pbi.Assigned, $pbi.Total
