# examples/capacity-alert.ps1 (the PowerShell twin of capacity-alert.plush) on the demo tenant: November is
# on course past its billed sessions; quiet under a higher threshold, for another kind or with more
# capacity; warns when the usage is stale or missing; with the pool suspended, every session is past it.
cp "$EXAMPLES_DIR/capacity-alert.ps1" .
$PLUSH -c 'New-Tenant -Path t.db -Name Contoso -Demo' > /dev/null
export PLUSH_TENANT=t.db

echo "== default threshold (90)"
$PLUSH capacity-alert.ps1
echo "status $?"
echo "== -Threshold 110: quiet"
$PLUSH capacity-alert.ps1 -Threshold 110
echo "status $?"
echo "== -Kind takes kinds separated by commas, in any case"
$PLUSH capacity-alert.ps1 -Kind sharepointstorage
echo "status $?"
$PLUSH capacity-alert.ps1 -Kind SharePointStorage,billedsessions -Threshold 100 2> /dev/null
echo "status $?"
echo "== the alert as JSON Lines for a monitoring tool"
$PLUSH --output json capacity-alert.ps1 2>&1 > /dev/null
echo "status $?"
echo "== four days on, nothing imported since: stale usage is a warning"
$PLUSH --now 2026-11-26 capacity-alert.ps1 -Threshold 110
echo "status $?"
echo "== the first of the month, before any import: nothing to project"
$PLUSH --now 2026-12-01T06:30:00Z capacity-alert.ps1
echo "status $?"
echo "== a threshold that is not a number"
$PLUSH capacity-alert.ps1 -Threshold lots
echo "status $?"
echo "== the tenant license suspended: no pool, so any use is past the threshold"
$PLUSH -c 'Get-Subscription | Where-Object Product -eq VIRTUAL_AGENT_BASE | Set-Subscription -Status Suspended | Out-Null'
$PLUSH capacity-alert.ps1 -Threshold 110 2>&1
echo "status $?"
echo "== with a second VIRTUAL_AGENT_BASE license: quiet"
$PLUSH -c 'New-Subscription -Product VIRTUAL_AGENT_BASE -Quantity 2 | Out-Null'
$PLUSH capacity-alert.ps1
echo "status $?"
echo "== the alert changes nothing: the audit log has as many rows after it"
count='(Get-AuditLog | Measure-Object).Count'
before=$($PLUSH --ps -c "$count")
$PLUSH capacity-alert.ps1 -Threshold 10 > /dev/null 2>&1
echo "status $?"
after=$($PLUSH --ps -c "$count")
[ -n "$before" ] && [ "$before" = "$after" ] && echo "audit rows: $before before, $after after"
