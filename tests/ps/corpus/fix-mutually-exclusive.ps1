# A member who holds a product directly that conflicts with the group's product keeps the group's:
# the direct license is removed and the user reprocessed.
$conflicts = @{
    'EXCHANGEDESKLESS' = 'EXCHANGESTANDARD'
    'EXCHANGESTANDARD' = 'EXCHANGEDESKLESS'
}

$fixed = 0
foreach ($err in Get-LicenseError) {
    if ($err.Error -ne 'MutuallyExclusiveViolation') { continue }
    $other = $conflicts[$err.SkuPartNumber]
    $direct = Get-UserLicense -User $err.User | Where-Object { $_.SkuPartNumber -eq $other -and $_.AssignedBy -contains 'Direct' }
    if (-not $direct) {
        Write-Warning "$($err.User): no direct $other to remove"
        continue
    }
    Set-UserLicense -User $err.User -Remove $other
    Invoke-LicenseReprocess -User $err.User | Out-Null
    $state = (Get-UserLicense -User $err.User | Where-Object SkuPartNumber -eq $err.SkuPartNumber).State
    Write-Output "$($err.User): removed direct $other; $($err.SkuPartNumber) from $($err.AssignedBy) is now $state"
    $fixed++
}
Write-Output "Fixed $fixed conflict(s)"
