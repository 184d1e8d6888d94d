# Where-Object right after Get-User: a block that only compares $_'s properties with constants goes
# into the store's query (both dialects mark it). Each test is run pushed (-Verbose says what went
# into the query) and with the block run on every user (after ForEach-Object, nothing is pushed):
# the users must be the same. Case folds ASCII letters only, as plush's -eq does ('ÄRZTE' is not
# 'ärzte'); users without a department are $null; computed, list and missing properties, variables
# and side effects are not pushed.
$PLUSH -c '
New-Subscription -Product FLOW_FREE -Quantity 10 | Out-Null
New-User -UserPrincipalName ann@contoso.com -DisplayName "Ann Lee" -Department Sales -UsageLocation GB | Out-Null
New-User -UserPrincipalName bob@contoso.com -DisplayName "Bob Stone" -Department sales -UsageLocation US | Out-Null
New-User -UserPrincipalName cara@contoso.com -DisplayName "Cara Diaz" -Department SALES | Out-Null
New-User -UserPrincipalName dora@contoso.com -DisplayName "Dora Aalto" -Department ÄRZTE -UsageLocation DE | Out-Null
New-User -UserPrincipalName emil@contoso.com -DisplayName "Emil Ärger" -Department ärzte -UsageLocation DE | Out-Null
New-User -UserPrincipalName finn@contoso.com -DisplayName "Finn Berg" -Department äRZTE | Out-Null
New-User -UserPrincipalName greta@contoso.com -DisplayName "Greta Groß" -Department Straße -UsageLocation DE | Out-Null
New-User -UserPrincipalName hans@contoso.com -DisplayName "Hans Maier" -Department STRASSE -UsageLocation DE | Out-Null
New-User -UserPrincipalName ida@contoso.com -DisplayName "Ida Lind" -UsageLocation SE | Out-Null
New-User -UserPrincipalName jon@contoso.com -DisplayName "Jon Ek" -Department Marketing -UsageLocation SE | Out-Null
New-User -UserPrincipalName kim@contoso.com -DisplayName "Kim Park" -Department Marketing -UserType Guest | Out-Null
New-User -UserPrincipalName lea@contoso.com -DisplayName "Lea 100% Sure_" -Department "Zoo_%x" | Out-Null
New-User -UserPrincipalName old@contoso.com -DisplayName "Old Timer" -Department Sales | Out-Null
Set-User jon@contoso.com -AccountEnabled $false
Set-User ida@contoso.com -Department ""
Set-UserLicense ann@contoso.com -Add FLOW_FREE | Out-Null
Remove-User old@contoso.com'

names() { sed 's/@contoso.com//' | tr '\n' ' ' | sed 's/ $//'; }

while IFS= read -r test; do
  case "$test" in
    "") continue ;;
    "#"*) echo "$test"; continue ;;
  esac
  echo "{ $test }"
  for dialect in lua ps; do
    flag=()
    [ $dialect = ps ] && flag=(--ps)
    pushed=$($PLUSH "${flag[@]}" -c "Get-User | Where-Object { $test } -Verbose | ForEach-Object UserPrincipalName" 2> verbose | names)
    every=$($PLUSH "${flag[@]}" -c "Get-User | ForEach-Object { \$_ } | Where-Object { $test } | ForEach-Object UserPrincipalName" 2>&1 | names)
    echo "  $dialect: [$pushed]"
    [ "$pushed" = "$every" ] || echo "  $dialect: DIFFERS from the block run on every user: [$every]"
    sed "s/^/  $dialect: /" verbose
  done
