# Alert when this month's pooled capacity (Power Virtual Agents billed sessions) is on course to run out.
#
# What it does: for each metered capacity (Get-TenantCapacity rows with a projection), compares
#   where the month is heading at the bots' daily rate (Projected, as a percentage of the pooled
#   Total) with the threshold, and lists those past it, each also reported as a
#   CapacityRunningOut error, then exits 1 so the scheduler alerts. It warns, without alerting,
#   when the usage it projects from is stale (more than two days behind the clock) or missing for
#   the month: import the bots' analytics first (Import-BotUsage). It prints nothing when all is
#   well. It changes nothing, so it is safe to run as often as you like.
# Parameters: -Threshold PERCENT (default 90): a percentage of the pooled Total (100: alert only
#   when the month would go over); -Kind KIND[,KIND...] (default: every metered kind; commas
#   separate kinds, since a script's command line passes "A,B" as one string).
# Exit status: 0 nothing projected past the threshold; 1 one or more are (listed on standard
#   output and on standard error).
# Schedule: every morning, after the job that imports the bots' billed sessions:
#   30 6 * * *  plush --tenant /srv/plush/contoso.db /srv/plush/capacity-alert.ps1 -Threshold 90 || notify-admins
param(
    [double]$Threshold = 90,
    [string[]]$Kind
)

$wanted = @($Kind | ForEach-Object { $_ -split ',' } | ForEach-Object { $_.Trim() } | Where-Object { $_ })
$staleBefore = (Get-Date).AddDays(-2).ToString('yyyy-MM-dd')

$metered = Get-TenantCapacity | Where-Object { $null -ne $_.Consumed -and ($wanted.Count -eq 0 -or $wanted -contains $_.Kind) }
$over = @()
foreach ($pool in $metered) {
    if ($null -eq $pool.Projected) {
        Write-Warning "$($pool.Kind): no usage recorded for $($pool.Month) yet; import the bots' billed sessions (Import-BotUsage) so there is something to project"
        continue
    }
    if ($pool.UsageThrough -lt $staleBefore) {
        Write-Warning "$($pool.Kind): usage is recorded only through $($pool.UsageThrough); the projection is from those days only; import the latest (Import-BotUsage)"
    }
    if ($pool.Total -eq 0 -or $pool.ProjectedPercent -ge $Threshold) { $over += $pool }
}
if ($over.Count -eq 0) { exit 0 }

$over | Select-Object Kind, Month, Total, Consumed, UsageThrough, Projected, ProjectedPercent, @{ Name = 'Threshold'; Expression = { "$Threshold%" } } | Format-Table
foreach ($pool in $over) {
    $share = if ($null -ne $pool.ProjectedPercent) { "$($pool.ProjectedPercent)%" } else { 'no pooled capacity' }
    Write-Error -Message "$($pool.Kind): $($pool.Month) is on course for $($pool.Projected) of $($pool.Total) $($pool.Unit) ($share), past $Threshold%" -ErrorId CapacityRunningOut -TargetObject $pool.Kind -RecommendedAction "See which bots use it (Get-BotUsage); add capacity (Get-TenantCapacity $($pool.Kind) | Format-List shows the licenses that grant it)"
}
exit 1
