# Roles: a Global Reader changes nothing, a Billing Administrator buys but cannot assign,
# a guest is licensed only by a Global Administrator.
$PLUSH -c "New-Tenant -Path '$PLUSH_TENANT' -Name Contoso -Demo | Select-Object Name, Users"
$PLUSH --as auditor@contoso.onmicrosoft.com -c 'print(#(Get-License) > 0); Set-User alice.johnson@contoso.com -Department Legal'
echo "reader: $?"
$PLUSH --as billing@contoso.onmicrosoft.com -c '
New-Subscription -Product POWER_BI_PRO -Quantity 5 | Select-Object Product, Quantity
Set-UserLicense alice.johnson@contoso.com -Add POWER_BI_PRO'
echo "billing: $?"
$PLUSH --as licensing@contoso.onmicrosoft.com -c '
$guest = Get-User -UserType Guest | Select-Object -First 1
Set-UserLicense $guest.UserPrincipalName -Add AAD_PREMIUM -UsageLocation US'
echo "license admin on a guest: $?"
$PLUSH -c '
$guest = Get-User -UserType Guest | Select-Object -First 1
Set-UserLicense $guest.UserPrincipalName -Add AAD_PREMIUM -UsageLocation US
Get-UserLicense $guest.UserPrincipalName | Select-Object SkuPartNumber, State'
echo "global admin on a guest: $?"
