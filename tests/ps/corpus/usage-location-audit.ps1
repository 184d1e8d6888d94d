<#
.SYNOPSIS
    Finds members without a usage location; with -Mode Fix sets the tenant's default location on them.
#>
param(
    [ValidateSet('Report', 'Fix')]
    [string]$Mode = 'Report'
)

$default = (Get-Tenant).DefaultUsageLocation
$missing = Get-User -UserType Member |
    Where-Object { [string]::IsNullOrEmpty($_.UsageLocation) -and $_.UserPrincipalName -notlike '*@*.onmicrosoft.com' } |
    Sort-Object UserPrincipalName

Write-Output "$(@($missing).Count) members without a usage location (tenant default: $default)"
foreach ($user in $missing) {
    if ($Mode -eq 'Fix') {
        Set-User -Identity $user.UserPrincipalName -UsageLocation $default
        Write-Output "  $($user.UserPrincipalName): set to $default"
    } else {
        Write-Output "  $($user.UserPrincipalName): none"
    }
}
