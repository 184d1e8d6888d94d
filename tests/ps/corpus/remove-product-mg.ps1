# Retire the Power Virtual Agent user licenses of the Support department, with Microsoft Graph PowerShell.
param(
    [string]$SkuPartNumber = 'VIRTUAL_AGENT_USL',
    [string]$Department = 'Support'
)
Connect-MgGraph -Scopes User.ReadWrite.All, Organization.Read.All

$sku = Get-MgSubscribedSku -All | Where-Object SkuPartNumber -eq $SkuPartNumber
if ($null -eq $sku) { throw "The tenant has no $SkuPartNumber subscription" }

$users = Get-MgUser -All -Filter "department eq '$Department'" -Property Id, UserPrincipalName, AssignedLicenses
$count = 0
foreach ($u in $users) {
    if ($u.AssignedLicenses.SkuId -contains $sku.SkuId) {
        Set-MgUserLicense -UserId $u.Id -AddLicenses @() -RemoveLicenses @($sku.SkuId) | Out-Null
        Write-Host "Removed $SkuPartNumber from $($u.UserPrincipalName)"
        $count++
    }
}
Write-Host "$count license(s) removed; $SkuPartNumber consumed now: $((Get-MgSubscribedSku -All | Where-Object SkuPartNumber -eq $SkuPartNumber).ConsumedUnits)"
