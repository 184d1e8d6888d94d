param(
    [Parameter(Mandatory)]
    [string]$Department,

    [Parameter(Mandatory)]
    [ValidateNotNullOrEmpty()]
    [string]$Sku
)

$targets = Get-User -Department $Department | Where-Object { $_.Licenses -notcontains $Sku }
if (-not $targets) {
    Write-Output "Everyone in $Department already has $Sku"
    return
}

$license = Get-License -Product $Sku
if ($license.Available -lt @($targets).Count) {
    Write-Error "Only $($license.Available) $Sku licenses left for $(@($targets).Count) users in $Department"
    exit 1
}

$targets | Set-UserLicense -Add $Sku
Write-Output "Licensed $(@($targets).Count) users in $Department with $Sku"
