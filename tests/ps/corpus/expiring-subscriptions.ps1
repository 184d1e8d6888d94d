<#
.SYNOPSIS
    Scheduled check: subscriptions that end within the window, or have ended.
.DESCRIPTION
    Exit status: 0 nothing to report, 1 something ends within the window, 3 something has ended already.
#>
param(
    [ValidateRange(1, 365)]
    [int]$Days = 30
)

$today = (Get-Date).Date
$status = 0
$subscriptions = Get-Subscription | Where-Object { $_.ExpiresOn } | Sort-Object { [datetime]$_.ExpiresOn }

foreach ($sub in $subscriptions) {
    $ends = ([datetime]$sub.ExpiresOn).Date
    $left = ($ends - $today).Days
    if ($left -lt 0) {
        Write-Output ("{0}: {1} licenses ended {2} days ago ({3:yyyy-MM-dd}), status {4}" -f $sub.Product, $sub.Quantity, -$left, $ends, $sub.Status)
        $status = 3
    }
    elseif ($left -le $Days) {
        Write-Output ("{0}: {1} licenses end in {2} days ({3:yyyy-MM-dd})" -f $sub.Product, $sub.Quantity, $left, $ends)
        if ($status -eq 0) { $status = 1 }
    }
}

if ($status -eq 0) { Write-Output "No subscription ends within $Days days" }
exit $status
