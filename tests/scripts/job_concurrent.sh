# Four processes assign 40 users each against 100 licenses at once: exactly 100 assigned, 60 CountViolation.
source "$SOURCE_DIR/tests/scripts/lib/stores.sh"
$PLUSH -c '
New-Subscription -Product POWER_BI_PRO -Quantity 100 | Out-Null
for i = 1, 160 do
  New-User -UserPrincipalName "user$i@contoso.com" -DisplayName "User $i" -UsageLocation US | Out-Null
end
'
echo "setup status $?"

cat > assign.plush <<'SCRIPT'
-- One of four workers: says it is ready, waits for the start signal (its stdin closing), assigns 40 users.
local worker = tonumber(arg[1])
io.open("ready." .. worker, "w"):close()
io.read("a")
for i = (worker - 1) * 40 + 1, worker * 40 do
  Set-UserLicense "user$i@contoso.com" -Add POWER_BI_PRO
end
SCRIPT

pids=()
for worker in 1 2 3 4; do
  (while [ ! -e go ]; do sleep 0.01; done) | $PLUSH --output json assign.plush $worker > out.$worker 2> err.$worker &
  pids+=($!)
done
while [ "$(ls ready.* 2> /dev/null | wc -l)" -lt 4 ]; do sleep 0.01; done
touch go
statuses_ok=yes
for worker in 1 2 3 4; do
  wait "${pids[$((worker - 1))]}"
  status=$?
  violations=$(grep -c '"Id":"CountViolation"' err.$worker)
  # A worker that met a CountViolation must say so with status 1; one that did not, with 0.
  if [ "$violations" -gt 0 ] && [ "$status" != 1 ]; then statuses_ok=no; fi
  if [ "$violations" -eq 0 ] && [ "$status" != 0 ]; then statuses_ok=no; fi
done
echo "exit statuses match the errors reported: $statuses_ok"

cat err.* | grep -c '"Id":"CountViolation"' | sed 's/^/CountViolation errors: /'
cat err.* | grep -v '"Id":"CountViolation"' | sed 's/^/other error: /'
cat out.* | sed 's/^/unexpected output: /'

$PLUSH -c '
local l = Get-License POWER_BI_PRO
print("Total " .. l.Total .. ", Assigned " .. l.Assigned .. ", Available " .. l.Available)
print("users holding it: " .. #(Get-User -Product POWER_BI_PRO))
'
# Every user either holds the license or was told why not: no change lost, none made twice.
$PLUSH -c 'Get-User -Product POWER_BI_PRO | ForEach-Object { $_.UserPrincipalName }' > holders.txt
cat err.* | sed -n 's/.*"Target":"\([^"]*\)".*/\1/p' > refused.txt
echo "holders and refused users together: $(sort holders.txt refused.txt | uniq | wc -l) distinct, $(cat holders.txt refused.txt | wc -l) in all"
store_integrity
