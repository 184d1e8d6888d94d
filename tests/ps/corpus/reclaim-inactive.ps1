<#
.SYNOPSIS
    Reclaims direct licenses from people who have not signed in for -Days days.
.EXAMPLE
    ./reclaim-inactive.ps1 -Days 90 -WhatIf
#>
[CmdletBinding(SupportsShouldProcess)]
param(
    [ValidateRange(1, 3650)]
    [int]$Days = 90
)

$cutoff = (Get-Date).AddDays(-$Days)
Write-Verbose "Cut-off: $($cutoff.ToString('yyyy-MM-dd'))"

$licensed = Get-User -Licensed
foreach ($user in $licensed) {
    if (-not $user.LastSignIn) {
        "{0}: never signed in; skipped" -f $user.UserPrincipalName
        continue
    }
    $last = [datetime]$user.LastSignIn
    if ($last -ge $cutoff) { continue }

    $direct = @(Get-UserLicense -User $user.UserPrincipalName | Where-Object { $_.AssignedBy -contains 'Direct' })
    $inherited = @(Get-UserLicense -User $user.UserPrincipalName | Where-Object { $_.AssignedBy -notcontains 'Direct' })
    if ($direct) {
        Set-UserLicense -User $user.UserPrincipalName -Remove $direct.SkuPartNumber
    }
    $line = "{0}: last sign-in {1:yyyy-MM-dd}; removed {2}" -f $user.UserPrincipalName, $last, $(if ($direct) { $direct.SkuPartNumber -join ', ' } else { 'nothing' })
    if ($inherited) { $line += "; kept $($inherited.SkuPartNumber -join ', ') from groups" }
    $line
}
