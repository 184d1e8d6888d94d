# Hostile JSON: deep nesting, duplicate and case-differing keys, NUL bytes, huge numbers, nulls in arrays.
# (reliability D1, interop D1 D11 D12 D13 D14.) `timeout 60` only turns a hang into a failing status.
nest() { python3 -c "import sys; n=int(sys.argv[1]); print('['*n + ']'*n)" "$1" > "$2"; }
read_json='local f = io.open(arg[1], "rb"); local t = f:read("a"); f:close()'
run() { timeout -k 5 60 "$PLUSH" "$@" 2>&1; echo "status $?"; }

echo "== arrays nested 133, 200 and 1024 deep are read; 1025 and 100,000 deep are refused with the place"
for depth in 133 200 1024 1025 100000; do
  nest $depth n$depth.json
  echo "-- depth $depth"
  run -c "$read_json
local v = ConvertFrom-Json -InputObject \$t -NoEnumerate
local d, x = 0, v[1]
while type(x) == 'table' do d, x = d + 1, x[1] end
print('levels read', d)" n$depth.json
done
echo "-- objects 1025 deep"
python3 -c "print('{\"a\":'*1025 + '1' + '}'*1025)" > o1025.json
run -c "$read_json ConvertFrom-Json -InputObject \$t | Out-Null" o1025.json
echo "-- a deep value read back is written back whole"
run -c "$read_json
local back = (ConvertFrom-Json -InputObject \$t -NoEnumerate | ConvertTo-Json -Compress)[1]
print(back == t:gsub('%s+\$', '') and 'same' or 'differs')" n1024.json
echo "-- a value deeper than ConvertTo-Json writes (a cycle) is refused"
run -c 'local t = {}; t[1] = t; ConvertTo-Json -InputObject (__plush.list({t}))'

echo "== keys are case-insensitive, as in PowerShell: duplicates and case variants are refused"
run -c "ConvertFrom-Json -InputObject '{\"a\":1,\"a\":2}'"
run -c "ConvertFrom-Json -InputObject '{\"a\":1,
  \"A\":2}'"
run -c "ConvertFrom-Json -InputObject '{\"Straße\":1,\"STRASSE\":2,\"x\":{\"É\":1,\"é\":2}}'"
run -c "ConvertFrom-Json -InputObject '[{\"a\":1},{\"a\":2,\"b\":{\"a\":3}}]' | ConvertTo-Json -Compress"

echo "== NUL bytes: escaped ones are kept, raw ones refused (never a cut)"
printf '[1]\0garbage{{{' > nul.json
run -c "$read_json ConvertFrom-Json -InputObject \$t | ConvertTo-Json -Compress" nul.json
run -c "local v = ConvertFrom-Json -InputObject '{\"foo\\u0000bar\":\"x\\u0000y\"}'
for _, k in ipairs(__plush.properties(v)) do print(#k, #v[k]) end
v | ConvertTo-Json -Compress"

echo "== numbers beyond int64 become doubles; beyond double they are refused with the place"
run -c "ConvertFrom-Json -InputObject '{\"big\":12345678901234567890,\"max\":9223372036854775807,\"min\":-9223372036854775808,\"under\":-9223372036854775809}' | ConvertTo-Json -Compress"
run -c "ConvertFrom-Json -InputObject '1e400'"
run -c "ConvertFrom-Json -InputObject '[1,
  -1e400]'"
run -c "print(math.type((ConvertFrom-Json -InputObject '123456789012345678901234567890')[1]))"

echo "== nulls in arrays are kept: the array's length is in its field n"
run -c "ConvertFrom-Json -InputObject '{\"a\":[null],\"b\":[[1,null]],\"c\":[1,null,2],\"d\":[null,null]}' | ConvertTo-Json -Compress"
run -c "local v = ConvertFrom-Json -InputObject '[1,null,null]' -NoEnumerate; print(#v[1], v[1].n); v | ConvertTo-Json -Compress"
echo "-- a pipeline carries no nulls: enumerated, [null] passes nothing; -NoEnumerate passes the List"
run -c "print(#(ConvertFrom-Json -InputObject '[null]'), #(ConvertFrom-Json -InputObject '[null]' -NoEnumerate))"

echo "== Import-Tenant: the same reader, named by file, line and column"
printf '{"value":[' > deep.json; python3 -c "print('['*2000 + ']'*2000 + ']}')" >> deep.json
run -c 'Import-Tenant deep.json -Format graph'
printf '{"value":[{"skuId":1e999}]}' > huge.json
run -c 'Import-Tenant huge.json -Format graph'
printf '{"value":[],\n "Value":[]}' > case.json
run -c 'Import-Tenant case.json -Format graph'
printf '{"value":[]}\0garbage' > nul-tenant.json
run -c 'Import-Tenant nul-tenant.json -Format graph'
printf '{"value":[{"assignedLicenses":[1],"userPrincipalName":"a@b.c","id":"x"}]}' > licenses.json
run -c 'Import-Tenant licenses.json -Format graph'

echo "== bytes that are not text are shown as \\xNN in the message, never raw"
printf '[\xff]' > bad-utf8.json
run -c "$read_json ConvertFrom-Json -InputObject \$t" bad-utf8.json
