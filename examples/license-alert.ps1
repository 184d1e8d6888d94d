#!/usr/bin/env plush
<#
.SYNOPSIS
Alert when a product's available licenses fall under a count or a percentage of its total.

.DESCRIPTION
The PowerShell twin of license-alert.plush.
Checks every product the tenant has licenses for (or only the products named) and lists those whose
Available is under the threshold, each also reported as a LicensesRunningLow error, so the exit status
tells the scheduler to alert. It prints nothing when all is well (cron then sends no mail). It changes
nothing, so it is safe to run as often as you like.

Exit status: 0 no product under the threshold; 1 one or more are (listed on standard output and on
standard error); 64 bad arguments.
Schedule: every hour on weekdays, mailing the output:
  MAILTO=licensing@contoso.com
  0 * * * 1-5  plush --tenant /srv/plush/contoso.db /srv/plush/license-alert.ps1 5
For a monitoring tool, --output json writes the alerts as JSON Lines on standard error.

.PARAMETER Threshold
A count ("5": alert when fewer than 5 are left) or a percentage of the product's total ("10%": alert when
fewer than 10% are left). Default 10%.

.PARAMETER Product
SkuPartNumbers to check (default: every product).
#>
param(
    [Parameter(Position = 0)]
    [string]$Threshold = '10%',

    [Parameter(Position = 1, ValueFromRemainingArguments)]
    [string[]]$Product
)

$usage = 'usage: plush license-alert.ps1 [COUNT | PERCENT%] [PRODUCT...]'
if ($Threshold -match '^(\d+(\.\d*)?)%$') {
    $share = [double]$Matches[1]
    if ($share -gt 100) {
        $Host.UI.WriteErrorLine($usage)
        exit 64
    }
    $isLow = { param($l) $l.Available * 100 -lt $share * $l.Total }
    $describe = "under $($Matches[1])% of total"
}
elseif ($Threshold -match '^\d+$') {
    $count = [int]$Threshold
    $isLow = { param($l) $l.Available -lt $count }
    $describe = "under $count available"
}
else {
    $Host.UI.WriteErrorLine($usage)
    exit 64
}

# Tenant-wide products (AppliesTo Company) are never assigned to users, so they cannot run low.
$tenantWide = @(Get-Product | Where-Object { $_.AppliesTo -eq 'Company' } | ForEach-Object SkuPartNumber)

$low = @(Get-License | Where-Object {
        $_.Total -gt 0 -and $tenantWide -notcontains $_.SkuPartNumber -and
        (-not $Product -or $Product -contains $_.SkuPartNumber) -and (& $isLow $_)
    })
if ($low.Count -eq 0) { return }

$low | Select-Object SkuPartNumber, Product, Total, Assigned, Available, @{ Name = 'Threshold'; Expression = { $describe } } | Format-Table
foreach ($license in $low) {
    Write-Error -Message "$($license.SkuPartNumber): $($license.Available) of $($license.Total) licenses available, $describe" -ErrorId LicensesRunningLow -TargetObject $license.SkuPartNumber -RecommendedAction "Buy more (New-Subscription -Product $($license.SkuPartNumber) -Quantity N) or free some (reclaim-licenses.ps1)"
}
