# A bulk change with refused users in the middle of its run, in both dialects: each refused user undoes
# only itself and is reported, a user who holds the product already leaves no trace, the others are
# changed; the store's rows afterwards (assignments, kept counts, audit rows with their "before" facts)
# are exactly what the rules say. Guards the per-user fast path of Get-User | Set-UserLicense.
source "$SOURCE_DIR/tests/scripts/lib/stores.sh"
$PLUSH -c 'New-Subscription -Product POWER_BI_PRO -Quantity 5 | Out-Null
New-Subscription -Product ENTERPRISEPACK -Quantity 6 | Out-Null
New-User -UserPrincipalName a1@contoso.com -DisplayName "A One" -UsageLocation US | Out-Null
New-User -UserPrincipalName a2@contoso.com -DisplayName "A Two" -UsageLocation GB | Out-Null
New-User -UserPrincipalName b1@contoso.com -DisplayName "B Nowhere" | Out-Null
New-User -UserPrincipalName c1@contoso.com -DisplayName "C Holder" -UsageLocation US | Out-Null
New-User -UserPrincipalName d1@contoso.com -DisplayName "D Guest" -UsageLocation DE -UserType Guest | Out-Null
New-User -UserPrincipalName d2@contoso.com -DisplayName "D Two" -UsageLocation US | Out-Null
New-User -UserPrincipalName e1@contoso.com -DisplayName "E Late" -UsageLocation FR | Out-Null
Set-UserLicense c1@contoso.com -Add POWER_BI_PRO | Out-Null
Set-UserLicense a2@contoso.com -Add ENTERPRISEPACK -DisabledPlans FORMS_PLAN_E3, MICROSOFTBOOKINGS | Out-Null'
echo "--- Lua dialect: short of one license, one user without a location"
$PLUSH -c 'Get-User | Set-UserLicense -Add POWER_BI_PRO'
echo "status $?"
echo "--- the same run again: only the refused ones fail again"
$PLUSH -c 'Get-User | Set-UserLicense -Add POWER_BI_PRO'
echo "status $?"
echo "--- PowerShell dialect, -Verbose, setting a missing location on the way"
$PLUSH --ps -c 'Get-User | Set-UserLicense -Add ENTERPRISEPACK -UsageLocation NL -Verbose'
echo "status $?"
echo "--- -WhatIf changes nothing"
$PLUSH -c 'Get-User | Set-UserLicense -Remove POWER_BI_PRO -WhatIf'
echo "status $?"
echo "--- a removal that fails for the users not holding it"
$PLUSH --ps -c 'Get-User | Set-UserLicense -Remove ENTERPRISEPACK'
echo "status $?"
echo "--- the store"
store_sql "SELECT u.upn, p.sku_part_number, a.group_pk, a.disabled_plans, a.state, a.error, a.message, a.last_updated
  FROM assignments a JOIN users u ON u.pk = a.user_pk JOIN products p ON p.pk = a.product_pk ORDER BY u.upn, p.sku_part_number"
store_sql "SELECT sku_part_number, assigned FROM products WHERE assigned <> 0 ORDER BY sku_part_number"
store_sql "SELECT upn, usage_location FROM users ORDER BY upn"
# Audit rows in their order without their pk: PostgreSQL's sequence skips the numbers of rolled-back rows.
store_sql "SELECT time, actor, action, target, detail, before_state, login FROM audit WHERE action <> 'New-Tenant' ORDER BY pk"
