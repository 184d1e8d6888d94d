#!/usr/bin/env plush
<#
.SYNOPSIS
List, as CSV, the subscriptions that change status within N days and the user licenses that go with them.

.DESCRIPTION
The PowerShell twin of expiring-report.plush.
Writes one CSV row per subscription whose next step comes within Days days: Enabled -> Warning on its
end date (expired: 30 days of grace), Warning -> Suspended 30 days later (its licenses stop working),
Suspended -> Deleted 90 days after that. When these changes leave a product with fewer working licenses
than it has assigned, one row per user holding it follows (Kind License, with the date of that change and
how the user gets the product): those are the people to talk to, or to buy for. Products are in name
order, each with its subscriptions first. Nothing is changed.

Exit status: 0 report written (a header line only when nothing expires); 64 bad Days.
Schedule: every Monday at 07:00, the report saved for the purchasing team:
  0 7 * * 1  plush --tenant /srv/plush/contoso.db /srv/plush/expiring-report.ps1 45 > /srv/reports/expiring-$(date +\%F).csv
The clock is the session's: `plush --now 2027-03-01 expiring-report.ps1 30` plans ahead.

.PARAMETER Days
How far ahead to look (default 30).
#>
param(
    [Parameter(Position = 0)]
    [ValidateRange(0, 36500)]
    [int]$Days = 30
)

$today = (Get-Date).Date
$horizon = $today.AddDays($Days)

# What each status becomes next, and how many days after the end date.
$nextStep = @{
    Enabled   = @{ Status = 'Warning'; After = 0 }
    Warning   = @{ Status = 'Suspended'; After = 30 }
    Suspended = @{ Status = 'Deleted'; After = 120 }
}

$columns = 'Kind', 'SkuPartNumber', 'SubscriptionId', 'Source', 'Status', 'Quantity', 'ExpiresOn',
    'NextStatus', 'On', 'DaysLeft', 'User', 'AssignedBy'

# The subscription's next status and its date, when that falls within the window.
function Get-NextChange($Subscription) {
    $step = $nextStep[$Subscription.Status]
    if ($null -eq $step -or -not $Subscription.ExpiresOn) { return }
    $on = ([datetime]$Subscription.ExpiresOn).AddDays($step.After)
    if ($on -gt $horizon) { return }
    [PSCustomObject]@{ Status = $step.Status; On = $on }
}

function New-ReportRow($Kind, $Sku, $Id, $Source, $Status, $Quantity, $ExpiresOn, $NextStatus, $On, $User, $AssignedBy) {
    [PSCustomObject]@{
        Kind = $Kind; SkuPartNumber = $Sku; SubscriptionId = $Id; Source = $Source; Status = $Status
        Quantity = $Quantity; ExpiresOn = $ExpiresOn; NextStatus = $NextStatus; On = $On.ToString('yyyy-MM-dd')
        DaysLeft = ($On - $today).Days; User = $User; AssignedBy = $AssignedBy
    }
}

# One product's rows: its changing subscriptions, then its users if what is left cannot cover them.
function Get-ProductRows($License) {
    $product = $License.SkuPartNumber
    $rows = @(Get-Subscription -Product $product | ForEach-Object {
            $change = Get-NextChange $_
            if ($change) {
                New-ReportRow Subscription $_.Product $_.Id $_.Source $_.Status $_.Quantity $_.ExpiresOn $change.Status $change.On '' ''
            }
        } | Sort-Object On, ExpiresOn)
    # the first change after which the working licenses no longer cover those assigned
    $working = $License.Total
    $shortfall = $null
    foreach ($row in $rows) {
        if ($row.Status -eq 'Enabled' -or $row.Status -eq 'Warning') {
            $working -= $row.Quantity
            if ($working -lt $License.Assigned) { $shortfall = $row; break }
        }
    }
    $rows
    if ($null -eq $shortfall) { return }
    foreach ($user in Get-User -Product $product | Sort-Object UserPrincipalName) {
        foreach ($held in Get-UserLicense $user.UserPrincipalName | Where-Object { $_.SkuPartNumber -eq $product }) {
            New-ReportRow License $held.SkuPartNumber '' '' $held.State '' '' $shortfall.NextStatus ([datetime]$shortfall.On) $held.User ($held.AssignedBy -join ', ')
        }
    }
}

$report = @(Get-License | Sort-Object SkuPartNumber | ForEach-Object { Get-ProductRows $_ })
if ($report.Count -eq 0) {
    $columns -join ','
    return
}
$report | Select-Object -Property $columns | ConvertTo-Csv
