# Times are live: without --now / $PLUSH_NOW every audit row and Get-Date read the clock when the
# change happens, not when the session started; with --now they are the fixed time.
unset PLUSH_NOW
cat > changes.plush <<'LUA'
New-User -UserPrincipalName a@contoso.com -DisplayName "A" -UsageLocation US | Out-Null
local first = (Get-Date).Epoch
os.execute("sleep 2")
New-User -UserPrincipalName b@contoso.com -DisplayName "B" -UsageLocation US | Out-Null
local second = (Get-Date).Epoch
local function auditTime(upn)
  for _, e in ipairs(Get-AuditLog -Target $upn) do return e.Time end
end
local ta, tb = auditTime("a@contoso.com"), auditTime("b@contoso.com")
local function epoch(iso) return (Get-Date $iso).Epoch end
print("Get-Date moved by at least the sleep:", second - first >= 2)
print("audit rows differ by at least the sleep:", epoch(tb) - epoch(ta) >= 2)
print("the second audit row is not before the second Get-Date's second:", epoch(tb) <= second)
LUA
$PLUSH changes.plush
echo "status $?"
source "$SOURCE_DIR/tests/scripts/lib/stores.sh"
export PLUSH_TENANT="$(new_store again)"  # a fresh store
echo "== with --now"
$PLUSH --now 2027-03-01T10:00:00Z -c '
New-User -UserPrincipalName a@contoso.com -DisplayName "A" -UsageLocation US | Out-Null
os.execute("sleep 1")
New-User -UserPrincipalName b@contoso.com -DisplayName "B" -UsageLocation US | Out-Null
print(Get-Date)
Get-AuditLog | Where-Object { $_.Action -eq "New-User" } | Select-Object Time, Target'
echo "status $?"
