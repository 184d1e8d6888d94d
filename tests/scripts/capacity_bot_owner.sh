# Bots: the tenant must own VIRTUAL_AGENT_BASE and the owner must hold VIRTUAL_AGENT_USL
# (DependencyViolation otherwise); who may register bots and record usage; removing a bot keeps its usage.
$PLUSH -c '
New-User -UserPrincipalName maker@contoso.com -DisplayName Maker -UsageLocation US | Out-Null
New-User -UserPrincipalName other@contoso.com -DisplayName Other -UsageLocation US | Out-Null'

echo "== no VIRTUAL_AGENT_BASE in the tenant"
$PLUSH -c 'New-Bot -Name "HR Helpdesk" -Owner maker@contoso.com'
echo "status $?"

echo "== the tenant license bought; the owner holds no VIRTUAL_AGENT_USL"
$PLUSH -c '
New-Subscription -Product VIRTUAL_AGENT_BASE -Quantity 1 | Out-Null
New-Subscription -Product VIRTUAL_AGENT_USL -Quantity 5 | Out-Null
New-Bot -Name "HR Helpdesk" -Owner maker@contoso.com'
echo "status $?"

echo "== licensed: the bot is made (names are unique, a bot needs a name)"
$PLUSH -c '
Set-UserLicense maker@contoso.com -Add VIRTUAL_AGENT_USL | Out-Null
New-Bot -Name "HR Helpdesk" -Owner maker@contoso.com | Format-List Name, Owner, Environment, CreatedOn, OwnerLicensed
New-Bot -Name "hr helpdesk" -Owner maker@contoso.com
New-Bot -Name " " -Owner maker@contoso.com
New-Bot -Name "Ghost" -Owner nobody@contoso.com'
echo "status $?"

echo "== roles: a reader and a user admin may not; a license or billing admin may"
$PLUSH -c '
New-User -UserPrincipalName reader@contoso.com -DisplayName Reader | Out-Null
New-User -UserPrincipalName users@contoso.com -DisplayName Users | Out-Null
New-User -UserPrincipalName licenses@contoso.com -DisplayName Licenses | Out-Null
New-User -UserPrincipalName billing@contoso.com -DisplayName Billing | Out-Null
Add-AdminRoleMember -Role GlobalReader -User reader@contoso.com
Add-AdminRoleMember -Role UserAdministrator -User users@contoso.com
Add-AdminRoleMember -Role LicenseAdministrator -User licenses@contoso.com
Add-AdminRoleMember -Role BillingAdministrator -User billing@contoso.com'
$PLUSH --as reader@contoso.com -c 'print(#(Get-Bot)); New-Bot -Name "Reader Bot" -Owner maker@contoso.com'
echo "reader: $?"
$PLUSH --as users@contoso.com -c 'Add-BotUsage -Bot "HR Helpdesk" -Date 2026-11-20 -BilledSessions 5'
echo "user admin: $?"
$PLUSH --as licenses@contoso.com -c 'New-Bot -Name "IT Desk" -Owner maker@contoso.com | Select-Object -ExpandProperty Name'
echo "license admin: $?"
$PLUSH --as billing@contoso.com -c 'Add-BotUsage -Bot "IT Desk" -Date 2026-11-20 -BilledSessions 5 | Format-Table'
echo "billing admin: $?"

echo "== the owner loses the license: the bot stays, OwnerLicensed turns False"
$PLUSH -c '
Set-UserLicense maker@contoso.com -Remove VIRTUAL_AGENT_USL | Out-Null
Get-Bot | Format-Table Name, Owner, OwnerLicensed
Get-Bot -Owner maker@contoso.com | Where-Object { -not $_.OwnerLicensed } | Select-Object -ExpandProperty Name'

echo "== removed: gone from Get-Bot, its sessions still count"
$PLUSH -c '
Get-Bot "IT Desk" | Remove-Bot
Get-Bot | Select-Object -ExpandProperty Name
Get-BotUsage | Format-Table Bot, BilledSessions, Removed
print("consumed", (Get-TenantCapacity BilledSessions).Consumed)
Remove-Bot "IT Desk"
Add-BotUsage -Bot "IT Desk" -Date 2026-11-21 -BilledSessions 1'
echo "status $?"
$PLUSH -c 'Get-AuditLog -Last 6 | Format-Table Actor, Action, Target, Detail'
