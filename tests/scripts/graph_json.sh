# ConvertTo-Json uses Graph's field names; the Graph-shaped export loads with Import-Tenant -Format graph.
source "$SOURCE_DIR/tests/scripts/lib/stores.sh"
$PLUSH -c "New-Tenant -Path '$PLUSH_TENANT' -Name Contoso -Demo | Out-Null"
$PLUSH -c 'Get-User chloe.bernard@contoso.com | ConvertTo-Json'
$PLUSH -c 'Get-License AAD_PREMIUM_P2 | ConvertTo-Json -Compress' | cut -c1-160
$PLUSH -c 'Get-User | ConvertTo-Json -Compress' > users.json
$PLUSH -c 'Get-License | ConvertTo-Json -Compress' > skus.json
$PLUSH --tenant "$(new_store fresh)" -c '
Import-Tenant skus.json, users.json -Format graph | Format-List
print(#(Get-User -Licensed) > 0)
Get-License AAD_PREMIUM_P2 | Select-Object SkuPartNumber, Total, Assigned
'
echo "status $?"
