# Hostile -Filter text: nesting and size limits give InvalidFilter with the place, never a crash or a
# StoreError; numbers out of range are refused (reliability D2, D11, D13). `timeout 60` turns a hang into a failure.
run() { timeout -k 5 60 "$PLUSH" "$@" 2>&1; echo "status $?"; }
$PLUSH -c '1..0' >/dev/null 2>&1  # the store, created once
$PLUSH -c 'New-User -UserPrincipalName ann@contoso.com -DisplayName Ann -Department Sales | Out-Null'

echo "== nesting: 32 levels work, 33 are refused, and so are 10,000 '(' and 100,000 not"
run -c "print(#(Get-User -Filter (string.rep('(', 32) .. \"department eq 'Sales'\" .. string.rep(')', 32))))"
run -c "Get-User -Filter (string.rep('(', 33) .. \"department eq 'Sales'\" .. string.rep(')', 33))"
run -c "print(#(Get-User -Filter (string.rep('not ', 32) .. \"department eq 'Sales'\")))"
run -c "Get-User -Filter (string.rep('not ', 33) .. \"department eq 'Sales'\")"
echo "-- the deepest SQL: 16 times 'not (x or', 32 levels"
run -c "print(#(Get-User -Filter (string.rep(\"not (department eq 'x' or \", 16) .. \"department eq 'Sales'\" .. string.rep(')', 16))))"
run -c "Get-User -Filter (string.rep('(', 10000))"
run -c "Get-User -Filter (string.rep('not ', 100000) .. 'accountEnabled eq true')"
run -c "Get-User -Filter (string.rep('not ', 1000) .. 'accountEnabled eq true')"

echo "== size: 500 conditions work, 501 are refused; so are 20,000 'or' and 10,001 values in a list"
run -c "print(#(Get-User -Filter (\"department eq 'Sales'\" .. string.rep(\" or department eq 'x'\", 499))))"
run -c "Get-User -Filter (\"department eq 'Sales'\" .. string.rep(\" or department eq 'x'\", 500))"
run -c "Get-User -Filter (\"department eq 'Sales'\" .. string.rep(' or accountEnabled eq true', 20000))"
run -c "print(#(Get-User -Filter (\"department in ('Sales'\" .. string.rep(\",'x'\", 9999) .. ')')))"
run -c "Get-User -Filter (\"department in ('Sales'\" .. string.rep(\",'x'\", 10000) .. ')')"
run -c "print(#(Get-User -Filter (string.rep(\"department ne 'x' and \", 100) .. \"department eq 'Sales'\")))"

echo "== numbers: accountEnabled takes true or false; a number too big for any field is refused"
run -c "Get-User -Filter 'accountEnabled eq 99999999999999999999'"
run -c "Get-User -Filter 'accountEnabled eq 1' | ForEach-Object UserPrincipalName"
