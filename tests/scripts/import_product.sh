# Import-Product loads Microsoft's published CSV; a second import changes nothing.
$PLUSH -c "Import-Product -Path '$SHARED_DATA/product-service-plans.csv' | Format-List"
$PLUSH -c "Import-Product -Path '$SHARED_DATA/product-service-plans.csv' | Format-List"
$PLUSH -c 'print(#(Get-Product))'
printf 'Product_Display_Name,String_Id,GUID\n"broken,X,1\n' > bad.csv
$PLUSH -c 'Import-Product bad.csv'
echo "bad file: $?"
$PLUSH -c 'print(#(Get-Product))'