done <<'TESTS'
# -eq, -ne: ASCII letters fold, nothing else does; ß is not ss
$_.Department -eq 'Sales'
$_.department -ieq 'sales'
$_.Department -eq 'ärzte'
$_.Department -eq 'ÄRZTE'
$_.Department -eq 'strasse'
$_.Department -eq 'Straße'
$_.Department -ne 'Sales'
$_.UserPrincipalName -eq 'ANN@CONTOSO.COM'
$_.UserType -eq 'guest'
# $null: users without a department (never set, or set to '')
$_.Department -eq $null
$_.Department -ne $null
$_.Department -eq ''
# ordering: byte order of the folded text; $null sorts first, so -lt and -le pass users without one
$_.Department -gt 'm'
$_.Department -ge 'Marketing'
$_.Department -lt 'm'
$_.Department -le 'SALES'
$_.DisplayName -lt 'c'
# -like with *: % and _ in the text are plain characters
$_.DisplayName -like 'a*'
$_.DisplayName -like '*E*'
$_.DisplayName -notlike '*e*'
$_.DisplayName -like '*100% sure_'
$_.Department -like 'zoo_*'
$_.Department -like '*ä*'
$_.Department -notlike 's*'
# not pushed: ? is a byte to plush's -like, a character to SQL; a wildcard matching an empty property
$_.DisplayName -like '?mil*'
$_.Department -like '*'
# -and, -or, -not
$_.Department -eq 'Sales' -and $_.UsageLocation -eq 'GB'
$_.Department -eq 'Sales' -or $_.UsageLocation -eq 'DE'
-not ($_.Department -eq 'Sales')
-not ($_.Department -eq 'Sales' -or $_.UsageLocation -eq $null)
($_.Department -like 's*' -or $_.Department -like 'm*') -and $_.UsageLocation -ne 'US'
$_.AccountEnabled -eq $false
$_.AccountEnabled -ne $false -and $_.Department -eq 'marketing'
$_.Department -like '*a*' -and $_.UsageLocation -eq 'de' -and $_.AccountEnabled -eq $true -and $_.DisplayName -ge 'E'
$_.UsageLocation -eq 'GB' -or $_.UsageLocation -eq 'SE' -or $_.UserType -eq 'Guest'
# a part of -and: the rest is the block's
$_.Department -eq 'Sales' -and $_.State -eq 'Active'
# not pushed: computed (State), a list (Licenses: -eq filters it), a property users do not have
$_.State -eq 'Active'
$_.Licenses -eq 'FLOW_FREE'
$_.Nickname -eq 'x'
$_.Department -eq 'Sales' -or $_.Nickname -eq $null
-not ($_.Department -eq 'Sales' -and $_.State -eq 'Active')
$_.AccountEnabled -eq 'False'
$_.Department -ceq 'Sales'
TESTS

for dialect in lua ps; do
  flag=()
  [ $dialect = ps ] && flag=(--ps)
  echo "== $dialect: Get-User -Verbose says it too"
  $PLUSH "${flag[@]}" -c 'Get-User -Verbose | Where-Object { $_.Department -eq "sales" } | Measure-Object | ForEach-Object Count' 2>&1
  echo "== $dialect: with Get-User's own parameters, both apply"
  $PLUSH "${flag[@]}" -c 'Get-User -UsageLocation DE | Where-Object { $_.Department -like "*r*" } -Verbose | ForEach-Object UserPrincipalName' 2> verbose | names
  echo
  cat verbose
done

echo "== lua: not pushed (no VERBOSE line): a variable; a side effect (the block sees every user); after another command; -OutVariable"
$PLUSH -c 'local d = "sales"
Get-User | Where-Object { $_.Department -eq $d } -Verbose | ForEach-Object UserPrincipalName' 2>&1 | names
echo
$PLUSH -c 'seen = 0
Get-User | Where-Object { seen = seen + 1; return $_.Department -eq "Sales" } -Verbose | Out-Null
print(seen)' 2>&1
$PLUSH -c 'Get-User | Sort-Object DisplayName | Where-Object { $_.Department -eq "Sales" } -Verbose | ForEach-Object UserPrincipalName' 2>&1 | names
echo
$PLUSH -c 'Get-User -OutVariable all | Where-Object { $_.Department -eq "Sales" } -Verbose | Out-Null
print(#all)' 2>&1
echo "== ps: the same; a block kept in a variable is pushed as written in place"
$PLUSH --ps -c '$b = { $_.UsageLocation -eq "de" }; Get-User | Where-Object $b -Verbose | Measure-Object | ForEach-Object Count' 2>&1
$PLUSH --ps -c '$d = "sales"; Get-User | Where-Object { $_.Department -eq $d } -Verbose | ForEach-Object UserPrincipalName' 2>&1 | names
echo
$PLUSH --ps -c '$seen = 0; Get-User | Where-Object { $script:seen++; $_.Department -eq "Sales" } -Verbose | Out-Null; $seen' 2>&1
$PLUSH --ps -c 'Get-User | Sort-Object DisplayName | Where-Object { $_.Department -eq "Sales" } -Verbose | ForEach-Object UserPrincipalName' 2>&1 | names
echo
$PLUSH --ps -c 'Get-User -OutVariable all | Where-Object { $_.Department -eq "Sales" } -Verbose | Out-Null; $all.Count' 2>&1
