# Idioms the example jobs reach for, as a PowerShell admin writes them.
$PLUSH --demo -c '
print("-in with a list of values:")
Get-License | Where-Object { $_.SkuPartNumber -in "EXCHANGESTANDARD", "MCOMEETADV" } | ForEach-Object { print("  " .. $_.SkuPartNumber) }
'
echo "status $?"
