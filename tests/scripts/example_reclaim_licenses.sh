# examples/reclaim-licenses.plush on the demo tenant: a dry run, the real run at 90 days, a second run.
cp "$EXAMPLES_DIR/reclaim-licenses.plush" .
$PLUSH -c "New-Tenant -Path '$PLUSH_TENANT' -Name Contoso -Demo" > /dev/null
$PLUSH -c 'Export-Tenant start.json'

echo "== dry run"
$PLUSH --what-if reclaim-licenses.plush
echo "status $?"
$PLUSH -c 'Export-Tenant after-dry-run.json'
cmp -s start.json after-dry-run.json && echo "the dry run changed nothing" || echo "the dry run CHANGED the tenant"

echo "== real run"
$PLUSH reclaim-licenses.plush 90
echo "status $?"
$PLUSH -c '
for _, upn in ipairs({"diego.ramos@contoso.com", "robert.king@contoso.com", "lena.schmidt@contoso.com", "sam.turner@contoso.com"}) do
  print(upn .. ": " .. table.concat((Get-User $upn).Licenses, ", "))
end
Get-License | Where-Object { $_.SkuPartNumber -eq "ENTERPRISEPACK" -or $_.SkuPartNumber -eq "EXCHANGESTANDARD" } | Select-Object SkuPartNumber, Assigned, Available
'
$PLUSH -c 'Export-Tenant after-run.json'

echo "== second run"
$PLUSH reclaim-licenses.plush 90
echo "status $?"
$PLUSH -c 'Export-Tenant after-second-run.json'
cmp -s after-run.json after-second-run.json && echo "the second run changed nothing" || echo "the second run CHANGED the tenant"

echo "== a shorter window, dry run: no sign-in for 5 days"
$PLUSH --what-if reclaim-licenses.plush 5
echo "status $?"

echo "== usage"
$PLUSH reclaim-licenses.plush soon
echo "status $?"
