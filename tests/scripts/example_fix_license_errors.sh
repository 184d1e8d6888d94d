# examples/fix-license-errors.plush: a missing usage location fixed from the tenant default, the rest reported by reason.
cp "$EXAMPLES_DIR/fix-license-errors.plush" .
$PLUSH -c "New-Tenant -Path '$PLUSH_TENANT' -Name Contoso -Demo" > /dev/null
# While the tenant had no default location, mark.evans (who has none) joined Sales Team.
$PLUSH -c '
Set-Tenant -DefaultUsageLocation ""
Add-GroupMember "Sales Team" -Member mark.evans@contoso.com
Set-Tenant -DefaultUsageLocation US
Get-LicenseError | Select-Object User, SkuPartNumber, Error
'
$PLUSH -c 'Export-Tenant start.json'

echo "== dry run"
$PLUSH --what-if fix-license-errors.plush
echo "status $?"
$PLUSH -c 'Export-Tenant after-dry-run.json'
cmp -s start.json after-dry-run.json && echo "the dry run changed nothing" || echo "the dry run CHANGED the tenant"

echo "== real run"
$PLUSH fix-license-errors.plush
echo "status $?"
$PLUSH -c 'Get-User mark.evans@contoso.com | Select-Object UserPrincipalName, UsageLocation, Licenses'
$PLUSH -c 'Export-Tenant after-run.json'

echo "== second run"
$PLUSH fix-license-errors.plush
echo "status $?"
$PLUSH -c 'Export-Tenant after-second-run.json'
cmp -s after-run.json after-second-run.json && echo "the second run changed nothing" || echo "the second run CHANGED the tenant"

echo "== after buying Power BI Pro and disabling tom.baker's Exchange Online (Plan 1) mailbox plan"
$PLUSH -c '
New-Subscription -Product POWER_BI_PRO -Quantity 5 | Out-Null
Set-UserLicense tom.baker@contoso.com -DisablePlans EXCHANGE_S_STANDARD
'
$PLUSH fix-license-errors.plush
echo "status $?"
$PLUSH fix-license-errors.plush
echo "status $?"
