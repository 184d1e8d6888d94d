# --what-if predicts 2 assignments and 1 CountViolation for 3 users and 2 licenses, and changes nothing.
source "$SOURCE_DIR/tests/scripts/lib/stores.sh"
$PLUSH -c '
New-Subscription -Product POWER_BI_PRO -Quantity 2 | Out-Null
New-User -UserPrincipalName ann@contoso.com -DisplayName "Ann Lee" -UsageLocation US | Out-Null
New-User -UserPrincipalName bob@contoso.com -DisplayName "Bob Ray" -UsageLocation GB | Out-Null
New-User -UserPrincipalName cy@contoso.com -DisplayName "Cy Wu" -UsageLocation DE | Out-Null
'
cat > assign3.plush <<'SCRIPT'
-- Three users for two licenses.
Set-UserLicense ann@contoso.com -Add POWER_BI_PRO
Set-UserLicense bob@contoso.com -Add POWER_BI_PRO
Set-UserLicense cy@contoso.com -Add POWER_BI_PRO
print("inside the run: " .. (Get-License POWER_BI_PRO).Assigned .. " assigned")
SCRIPT

snapshot() {
  $PLUSH -c "Export-Tenant $1.json"
  store_sql 'SELECT count(*) FROM audit' > $1.audit
}
same() {
  cmp -s $1.json $2.json && cmp -s $1.audit $2.audit && echo "tenant unchanged" || echo "tenant CHANGED"
}

snapshot before
echo "== the script under --what-if"
$PLUSH --what-if assign3.plush
echo "status $?"
snapshot after
same before after

echo "== with its own transaction, completed inside the run"
$PLUSH --what-if -c 'Start-Transaction; Set-UserLicense ann@contoso.com -Add POWER_BI_PRO; Complete-Transaction'
echo "status $?"
snapshot after-transaction
same before after-transaction

echo "== stopped by a terminating error after a change"
$PLUSH --what-if -c 'Set-UserLicense ann@contoso.com -Add POWER_BI_PRO; error("stop here")' 2> /dev/null
echo "status $?"
snapshot after-error
same before after-error

echo "== the same script for real"
$PLUSH assign3.plush 2> /dev/null
echo "status $?"
$PLUSH -c 'Get-License POWER_BI_PRO | Select-Object SkuPartNumber, Total, Assigned, Available'
