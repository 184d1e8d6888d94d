# examples/bulk-assign.plush on the demo tenant: a dry run, the real run (through its #! line), a second run.
cp "$EXAMPLES_DIR/bulk-assign.plush" "$EXAMPLES_DIR/bulk-assign.csv" .
export PATH="$(dirname "$PLUSH"):$PATH"
$PLUSH -c "New-Tenant -Path '$PLUSH_TENANT' -Name Contoso -Demo" > /dev/null
$PLUSH -c 'Export-Tenant start.json'

echo "== dry run"
$PLUSH --what-if bulk-assign.plush bulk-assign.csv
echo "status $?"
$PLUSH -c 'Export-Tenant after-dry-run.json'
cmp -s start.json after-dry-run.json && echo "the dry run changed nothing" || echo "the dry run CHANGED the tenant"

echo "== real run"
./bulk-assign.plush bulk-assign.csv
echo "status $?"
$PLUSH -c '
for _, upn in ipairs({"mark.evans@contoso.com", "hannah.lee@contoso.com", "lucas.moreau@contoso.com", "chloe.bernard@contoso.com"}) do
  local u = Get-User $upn
  print(upn .. " " .. u.UsageLocation .. " " .. table.concat(u.Licenses, ", "))
end
Get-License | Where-Object { $_.SkuPartNumber -like "AAD_PREMIUM*" -or $_.SkuPartNumber -eq "EXCHANGESTANDARD" -or $_.SkuPartNumber -eq "MCOMEETADV" } | Select-Object SkuPartNumber, Total, Assigned, Available
'
$PLUSH -c 'Export-Tenant after-run.json'

echo "== second run"
./bulk-assign.plush bulk-assign.csv
echo "status $?"
$PLUSH -c 'Export-Tenant after-second-run.json'
cmp -s after-run.json after-second-run.json && echo "the second run changed nothing" || echo "the second run CHANGED the tenant"

echo "== usage"
$PLUSH bulk-assign.plush
echo "status $?"
$PLUSH bulk-assign.plush missing.csv > /dev/null
echo "status $?"
