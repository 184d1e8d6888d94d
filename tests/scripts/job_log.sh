# --log FILE appends a transcript: each statement run (with its place), its output, its errors, the exit status;
# at the prompt, each statement as typed.
$PLUSH -c 'New-Subscription -Product POWER_BI_PRO -Quantity 1 | Out-Null
New-User -UserPrincipalName ann@contoso.com -DisplayName "Ann Lee" -UsageLocation US | Out-Null
New-User -UserPrincipalName bob@contoso.com -DisplayName "Bob Ray" -UsageLocation US | Out-Null'
cat > assign.plush <<'SCRIPT'
for _, upn in ipairs({"ann@contoso.com", "bob@contoso.com"}) do
  Set-UserLicense $upn -Add POWER_BI_PRO | Out-Null
end
print("done")
Get-License POWER_BI_PRO | Select-Object SkuPartNumber, Assigned, Available
SCRIPT
$PLUSH --log run.log assign.plush > /dev/null 2>&1
echo "script status $?"
printf 'Get-License POWER_BI_PRO | Select-Object SkuPartNumber, Available\nfor i = 1, 2 do\n  print(i) end\n' |
  $PLUSH --log run.log > /dev/null
echo "prompt status $?"
echo "every line stamped: $(grep -cvE '^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}Z ' run.log) unstamped"
cut -c22- run.log
