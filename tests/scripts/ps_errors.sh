# The PowerShell dialect's errors: refused before anything runs (with the construct named), a syntax error,
# incomplete input in a file, a runtime error at the .ps1 line and column with a caret, an uncaught throw
# (exit 2), non-terminating cmdlet errors (exit 1), and $ErrorActionPreference = 'Stop'.
run() {  # run NAME TEXT: TEXT as NAME.ps1 on the demo tenant
  printf '%s\n' "$2" > "$1.ps1"
  echo "== $1"
  $PLUSH --demo "$1.ps1"
  echo "status $?"
}
run refused-iex $'\'before\'\nInvoke-Expression "Get-User"'
run refused-class $'class Report { }'
run refused-type $'[System.Net.WebClient]::new()'
run unknown-command $'\'before\'\nGet-Usr -Department Sales'
run unknown-parameter $'Get-User -Departmnt Sales'
run syntax $'if ($a == 1) { \'x\' }'
run open-brace $'foreach ($u in Get-User) {\n  $u.DisplayName'
run null-method $'\'before\'\n$x = $null\n$x.Trim()\n\'after\''
run uncaught-throw $'\'before\'\nthrow "stopped here"\n\'after\''
run cmdlet-errors $'Set-UserLicense -User nobody@contoso.com -Add POWER_BI_PRO\n\'went on\''
run stop-preference $'$ErrorActionPreference = \'Stop\'\nSet-UserLicense -User nobody@contoso.com -Add POWER_BI_PRO\n\'not reached\''
run caught $'try { Set-UserLicense -User lena.schmidt@contoso.com -Add POWER_BI_PRO -ErrorAction Stop }\ncatch { "caught $($_.FullyQualifiedErrorId): $($_.Exception.Message)" }'
run divide $'$zero = 0\n"a" + (1 / $zero)'
