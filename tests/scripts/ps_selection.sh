# Choosing the PowerShell dialect: a .ps1 file, --ps and --language for -c and -, $PLUSH_LANGUAGE; a script's
# param( ) bound from its command line (named, positional, defaults, a missing mandatory one is exit 64),
# and -WhatIf on a script's command line setting $WhatIfPreference for its changes.
$PLUSH -c 'New-Tenant -Path t.db -Name Contoso -Demo' > /dev/null
export PLUSH_TENANT=t.db

echo "== selection"
$PLUSH --ps -c '"{0} from -c" -f "PowerShell"'
echo '"{0} from stdin" -f "PowerShell"' | $PLUSH --language powershell -
PLUSH_LANGUAGE=powershell $PLUSH -c '$PSVersionTable.PSEdition'
PLUSH_LANGUAGE=powershell $PLUSH --language lua -c 'print("Lua wins over $PLUSH_LANGUAGE")'
# the refusal and the usage's first line (the option list belongs to --help's own tests)
$PLUSH --language cobol -c '1' 2> cobol.err
echo "status $?"
head -2 cobol.err >&2

cat > assign.ps1 <<'PS'
param(
    [Parameter(Mandatory)]
    [string]$User,
    [string]$Sku = 'AAD_PREMIUM',
    [int]$Times = 1
)
"user=$User sku=$Sku times=$Times whatif=$WhatIfPreference"
Set-UserLicense -User $User -Add $Sku
PS
echo "== named, positional and default parameters"
$PLUSH assign.ps1 -User adele.vance@contoso.com -Sku EXCHANGESTANDARD -Times 2
echo "status $?"
$PLUSH assign.ps1 megan.bowen@contoso.com AAD_PREMIUM 3
echo "status $?"
echo "== -WhatIf on the script's command line"
$PLUSH assign.ps1 -User alex.wilber@contoso.com -WhatIf
echo "status $?"
$PLUSH -c 'Get-UserLicense alex.wilber@contoso.com | Where-Object SkuPartNumber -eq AAD_PREMIUM | Measure-Object | ForEach-Object { "alex holds AAD_PREMIUM: " .. tostring(_.Count) }'
echo "== usage errors: exit 64"
$PLUSH assign.ps1
echo "status $?"
$PLUSH assign.ps1 -User x -Times many
echo "status $?"
$PLUSH assign.ps1 -User x -Colour blue
echo "status $?"
