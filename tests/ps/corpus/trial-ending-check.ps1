# Trials that end soon, and who would lose service. Exit 1 so the scheduler raises an alert.
param([int]$Days = 30)

$today = (Get-Date).Date
$ending = Get-Subscription -Status Enabled | Where-Object {
    $_.Source -eq 'Trial' -and ([datetime]$_.ExpiresOn).Date -le $today.AddDays($Days)
}
if (-not $ending) {
    'No trial ends within {0} days' -f $Days
    exit 0
}
foreach ($trial in $ending) {
    $holders = @(Get-User -Product $trial.Product | Sort-Object UserPrincipalName)
    'Trial {0} ends {1:yyyy-MM-dd}: {2} user(s) lose it: {3}' -f $trial.Product, [datetime]$trial.ExpiresOn, $holders.Count, ($holders.UserPrincipalName -join ', ')
}
exit 1
