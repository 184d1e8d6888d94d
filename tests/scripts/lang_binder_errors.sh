# Every binder error id, each with its place: a binding error stops the script (status 2), an unbound input object does not (1);
# a parameter name no command has is found before the script runs.
run() { echo "\$ $1"; $PLUSH -c "$1" 2>&1; echo "status $?"; }
run 'Get-User -Bogus x'
run 'Set-UserLicense ann@contoso.com -Disable x'
run 'New-User -DisplayName "Ann Lee"'
run 'New-Subscription -Product POWER_BI_PRO -Quantity lots'
run 'Get-User -UserType Robot'
run 'Get-Date -Date 2026-13-45'
run 'Where-Object -FilterScript { $_ } -Property Department'
run 'ForEach-Object -MemberName Id -Begin { 1 }'
run 'Get-License POWER_BI_PRO SPE_E5'
run 'Get-User -Department'
run 'Get-User -Department Sales -Department IT'
run 'Get-User -Department Sales, IT'
run "'x', 'y' | Get-Date"
run 'Get-Date | Set-UserLicense -Add POWER_BI_PRO'
run 'print(pcall(function() Get-User -Bogus x end))'
echo "# a bad parameter name is found before anything runs: nothing is printed, nothing is changed"
run 'print("ran"); New-User -UserPrincipalName ann@contoso.com -DisplayName Ann; Get-User -Deprtment Sales'
run 'Get-User ann@contoso.com'
