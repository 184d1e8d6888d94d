# Reclaim directly assigned licenses from disabled accounts, with the Microsoft Graph PowerShell SDK.
Connect-MgGraph -Scopes "User.ReadWrite.All", "Directory.Read.All"

$skuNames = @{}
Get-MgSubscribedSku -All | ForEach-Object { $skuNames[$_.SkuId] = $_.SkuPartNumber }

[array]$users = Get-MgUser -Filter "accountEnabled eq false" -All -Property Id, UserPrincipalName, AccountEnabled, AssignedLicenses, LicenseAssignmentStates
Write-Output "Found $($users.Count) disabled account(s)"

$removed = 0
foreach ($user in $users) {
    foreach ($assigned in $user.AssignedLicenses) {
        $states = $user.LicenseAssignmentStates | Where-Object { $_.SkuId -eq $assigned.SkuId }
        $direct = $states | Where-Object { -not $_.AssignedByGroup }
        if (-not $direct) {
            Write-Output "Kept $($skuNames[$assigned.SkuId]) on $($user.UserPrincipalName): assigned by a group"
            continue
        }
        Set-MgUserLicense -UserId $user.Id -AddLicenses @() -RemoveLicenses @($assigned.SkuId) | Out-Null
        Write-Output "Removed $($skuNames[$assigned.SkuId]) from $($user.UserPrincipalName)"
        $removed++
    }
}
Write-Output "$removed license(s) reclaimed"
