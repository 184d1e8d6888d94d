# Import-Product loads Microsoft's published CSV; a second import changes nothing.
$PLUSH -c "Import-Product -Path '$SHARED_DATA/product-service-plans.csv' | Format-List"
$PLUSH -c "Import-Product -Path '$SHARED_DATA/product-service-plans.csv' | Format-List"
$PLUSH -c 'print(#(Get-Product -Catalog))'
echo "# none of them is subscribed: Get-Product lists the tenant's subscribed products only"
$PLUSH -c 'print(#(Get-Product))'
echo "# 568 products by SkuPartNumber: Microsoft publishes MCOPSTN5 under two SkuIds, and both are kept"
$PLUSH -c 'print(#(Get-Product -Catalog | Group-Object SkuPartNumber))'
$PLUSH -c 'Get-Product MCOPSTN5 | Sort-Object SkuId | Select-Object SkuPartNumber, SkuId, DisplayName'
printf 'Product_Display_Name,String_Id,GUID\n"broken,X,1\n' > bad.csv
$PLUSH -c 'Import-Product bad.csv'
echo "bad file: $?"
$PLUSH -c 'print(#(Get-Product -Catalog))'
