# ConvertTo-Json uses Graph's field names; the Graph-shaped export loads with Import-Tenant -Format graph.
$PLUSH -c 'New-Tenant -Path demo.db -Name Contoso -Demo | Out-Null'
$PLUSH --tenant demo.db -c 'Get-User chloe.bernard@contoso.com | ConvertTo-Json'
$PLUSH --tenant demo.db -c 'Get-License AAD_PREMIUM_P2 | ConvertTo-Json -Compress' | cut -c1-160
$PLUSH --tenant demo.db -c 'Get-User | ConvertTo-Json -Compress' > users.json
$PLUSH --tenant demo.db -c 'Get-License | ConvertTo-Json -Compress' > skus.json
$PLUSH --tenant fresh.db -c '
Import-Tenant skus.json, users.json -Format graph | Format-List
print(#(Get-User -Licensed) > 0)
Get-License AAD_PREMIUM_P2 | Select-Object SkuPartNumber, Total, Assigned
'
echo "status $?"
