# Tenant capacity: Power Virtual Agents billed sessions pooled over two subscriptions, summed over
# the bots, projected from the daily rate; a suspended subscription leaves the pool as the clock moves.
$PLUSH -c '
New-Subscription -Product VIRTUAL_AGENT_BASE -Quantity 1 -ExpiresOn 2026-12-31 | Out-Null
New-Subscription -Product VIRTUAL_AGENT_BASE -Quantity 2 -ExpiresOn 2027-06-30 | Out-Null
New-Subscription -Product VIRTUAL_AGENT_USL -Quantity 2 | Out-Null
New-User -UserPrincipalName maker@contoso.com -DisplayName Maker -UsageLocation US | Out-Null
Set-UserLicense maker@contoso.com -Add VIRTUAL_AGENT_USL | Out-Null
New-Bot -Name "HR Helpdesk" -Owner maker@contoso.com | Out-Null
New-Bot -Name "IT Desk" -Owner maker@contoso.com -Environment Internal | Out-Null'

echo "== two subscriptions, one pool: 1 + 2 licenses x 2000"
$PLUSH -c 'Get-TenantCapacity BilledSessions | Format-List Kind, Month, Unit, Total, Grants, Consumed, Projected'

echo "== 20 days of both bots: 100 and 50 a day"
{
  echo "Date,Bot,BilledSessions"
  for d in $(seq -w 1 20); do echo "2026-11-$d,HR Helpdesk,100"; echo "2026-11-$d,IT Desk,50"; done
} > november.csv
$PLUSH -c 'Import-BotUsage november.csv | Format-List'
$PLUSH -c 'Get-BotUsage'

echo "== consumed is the sum over the bots; projected: 3000 in 20 days -> 4500 in 30"
$PLUSH -c 'Get-TenantCapacity BilledSessions | Format-List Total, Consumed, Available, PercentUsed, DailyRate, UsageThrough, Projected, ProjectedPercent'
$PLUSH -c '
$c = Get-TenantCapacity BilledSessions
$u = Get-BotUsage
print("sum over bots:", ($u | Measure-Object BilledSessions -Sum).Sum, "consumed:", $c.Consumed)'

echo "== a bot adds a day: the rate and the projection follow"
$PLUSH -c 'Add-BotUsage -Bot "IT Desk" -Date 2026-11-21 -BilledSessions 600 | Out-Null
Get-TenantCapacity BilledSessions | Format-Table Total, Consumed, UsageThrough, DailyRate, Projected, ProjectedPercent'

echo "== the clock moves: the first subscription ends on 2026-12-31"
for day in 2027-01-15 2027-02-15 2027-05-15; do
  $PLUSH --now $day -c '
$s = Get-Subscription -Product VIRTUAL_AGENT_BASE
$c = Get-TenantCapacity BilledSessions
print(arg[1], table.concat($s.Status, "/"), "Total " .. $c.Total, "Suspended " .. $c.Suspended, "Consumed " .. $c.Consumed)' $day
done

echo "== a month gone by and one to come"
$PLUSH -c 'Get-TenantCapacity BilledSessions -Month 2026-10 | Format-Table Month, Total, Consumed'
$PLUSH --now 2026-12-03 -c 'Get-TenantCapacity BilledSessions -Month 2026-11 | Format-Table Month, Total, Consumed, DailyRate, Projected'
$PLUSH -c 'Get-TenantCapacity BilledSessions -Month 2026-12 | Format-Table Month, Total, Consumed, Projected'
echo "== suspended by hand: it leaves the pool at once (a status set by hand has no date: every month sees it)"
$PLUSH -c '
$first = Get-Subscription -Product VIRTUAL_AGENT_BASE | Where-Object { $_.Quantity -eq 2 }
Set-Subscription -Id $first.Id -Status Suspended | Out-Null
Get-TenantCapacity BilledSessions | Format-Table Total, Suspended, Consumed, Available, PercentUsed, Projected, ProjectedPercent
Get-License VIRTUAL_AGENT_BASE | Format-Table SkuPartNumber, Total, Suspended'

$PLUSH -c 'Get-TenantCapacity -Month 11/2026'
echo "status $?"
