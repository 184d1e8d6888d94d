# A subscription moves Enabled -> Warning -> Suspended -> Deleted as the clock (--now) moves.
$PLUSH --now 2026-11-22 -c 'New-Subscription -Product AAD_PREMIUM -Quantity 10 -ExpiresOn 2026-12-31 | Out-Null'
for day in 2026-12-30 2027-01-15 2027-02-15 2027-05-15; do
  $PLUSH --now $day -c '
local s = Get-Subscription -Product AAD_PREMIUM
local l = Get-License AAD_PREMIUM
print(arg[1], s.Status, "Total " .. (l and l.Total or 0), "ExpiringSoon " .. (l and l.ExpiringSoon or 0), "Suspended " .. (l and l.Suspended or 0))
' $day
done
