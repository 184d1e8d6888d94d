# A deleted account is needed back: restore it and show the licenses it gets back.
$upn = 'gary.hall@contoso.com'
$deleted = Get-User -Deleted | Where-Object UserPrincipalName -eq $upn
if (-not $deleted) {
    Write-Error "$upn is not in the deleted users"
    exit 1
}
Restore-User -Identity $upn | Out-Null
$user = Get-User -Identity $upn
foreach ($lic in Get-UserLicense -User $upn) {
    Write-Output ("{0}: {1} {2} ({3})" -f $user.UserPrincipalName, $lic.SkuPartNumber, $lic.State, ($lic.AssignedBy -join ', '))
}
$e3 = Get-License -Product ENTERPRISEPACK
Write-Output "ENTERPRISEPACK: $($e3.Assigned) assigned, $($e3.Available) available"
