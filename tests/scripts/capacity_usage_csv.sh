# Import-BotUsage: a malformed usage CSV writes nothing and names the line; a good one imports, a second
# import of it changes nothing, a corrected day is updated; Get-BotUsage -Daily | Export-Csv reads back.
$PLUSH -c '
New-Subscription -Product VIRTUAL_AGENT_BASE -Quantity 1 | Out-Null
New-Subscription -Product VIRTUAL_AGENT_USL -Quantity 1 | Out-Null
New-User -UserPrincipalName maker@contoso.com -DisplayName Maker -UsageLocation US | Out-Null
Set-UserLicense maker@contoso.com -Add VIRTUAL_AGENT_USL | Out-Null
New-Bot -Name "HR Helpdesk" -Owner maker@contoso.com | Out-Null
New-Bot -Name "IT Desk" -Owner maker@contoso.com | Out-Null
Add-BotUsage -Bot "HR Helpdesk" -Date 2026-11-01 -BilledSessions 7 | Out-Null'
state() { $PLUSH -c 'print("usage rows " .. #(Get-BotUsage -Daily) .. ", consumed " .. (Get-TenantCapacity BilledSessions).Consumed .. ", audit rows " .. #(Get-AuditLog))'; }
state

bad() {  # name, then the file's lines after the header
  local name="$1"; shift
  { echo "Date,Bot,BilledSessions"; printf '%s\n' "$@"; } > "$name.csv"
  $PLUSH -c "Import-BotUsage $name.csv"
  echo "$name: status $?"
}
echo "== each bad file is refused whole, at its line"
bad number "2026-11-01,HR Helpdesk,12" "2026-11-02,HR Helpdesk,12" "2026-11-03,IT Desk,1.5"
bad negative "2026-11-01,HR Helpdesk,12" "2026-11-02,IT Desk,-3"
bad us_date "2026-11-01,HR Helpdesk,12" "11/02/2026,HR Helpdesk,12"
bad no_such_day "2026-11-01,HR Helpdesk,12" "2026-02-30,HR Helpdesk,12"
bad unknown_bot "2026-11-01,HR Helpdesk,12" "2026-11-01,Sales Bot,4"
bad twice "2026-11-01,HR Helpdesk,12" "2026-11-02,IT Desk,3" "2026-11-01,hr helpdesk,13"
bad future "2026-11-21,HR Helpdesk,12" "2026-11-23,HR Helpdesk,12"
bad short "2026-11-01,HR Helpdesk,12" "2026-11-02,HR Helpdesk"
bad quote "2026-11-01,HR Helpdesk,12" '2026-11-02,"HR Helpdesk,12'
printf 'Day,Sessions\n2026-11-01,3\n' > header.csv
$PLUSH -c 'Import-BotUsage header.csv'
echo "header: status $?"
: > empty.csv
$PLUSH -c 'Import-BotUsage empty.csv'
echo "empty: status $?"
$PLUSH -c 'Import-BotUsage missing.csv'
echo "missing: status $?"
echo "== nothing was written"
state

echo "== a good file: the analytics export's spellings, a BOM, CRLF, blank lines, an extra column"
printf '\xef\xbb\xbfDate,Bot name,Billed sessions,Environment\r\n2026-11-01,HR Helpdesk,12,Default\r\n\r\n2026-11-02,HR Helpdesk,10,Default\r\n2026-11-01,IT Desk,4,Default\r\n2026-11-02,IT Desk,0,Default\r\n' > good.csv
$PLUSH -c 'Import-BotUsage good.csv | Format-Table'
state
echo "== again: nothing changes, no audit row"
$PLUSH -c 'Import-BotUsage good.csv | Format-Table'
state
echo "== a corrected day is updated"
sed -i 's/2026-11-02,HR Helpdesk,10/2026-11-02,HR Helpdesk,11/' good.csv
$PLUSH -c 'Import-BotUsage -Path good.csv | Format-Table Rows, Added, Updated, Unchanged
Get-AuditLog -Last 2 | Format-Table Action, Target, Detail'

echo "== round trip: the daily rows as CSV import as unchanged"
$PLUSH -c 'Get-BotUsage -Daily | Export-Csv daily.csv'
cat daily.csv
$PLUSH -c 'Import-BotUsage daily.csv | Format-Table Rows, Added, Updated, Unchanged'
echo "== Import-Csv rows bind to Add-BotUsage by property"
printf 'Date,Bot,BilledSessions\n2026-11-03,IT Desk,9\n2026-11-03,HR Helpdesk,8\n' > today.csv
$PLUSH -c 'Import-Csv today.csv | Add-BotUsage | Format-Table
Get-BotUsage | Format-Table Bot, BilledSessions, Days, UsageThrough'
