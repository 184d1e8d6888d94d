# examples/swap-products.plush, ENTERPRISEPACK to SPE_E3: refused whole when short, then done keeping disabled plans.
cp "$EXAMPLES_DIR/swap-products.plush" .
$PLUSH -c "New-Tenant -Path '$PLUSH_TENANT' -Name Contoso -Demo" > /dev/null
$PLUSH -c 'Export-Tenant start.json'

echo "== 7 Microsoft 365 E3 licenses for 15 users"
$PLUSH swap-products.plush ENTERPRISEPACK SPE_E3 > /dev/null
echo "status $?"
$PLUSH -c 'Export-Tenant after-refusal.json'
cmp -s start.json after-refusal.json && echo "the refused swap changed nothing" || echo "the refused swap CHANGED the tenant"

$PLUSH -c 'New-Subscription -Product SPE_E3 -Quantity 10 | Out-Null'
$PLUSH -c 'Export-Tenant bought.json'
echo "== dry run"
$PLUSH --what-if swap-products.plush ENTERPRISEPACK SPE_E3 > run.out
echo "status $?"
tail -n 23 run.out
$PLUSH -c 'Export-Tenant after-dry-run.json'
cmp -s bought.json after-dry-run.json && echo "the dry run changed nothing" || echo "the dry run CHANGED the tenant"

echo "== real run, the products named by display name"
$PLUSH swap-products.plush "Office 365 E3" "Microsoft 365 E3"
echo "status $?"
$PLUSH -c '
Get-UserLicense chloe.bernard@contoso.com | Select-Object SkuPartNumber, AssignedBy, DisabledPlans
Get-License | Where-Object { $_.SkuPartNumber -eq "ENTERPRISEPACK" -or $_.SkuPartNumber -eq "SPE_E3" } | Select-Object SkuPartNumber, Total, Assigned, Available
'
$PLUSH -c 'Export-Tenant after-run.json'

echo "== second run"
$PLUSH swap-products.plush ENTERPRISEPACK SPE_E3 > run.out
echo "status $?"
tail -n 2 run.out
$PLUSH -c 'Export-Tenant after-second-run.json'
cmp -s after-run.json after-second-run.json && echo "the second run changed nothing" || echo "the second run CHANGED the tenant"

echo "== usage"
$PLUSH swap-products.plush ENTERPRISEPACK
echo "status $?"
$PLUSH swap-products.plush SPE_E3 spe_e3
echo "status $?"
$PLUSH swap-products.plush ENTERPRISEPAK SPE_E3
echo "status $?"
