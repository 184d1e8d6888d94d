# Rules hold across processes: two licenses bought in one run, three assignments in the next.
$PLUSH -c 'New-Subscription -Product POWER_BI_PRO -Quantity 2 | Select-Object Product, Quantity, Status'
echo "status $?"
$PLUSH -c '
New-User -UserPrincipalName ann@contoso.com -DisplayName "Ann Lee" -UsageLocation US | Out-Null
New-User -UserPrincipalName bob@contoso.com -DisplayName "Bob Ray" -UsageLocation GB | Out-Null
New-User -UserPrincipalName cy@contoso.com -DisplayName "Cy Wu" -UsageLocation DE | Out-Null
Set-UserLicense ann@contoso.com -Add POWER_BI_PRO
Set-UserLicense bob@contoso.com -Add POWER_BI_PRO
Set-UserLicense cy@contoso.com -Add POWER_BI_PRO
'
echo "status $?"
$PLUSH -c 'Get-License POWER_BI_PRO | Select-Object SkuPartNumber, Total, Assigned, Available'
echo "status $?"
