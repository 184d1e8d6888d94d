# examples/capacity-alert.plush on the demo tenant: November is on course past its billed sessions;
# quiet under a higher threshold or with more capacity; warns when the usage is stale or missing.
cp "$EXAMPLES_DIR/capacity-alert.plush" .
$PLUSH -c 'New-Tenant -Path t.db -Name Contoso -Demo' > /dev/null
export PLUSH_TENANT=t.db

echo "== the demo's pool this month"
$PLUSH -c 'Get-TenantCapacity'
$PLUSH -c 'Get-BotUsage'
echo "== default threshold (90%)"
$PLUSH capacity-alert.plush
echo "status $?"
echo "== over 110% only: quiet"
$PLUSH capacity-alert.plush 110%
echo "status $?"
echo "== the alert as JSON Lines for a monitoring tool"
$PLUSH --output json capacity-alert.plush 2>&1 > /dev/null
echo "status $?"
echo "== four days on, nothing imported since: stale usage is a warning"
$PLUSH --now 2026-11-26 capacity-alert.plush 110%
echo "status $?"
echo "== the first of the month, before any import: nothing to project"
$PLUSH --now 2026-12-01T06:30:00Z capacity-alert.plush
echo "status $?"
echo "== with a second VIRTUAL_AGENT_BASE license: quiet"
$PLUSH -c 'New-Subscription -Product VIRTUAL_AGENT_BASE -Quantity 1 | Out-Null'
$PLUSH capacity-alert.plush
echo "status $?"
echo "== usage"
$PLUSH capacity-alert.plush lots
echo "status $?"
