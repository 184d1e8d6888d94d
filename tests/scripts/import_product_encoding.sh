# Import-Product reads Microsoft's CSV as Import-Csv does: UTF-16 with a BOM is decoded; a file in
# another encoding is refused at its first line that is not UTF-8 (interop D19); an unclosed quote
# is reported at the line where it opened (reliability D12); nothing is written either way.
src="$SHARED_DATA/product-service-plans.csv"
$PLUSH -c 'print("products before: " .. #(Get-Product -Catalog))'
iconv -c -f UTF-8 -t ISO-8859-1 "$src" > latin1.csv
$PLUSH -c 'Import-Product latin1.csv | Out-Null'
echo "status $?"
sed '501s/^/"/' "$src" > unclosed.csv
$PLUSH -c 'Import-Product unclosed.csv | Out-Null'
echo "status $?"
$PLUSH -c 'print("products after the bad files: " .. #(Get-Product -Catalog))'
{ printf '\xff\xfe'; tail -c +4 "$src" | iconv -f UTF-8 -t UTF-16LE; } > utf16.csv
$PLUSH -c 'Import-Product utf16.csv | Select-Object Added, Updated, Unchanged'
echo "status $?"
$PLUSH -c 'Get-Product -Catalog | ConvertTo-Json' > from-utf16.json
PLUSH_TENANT=utf8.db $PLUSH -c "Import-Product '$src' | Out-Null; Get-Product -Catalog | ConvertTo-Json" > from-utf8.json
echo "products after the UTF-16 import: $(jq length from-utf16.json)"
cmp -s from-utf16.json from-utf8.json && echo "UTF-16 and UTF-8 give the same products" || echo "UTF-16 and UTF-8 DIFFER"
$PLUSH -c '(Get-Product DYN365_CUSTOMER_INSIGHTS_ATTACH).ServicePlans | Select-Object Name, DisplayName'
