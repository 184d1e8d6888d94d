# Regular expressions run on PCRE2 with match limits: no crash, no hang, .NET syntax (reliability D3).
# `timeout 20` turns a hang into a failing status; no timing is asserted.
run() { timeout -k 5 20 "$PLUSH" --demo "$@" 2>&1; echo "status $?"; }

echo "== a 100,000-character string: an answer, not a stack overflow"
run -c "local s = string.rep('a', 100000); print(#(Write-Output \$s | Where-Object { \$_ -match '(a|b)*c' }))"
run -c "local s = string.rep('a', 100000) .. 'c'; print(#(Write-Output \$s | Where-Object { \$_ -match '(a|b)*c' }))"
run -c "local s = string.rep('ab', 50000); print(s -match '^(ab)*\$', s -match '^(?:a|b)*\$')"

echo "== exponential backtracking ends with RegexTooComplex, or with the answer"
run -c "print(#(Write-Output 'x' | Where-Object { string.rep('a', 30) -match '(a*)*b' }))"
run -c "print(string.rep('a', 40) .. '!' -match '^(a+)+\$')"
run -c "local ok, e = pcall(function() return string.rep('a', 40) .. '!' -match '^(a|aa)+\$' end); print(ok, e.Id, e.Category)"

echo "== .NET syntax: named groups, classes, Unicode, case"
run -c "print('2026-11-22' -match [[^(?<year>\d{4})-(?<month>\d\d)]], 'ÉCOLE' -match 'école', 'ÉCOLE' -cmatch 'école')"
run -c "print('Ünïcödé' -match [[^\w+\$]], 'a.b' -match [[a\.b]], 'a-b' -match [[a\.b]], 'line1\nline2' -match '^line2', 'tab\there' -match [[\s]])"
run -c "print('x' -match '(?i)X', 'abc' -notmatch 'd', ('POWER_BI_PRO' -match '_(PRO|STANDARD)\$'))"
run -c "Get-User | Where-Object UserPrincipalName -Match '^(adele|alex)\\.' | ForEach-Object UserPrincipalName"

echo "== a bad pattern is InvalidRegularExpression naming it"
run -c "print('a' -match '(')"
run -c "print('a' -match '[z-a]')"

echo "== bytes that are not UTF-8 are never an error: no pattern item matches them"
run -c "print(('caf' .. string.char(233)) -match 'caf', ('caf' .. string.char(233)) -match 'caf.', string.char(255, 254) -match '^..\$')"
