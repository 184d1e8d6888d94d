# A malformed CSV changes nothing (reliability D5): Import-Csv checks the whole file's structure
# before the first row goes down the pipeline, so a bulk assignment over a file with a broken quote
# near its end assigns nobody and names the line. Also through a pipe (not a regular file), and
# in examples/bulk-assign.plush.
$PLUSH -c '
New-Subscription -Product FLOW_FREE -Quantity 100 | Out-Null
New-Subscription -Product POWER_BI_STANDARD -Quantity 100 | Out-Null
New-Subscription -Product POWER_BI_PRO -Quantity 100 | Out-Null
for i = 1, 40 do New-User -UserPrincipalName "u$i@contoso.com" -DisplayName "User $i" -UsageLocation US | Out-Null end'
{ echo "UserPrincipalName,Note"; for i in $(seq 1 40); do echo "u$i@contoso.com,row $i"; done; echo 'u41@contoso.com,"never closed'; echo 'u42@contoso.com,fine'; } > broken.csv
$PLUSH -c 'Import-Csv broken.csv | Set-UserLicense -Add FLOW_FREE'
echo "status $?"
$PLUSH -c 'print("assigned after the broken file: " .. (Get-License FLOW_FREE).Assigned)'
cat broken.csv | $PLUSH -c 'Import-Csv /dev/stdin | Set-UserLicense -Add POWER_BI_STANDARD'
echo "status $?"
$PLUSH -c 'print("assigned after the broken pipe: " .. (Get-License POWER_BI_STANDARD).Assigned)'
printf 'UserPrincipalName,Products,UsageLocation\nu1@contoso.com,POWER_BI_PRO,US\nu2@contoso.com,"POWER_BI_PRO\n' > rows.csv
cp "$EXAMPLES_DIR/bulk-assign.plush" .
$PLUSH bulk-assign.plush rows.csv
echo "status $?"
$PLUSH -c 'print("assigned after bulk-assign: " .. (Get-License POWER_BI_PRO).Assigned)'
echo "== a good file streams through"
head -41 broken.csv > good.csv
$PLUSH -c 'Import-Csv good.csv | Set-UserLicense -Add FLOW_FREE; print("assigned: " .. (Get-License FLOW_FREE).Assigned)'
echo "status $?"
