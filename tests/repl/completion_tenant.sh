#!/usr/bin/env bash
# Terminal test: Tab completes command names, parameter names, products, demo users and the plans of the product given.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
start_prompt "$1" --demo
wait_prompt

# A command name, ignoring case; then a parameter name of that command.
send 'set-userl' Tab
wait_prompt 'Set-UserLicense'
send '-Ad' Tab
wait_prompt 'Set-UserLicense -Add'

# Several products: both are listed and their common part is inserted.
send 'POWER_B' Tab
wait_for '^POWER_BI_PRO +POWER_BI_STANDARD$'
wait_prompt 'Set-UserLicense -Add POWER_BI_'
send 'P' Tab
wait_prompt 'Set-UserLicense -Add POWER_BI_PRO'

# Demo users: "al" names two, listed; one more letter picks one.
send '-User al' Tab
wait_for '^alex\.wilber@contoso\.com +alice\.johnson@contoso\.com$'
send 'i' Tab
wait_prompt 'Set-UserLicense -Add POWER_BI_PRO -User alice\.johnson@contoso\.com'

# Plans of the product named by -Add, and only those.
clear_screen
send '-DisabledPlans ' Tab
wait_for 'BI_AZURE_P2'
refute_screen 'EXCHANGE_S_ENTERPRISE|SHAREPOINTENTERPRISE'
send 'bi_az' Tab
wait_prompt 'Set-UserLicense -Add POWER_BI_PRO -User alice\.johnson@contoso\.com -DisabledPlans BI_AZURE_P2'

# What completion wrote runs.
send Enter
wait_prompt
clear_screen
send 'Get-UserLicense alice.johnson@contoso.com' Enter
wait_for '^alice\.johnson@contoso\.com +POWER_BI_PRO +\{Direct\} +Active +\{BI_AZURE_P2\}'

# An enum value, a role, a Lua field, an alias after |.
send 'Get-Subscription -Status su' Tab
wait_prompt 'Get-Subscription -Status Suspended'
send C-c
send 'Add-AdminRoleMember -Role licen' Tab
wait_prompt 'Add-AdminRoleMember -Role LicenseAdministrator'
send C-c
send 'string.fo' Tab
wait_prompt 'string\.format'
send C-c
send 'Get-User | sel' Tab
wait_for '^select +Select-Object +Select-String$'
send C-c

# Inside a quote a display name completes, in its own case, and the quote is closed.
send "Get-Product 'power bi pre" Tab
wait_prompt "Get-Product 'Power BI Premium Per User'"
send Enter
wait_for '^SkuPartNumber +: PBI_PREMIUM_PER_USER$'
echo "completion_tenant: ok"
