# examples/expiring-report.plush on the demo tenant: status changes within N days and uncovered users, as CSV.
cp "$EXAMPLES_DIR/expiring-report.plush" .
$PLUSH -c "New-Tenant -Path '$PLUSH_TENANT' -Name Contoso -Demo" > /dev/null

echo "== 30 days (the default)"
$PLUSH expiring-report.plush > report.csv
echo "status $?"
cat report.csv
$PLUSH -c 'Import-Csv report.csv | Group-Object Kind, SkuPartNumber -NoElement | Select-Object Name, Count'
echo "== 7 days: nothing, a header only"
$PLUSH expiring-report.plush 7
echo "status $?"
echo "== dry run"
$PLUSH --what-if expiring-report.plush 7
echo "status $?"
echo "== planning ahead: 30 days from 2027-02-15"
$PLUSH --now 2027-02-15T00:00:00Z expiring-report.plush 30 | cut -d, -f1,2,4-10 | LC_ALL=C sort -u  # without the random SubscriptionId
echo "== usage"
$PLUSH expiring-report.plush -3
echo "status $?"
