# examples/license-alert.plush on the demo tenant: alerts by count and by percentage, quiet when all is well.
cp "$EXAMPLES_DIR/license-alert.plush" .
$PLUSH -c "New-Tenant -Path '$PLUSH_TENANT' -Name Contoso -Demo" > /dev/null

echo "== default threshold (10%)"
$PLUSH license-alert.plush
echo "status $?"
echo "== under 5 licenses"
$PLUSH license-alert.plush 5
echo "status $?"
echo "== under 50%, two products only"
$PLUSH license-alert.plush 50% SPE_E3 SPE_E5
echo "status $?"
echo "== dry run (it changes nothing anyway)"
$PLUSH --what-if license-alert.plush 5 2> /dev/null
echo "status $?"
echo "== alerts as JSON Lines for a monitoring tool"
$PLUSH --output json license-alert.plush 2>&1 > /dev/null
echo "status $?"
echo "== after buying Power BI Pro: quiet"
$PLUSH -c 'New-Subscription -Product POWER_BI_PRO -Quantity 5 | Out-Null'
$PLUSH license-alert.plush
echo "status $?"
$PLUSH license-alert.plush 1
echo "status $?"
echo "== usage"
$PLUSH license-alert.plush few
echo "status $?"
$PLUSH license-alert.plush 150%
echo "status $?"
