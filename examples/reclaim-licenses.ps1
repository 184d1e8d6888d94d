#!/usr/bin/env plush
<#
.SYNOPSIS
Take back direct licenses from disabled accounts and from users who have not signed in for N days.

.DESCRIPTION
The PowerShell twin of reclaim-licenses.plush: it leaves the store exactly as that job does.
For every user whose account is disabled, or whose last sign-in is more than Days days ago, removes the
products assigned to them directly and reports them. Licenses inherited from a group are kept and named
with their group: they go when the user leaves the group. Users who never signed in are left alone (a
new hire has not signed in yet either). Soft-deleted users are listed too: their licenses are already
suspended and use none, but come back if the user is restored, even past the number bought; their
licenses cannot be changed while deleted. A second run finds nothing more to remove.

Exit status: 0 done (or nothing to do); 1 a removal failed (on standard error); 64 bad Days.
Schedule: every Monday at 06:00, dry run on Friday for review:
  0 6 * * 1  plush --tenant /srv/plush/contoso.db --log /var/log/plush/reclaim.log /srv/plush/reclaim-licenses.ps1 90
  0 6 * * 5  plush --tenant /srv/plush/contoso.db --what-if /srv/plush/reclaim-licenses.ps1 90

.PARAMETER Days
The sign-in age after which a user's licenses go (default 90).
#>
param(
    [Parameter(Position = 0)]
    [ValidateRange(1, 36500)]
    [int]$Days = 90
)

$cutoff = (Get-Date).AddDays(-$Days)

function Get-ReclaimReason($User) {
    if ($User.AccountEnabled -eq $false) { return 'account disabled' }
    if ($null -ne $User.LastSignIn -and $User.LastSignIn -lt $cutoff) {
        return "no sign-in since $($User.LastSignIn.Substring(0, 10))"
    }
}

function Invoke-Reclaim($User, $Reason) {
    $upn = $User.UserPrincipalName
    $direct = @()
    $inherited = @()
    foreach ($license in Get-UserLicense $upn) {
        if ($license.AssignedBy -contains 'Direct') { $direct += $license.SkuPartNumber }
        $groups = @($license.AssignedBy | Where-Object { $_ -ne 'Direct' })
        if ($groups.Count -gt 0) { $inherited += "$($license.SkuPartNumber) ($($groups -join ', '))" }
    }
    $removed = ''
    if ($direct.Count -gt 0) {
        try {
            Set-UserLicense $upn -Remove $direct -ErrorAction Stop
            $removed = $direct -join ', '
        }
        catch {
            Write-Error -Message "${upn}: $($_.Exception.Message)" -ErrorId $_.FullyQualifiedErrorId -TargetObject $upn -RecommendedAction $_.Recommendation
            $removed = "failed: $($_.FullyQualifiedErrorId)"
        }
    }
    [PSCustomObject]@{ User = $upn; Reason = $Reason; Removed = $removed; KeptFromGroups = $inherited -join ', ' }
}

# Collected before any change, so removing licenses cannot disturb the list being walked.
$candidates = @(Get-User -Licensed | Where-Object { Get-ReclaimReason $_ })
$candidates | ForEach-Object { Invoke-Reclaim $_ (Get-ReclaimReason $_) } | Format-Table User, Reason, Removed, KeptFromGroups

Get-User -Deleted | Where-Object { $_.Licenses.Count -gt 0 } |
    ForEach-Object { [PSCustomObject]@{ User = $_.UserPrincipalName; Reason = 'soft-deleted'; Suspended = $_.Licenses -join ', ' } } |
    Format-Table User, Reason, Suspended
