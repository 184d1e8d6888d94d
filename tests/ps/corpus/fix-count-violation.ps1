<#
.SYNOPSIS
    Group members in CountViolation: buy the missing licenses (plus headroom) and reprocess the groups.
#>
param(
    [int]$Headroom = 4,
    [string]$ExpiresOn = '2027-11-22'
)

$errors = @(Get-LicenseError | Where-Object { $_.Error -eq 'CountViolation' })
Write-Output "CountViolation errors before: $($errors.Count)"
if ($errors.Count -eq 0) { exit 0 }

foreach ($product in ($errors | Group-Object -Property SkuPartNumber)) {
    $quantity = $product.Count + $Headroom
    New-Subscription -Product $product.Name -Quantity $quantity -ExpiresOn $ExpiresOn | Out-Null
    Write-Output "Bought $quantity x $($product.Name)"
}

foreach ($group in ($errors.AssignedBy | Sort-Object -Unique)) {
    Invoke-LicenseReprocess -Group $group | Out-Null
    Write-Output "Reprocessed group $group"
}

$left = @(Get-LicenseError | Where-Object { $_.Error -eq 'CountViolation' })
Write-Output "CountViolation errors after: $($left.Count)"
if ($left.Count -gt 0) { exit 1 }
