# The --what-if summary counts usage locations set with Set-UserLicense -UsageLocation as changes.
$PLUSH -c '
New-Subscription -Product POWER_BI_PRO -Quantity 5 | Out-Null
New-User -UserPrincipalName ann@contoso.com -DisplayName "Ann Lee" | Out-Null
New-User -UserPrincipalName bob@contoso.com -DisplayName "Bob Ray" | Out-Null
'
$PLUSH --what-if -c '
Set-UserLicense ann@contoso.com -Add POWER_BI_PRO -UsageLocation GB
Set-UserLicense bob@contoso.com -Add POWER_BI_PRO -UsageLocation FR
' > summary.txt
echo "status $?"
echo "licenses in the summary: $(grep -c 'license assigned: POWER_BI_PRO: 2 (2 targets)' summary.txt)"
echo "usage locations in the summary: $(grep -ci 'usage location.*2 (2 targets)' summary.txt)"
