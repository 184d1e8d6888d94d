#!/usr/bin/env bash
# Terminal test: a changing pipeline that runs a while shows a progress line on stderr (objects, rate,
# changes, errors, estimate) and leaves no trace of it when it ends or is stopped; none with --output json.
# Each pipeline is made slow on purpose (a busy loop per user in Where-Object), so it runs for
# seconds whatever the machine; what is asserted is what the screen shows, never how long it took.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
plush="$(realpath "$1")"
store="$work/tenant.db"
python3 "$(dirname "$0")/../../scripts/gen-tenant" --users 200 --seed 3 --now 2026-11-20T00:00:00Z --out "$store" --plush "$plush"

slow='Get-User | Where-Object { local t = os.clock() + 0.02; while os.clock() < t do end; return true }'
progress='Set-UserLicense: [0-9,]+ \([0-9]+%\), [0-9,]+/s, [0-9,]+ changed, [0-9,]+ errors?, about [0-9].* left'

# wait_long PATTERN: like wait_for, for a minute (a busy machine makes the slow pipeline slower).
wait_long() {
  for _ in $(seq 1 600); do
    if screen | grep -Eq -- "$1"; then return 0; fi
    sleep 0.1
  done
  echo "timed out waiting for /$1/; the screen:" >&2
  screen >&2
  exit 1
}

start_prompt "$plush" --tenant "$store"
wait_prompt
# Runs to the end: the line shows while it runs and is gone with it.
send "$slow | Set-UserLicense -Add FLOW_FREE" Enter
wait_long "$progress"
wait_long '\)> ?$'
refute_screen 'Set-UserLicense: [0-9,]+ '
send 'print("assigned", (Get-License FLOW_FREE).Assigned > 150)' Enter
wait_for '^assigned\s+true$'

# Stopped with Ctrl-C: the line gives way to the error, the prompt comes back, nothing of it stays.
clear_screen
send "$slow | Set-UserLicense -Remove FLOW_FREE" Enter
wait_long "$progress"
send C-c
wait_for 'PipelineStopped'
wait_prompt
refute_screen 'Set-UserLicense: [0-9,]+ '
send C-d
wait_gone
stop_prompt

# --output json: stderr carries error records, so no progress line, though it is a terminal.
start_prompt "$plush" --tenant "$store" --output json -c "'$slow | Set-UserLicense -Remove FLOW_FREE; io.stderr:write(\"run finished\\n\")'"
for _ in $(seq 1 600); do
  if screen | grep -Eq 'Set-UserLicense: [0-9,]+ '; then
    echo "a progress line showed with --output json:" >&2
    screen >&2
    exit 1
  fi
  if screen | grep -q '^run finished$'; then break; fi
  sleep 0.1
done
screen | grep -q '^run finished$' || { echo "the json run never finished; the screen:" >&2; screen >&2; exit 1; }
echo "progress_line: ok"
