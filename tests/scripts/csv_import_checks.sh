# Import-Csv and ConvertFrom-Csv read what PowerShell reads and refuse what would be read wrong:
# a duplicate header (as PowerShell: The member "a" is already present.), a #TYPE first line
# skipped, UTF-16 files with a BOM decoded, other encodings refused at the first bad line, ragged
# rows named under -Verbose, an empty header name given PowerShell's default (H<n>) with a warning.
printf 'a,b,a\n1,2,3\n' > dup.csv
printf 'Name,name\n1,2\n' > dupcase.csv
$PLUSH -c 'Import-Csv dup.csv | ConvertTo-Json -Compress'
echo "status $?"
$PLUSH -c 'Import-Csv dupcase.csv | ConvertTo-Json -Compress'
echo "status $?"
$PLUSH -c '"a,b,a", "1,2,3" | ConvertFrom-Csv | ConvertTo-Json -Compress'
echo "status $?"
echo "== #TYPE"
printf '#TYPE System.Management.Automation.PSCustomObject\r\n"UserPrincipalName","DisplayName"\r\n"ann@contoso.com","Ann Lee"\r\n' > typed.csv
$PLUSH -c 'Import-Csv typed.csv | ConvertTo-Json -Compress'
$PLUSH -c '"#TYPE Selected.System.Object", "a,b", "1,2" | ConvertFrom-Csv | ConvertTo-Json -Compress'
echo "== UTF-16 with a BOM"
printf 'UserPrincipalName,DisplayName\r\nann@contoso.com,Ana Núñez 日本 😀\r\n' > utf8.csv
{ printf '\xff\xfe'; iconv -f UTF-8 -t UTF-16LE utf8.csv; } > utf16le.csv
{ printf '\xfe\xff'; iconv -f UTF-8 -t UTF-16BE utf8.csv; } > utf16be.csv
$PLUSH -c 'Import-Csv utf16le.csv | ConvertTo-Json -Compress'
$PLUSH -c 'Import-Csv utf16be.csv | ConvertTo-Json -Compress'
echo "== not UTF-8: the first bad line is named, nothing is read"
printf 'Name,City\nann,Paris\nbob,K\xf6ln\ncy,M\xfcnchen\n' > latin1.csv
$PLUSH -c 'Import-Csv latin1.csv | ForEach-Object Name'
echo "status $?"
printf '\xff\xfeN\x00' > odd16.csv
printf 'a\x00' >> odd16.csv
printf '\x00' >> odd16.csv
$PLUSH -c 'Import-Csv odd16.csv | ForEach-Object Name'
echo "status $?"
echo "== ragged rows: read as PowerShell does (missing values empty, extra ones dropped), named under -Verbose"
printf 'a,b,c\n1,2,3\n4,5\n6,7,8,9\n' > ragged.csv
$PLUSH -c 'Import-Csv ragged.csv | ConvertTo-Json -Compress'
$PLUSH -c 'Import-Csv ragged.csv -Verbose | Out-Null'
echo "== an empty header name"
printf 'a,,c\n1,2,3\n' > blank.csv
$PLUSH -c 'Import-Csv blank.csv | ConvertTo-Json -Compress'
echo "== a semicolon file read with the default comma: the error says to use -Delimiter"
printf '"Name";"City"\n"ann";"Paris"\n' > semi.csv
$PLUSH -c 'Import-Csv semi.csv'
$PLUSH -c 'Import-Csv semi.csv -Delimiter ";" | ConvertTo-Json -Compress'
