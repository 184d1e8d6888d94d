# A job ending itself with os.exit(n) keeps the promises of --what-if, --atomic and --log.
$PLUSH -c '
New-Subscription -Product POWER_BI_PRO -Quantity 2 | Out-Null
New-User -UserPrincipalName ann@contoso.com -DisplayName "Ann Lee" -UsageLocation US | Out-Null
'
$PLUSH -c 'Export-Tenant before.json'
unchanged() {
  $PLUSH -c 'Export-Tenant now.json'
  cmp -s before.json now.json && echo "tenant unchanged" || echo "tenant CHANGED"
}

echo "== os.exit(1) under --what-if"
$PLUSH --what-if -c 'Set-UserLicense ann@contoso.com -Add POWER_BI_PRO; os.exit(1)'
echo "status $?"
unchanged

echo "== os.exit(0) under --atomic after a reported error"
$PLUSH --atomic -c 'Set-UserLicense ann@contoso.com -Add POWER_BI_PRO; Write-Error "row failed"; os.exit(0)' 2> atomic.err
echo "status $?"
echo "says nothing was changed: $(grep -c '^plush: --atomic' atomic.err)"
unchanged

echo "== os.exit(3) with --log"
$PLUSH --log run.log -c 'print("done"); os.exit(3)'
echo "status $?"
tail -n 1 run.log | cut -c22-
