#!/usr/bin/env plush
<#
.SYNOPSIS
Fix what can be fixed among group members whose license is in error, and report the rest by reason.

.DESCRIPTION
The PowerShell twin of fix-license-errors.plush: it leaves the store exactly as that job does.
For members in error with UsageLocationRequired who have no usage location, sets the tenant's
DefaultUsageLocation on the user (only when the tenant has one; a location a user already has is never
changed). Then reprocesses every license in error, which also picks up licenses bought since the last
run, and reports what is still in error, by reason, with the users and what an admin can do about it. A
second run changes nothing unless something else changed in between.

Exit status: 0 no license left in error; 1 some are (a LicenseErrorsRemain error on standard error, the
details on standard output), or a fix failed; 64 arguments given (it takes none).
Schedule: every night at 03:00, after the HR feed:
  0 3 * * *  plush --tenant /srv/plush/contoso.db --log /var/log/plush/fix-errors.log /srv/plush/fix-license-errors.ps1
Dry run: plush --what-if fix-license-errors.ps1 shows the locations it would set and the licenses that
reprocessing would make active.
#>

if ($args.Count -gt 0) {
    $Host.UI.WriteErrorLine('usage: plush fix-license-errors.ps1   (no arguments)')
    exit 64
}

$advice = @{
    CountViolation                     = 'Buy licenses (New-Subscription or Set-Subscription -Quantity) or free some, then run again'
    UsageLocationRequired              = "Set the user's location (Set-User -UsageLocation) or the tenant's (Set-Tenant -DefaultUsageLocation)"
    MutuallyExclusiveViolation         = "Disable one of the two plans, or remove the user's other product"
    DependencyViolation                = 'Give the user the product or plan it requires'
    ProhibitedInUsageLocationViolation = "The plan is not offered in the user's country: disable it for the group"
    NotAssignableToUser                = 'A tenant-wide product: remove it from the group'
}

function Set-DefaultLocation([string]$Default) {
    $fixed = [System.Collections.Generic.List[string]]::new()
    $seen = @{}
    foreach ($e in Get-LicenseError | Where-Object { $_.Error -eq 'UsageLocationRequired' }) {
        $upn = $e.User
        if (-not $seen.ContainsKey($upn) -and $null -eq (Get-User $upn).UsageLocation) {
            $seen[$upn] = $true
            try {
                Set-User $upn -UsageLocation $Default -ErrorAction Stop
                $fixed.Add($upn)
            }
            catch {
                Write-Error -Message "${upn}: $($_.Exception.Message)" -ErrorId $_.FullyQualifiedErrorId -TargetObject $upn -RecommendedAction $_.Recommendation
            }
        }
    }
    , $fixed
}

if (@(Get-LicenseError).Count -eq 0) {
    'No license is in error.'
    return
}

$default = (Get-Tenant).DefaultUsageLocation
if ($default) {
    $fixed = Set-DefaultLocation $default
    if ($fixed.Count -gt 0) {
        "Usage location set to $default for $($fixed.Count) user(s): $($fixed -join ', ')"
    }
}

$result = Invoke-LicenseReprocess
"Reprocessed $($result.Evaluated) license(s) in error: $($result.Fixed) now active, $($result.InError) still in error."

$left = @(Get-LicenseError | Group-Object Error | Sort-Object Name)
if ($left.Count -eq 0) { return }
$left | Select-Object @{ Name = 'Error'; Expression = { $_.Name } }, Count,
    @{ Name = 'Users'; Expression = { ($_.Group | ForEach-Object { "$($_.User) ($($_.SkuPartNumber))" }) -join ', ' } },
    @{ Name = 'WhatToDo'; Expression = { if ($advice.ContainsKey($_.Name)) { $advice[$_.Name] } else { 'See Get-LicenseError for the message' } } } |
    Format-List
$total = ($left | Measure-Object -Property Count -Sum).Sum
Write-Error -Message "$total license(s) are still in error" -ErrorId LicenseErrorsRemain -RecommendedAction 'Get-LicenseError'
