# Retire a product: take it away from everyone who holds it directly.
param(
    [Parameter(Mandatory)]
    [string]$Product
)

$holders = @(Get-User -Product $Product)
Write-Output "$($holders.Count) user(s) hold $Product"
$holders | Set-UserLicense -Remove $Product
$left = (Get-License -Product $Product).Assigned
Write-Output "$Product assigned after the clean-up: $left"
