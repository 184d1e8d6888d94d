# SIGTERM and SIGINT reach long work in C++: a regex over a big text, a JSON parse, a CSV scan,
# ConvertTo-Json of a big List, a loop in a coroutine, a wait for another process's lock, a sort of a
# big List (reliability D3, D6). Each script says when it has started, then the signal comes; the
# exit status tells how it stopped. How long that takes is measured by scripts/stop-latency, not
# here; `timeout` only turns a hang into a failing status.
signal_midway() {
  local signal=$1 script=$2
  rm -f started
  timeout -k 5 60 "$PLUSH" "$script" > run.out 2> run.err &
  local pid=$!
  for _ in $(seq 1 600); do [ -e started ] && break; sleep 0.05; done
  sleep 0.3
  kill -s "$signal" $pid
  wait $pid
  echo "status $?"
  sed 's/^/  stderr: /' run.err
}

echo "== a regex replacing in a 40 MB text"
cat > regex.plush <<'EOF'
local text = string.rep("ab", 20e6)
io.open("started", "w"):close()
while true do text = __plush.regex_replace(text, "(a)(b)", "$2$1", false) end
EOF
signal_midway TERM regex.plush

echo "== ConvertFrom-Json of a 60 MB array"
cat > json.plush <<'EOF'
local text = "[" .. string.rep('{"a":[1,2,3],"b":"x"},', 3e6) .. "0]"
io.open("started", "w"):close()
while true do ConvertFrom-Json -InputObject $text -NoEnumerate | Out-Null end
EOF
signal_midway INT json.plush

echo "== Import-Csv checking a 60 MB file before its first row"
python3 -c "
import sys
with open('big.csv', 'w') as f:
    f.write('UserPrincipalName,Department,UsageLocation\n')
    for i in range(1500000): f.write('user%07d@contoso.com,Department %d,US\n' % (i, i % 50))"
cat > csv.plush <<'EOF'
io.open("started", "w"):close()
while true do Import-Csv big.csv | Select-Object -First 1 | Out-Null end
EOF
signal_midway TERM csv.plush

echo "== ConvertTo-Json of half a million objects"
cat > tojson.plush <<'EOF'
local items = {}
for i = 1, 5e5 do items[i] = {Name = "user" .. i, Count = i} end
local list = __plush.list(items)
io.open("started", "w"):close()
while true do local text = ConvertTo-Json -InputObject $list -Compress end
EOF
signal_midway TERM tojson.plush

echo "== an endless loop in a coroutine, made by coroutine.create and by coroutine.wrap"
cat > coroutine.plush <<'EOF'
io.open("started", "w"):close()
print(coroutine.resume(coroutine.create(function() while true do end end)))
EOF
signal_midway TERM coroutine.plush
cat > wrap.plush <<'EOF'
io.open("started", "w"):close()
coroutine.wrap(function() local n = 0 while true do n = n + 1 end end)()
EOF
signal_midway INT wrap.plush

echo "== waiting for another process's lock"
# SQLite's own lock, held by sqlite3: this part is about a SQLite store whatever PLUSH_TENANT says.
export PLUSH_TENANT="$PWD/tenant.db"
$PLUSH -c 'Get-Tenant | Out-Null'
mkfifo hold
(sqlite3 tenant.db 'BEGIN IMMEDIATE;' 'UPDATE tenant SET name = name;' '.shell cat hold' 'COMMIT;' > /dev/null) &
holder=$!
for _ in $(seq 1 100); do sqlite3 tenant.db 'BEGIN IMMEDIATE; ROLLBACK;' 2>/dev/null || break; sleep 0.05; done
cat > lock.plush <<'EOF'
io.open("started", "w"):close()
New-User -UserPrincipalName ann@contoso.com -DisplayName Ann
EOF
signal_midway TERM lock.plush
timeout 5 bash -c 'echo done > hold'
wait $holder
echo "ann was not created: $($PLUSH -c 'print(#(Get-User ann@contoso.com -ErrorAction SilentlyContinue) == 0)')"

echo "== Sort-Object of two million items"
cat > sort.plush <<'EOF'
local items = {}
for i = 1, 2e6 do items[i] = (i * 7919) % 2e6 end
local list = __plush.list(items)
io.open("started", "w"):close()
while true do $list | Sort-Object | Select-Object -First 1 | Out-Null end
EOF
signal_midway INT sort.plush
