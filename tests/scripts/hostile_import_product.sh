# Import-Product on a header with an extra leading column and a short row (reliability D11): an InvalidCsv
# naming the line, never the raw `vector::_M_range_check` it gave; nothing is written.
(printf 'Extra,'; head -1 "$SHARED_DATA/product-service-plans.csv" | sed 's/^\xef\xbb\xbf//'; echo 'a,b,c,d,e,f') > extra.csv
count() { $PLUSH -c 'print((Get-Product -Catalog).Count)'; }  # through plush: the same on either store
before=$(count)
$PLUSH -c 'Import-Product extra.csv' 2>&1
echo "status $?"
echo "products unchanged ($before): $([ "$(count)" = "$before" ] && echo yes || echo no)"
