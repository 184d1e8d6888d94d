<#
.SYNOPSIS
    Offboards leavers: blocks sign-in, removes their direct licenses and their group memberships.
.PARAMETER Path
    CSV with a UserPrincipalName column.
.EXAMPLE
    ./offboarding.ps1 -Path leavers.csv -WhatIf
#>
[CmdletBinding(SupportsShouldProcess)]
param(
    [Parameter(Position = 0)]
    [string]$Path = './leavers.csv'
)

$leavers = Import-Csv $Path
$groups = Get-Group

foreach ($leaver in $leavers) {
    $upn = $leaver.UserPrincipalName
    Set-User -Identity $upn -AccountEnabled $false

    $direct = @(Get-UserLicense -User $upn | Where-Object { $_.AssignedBy -contains 'Direct' })
    if ($direct.Count -gt 0) {
        Set-UserLicense -User $upn -Remove $direct.SkuPartNumber
    }

    $removedFrom = @()
    foreach ($group in $groups) {
        $members = Get-GroupMember -Group $group.DisplayName
        if ($members.UserPrincipalName -contains $upn) {
            Remove-GroupMember -Group $group.DisplayName -Member $upn
            $removedFrom += $group.DisplayName
        }
    }

    "{0}: sign-in blocked, {1} license(s) removed, left {2}" -f $upn, $direct.Count, ($removedFrom -join ', ')
}
