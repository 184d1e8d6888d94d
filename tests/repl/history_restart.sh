#!/usr/bin/env bash
# Terminal test: history survives a restart (multi-line statements kept whole) and Ctrl-R finds an earlier command.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
start_prompt "$1" --demo
wait_prompt
send 'Write-Output "marker-one"' Enter
wait_for '^marker-one$'
send 'for i = 1, 2 do' Enter
wait_last '^>> ?$'
send 'print("loop" .. i) end' Enter
wait_for '^loop2$'
send 'Write-Output "marker-two"' Enter
wait_for '^marker-two$'
send C-d
wait_gone
stop_prompt
[ -s "$work/state/plush/history" ] || { echo "no history file in \$XDG_STATE_HOME/plush" >&2; exit 1; }

start_prompt "$1" --demo
wait_prompt
# Up twice: the multi-line loop comes back as one entry and runs again.
send Up
wait_for 'marker-two'
send Up
wait_for 'for i = 1, 2 do'
send Enter
wait_for '^loop2$'
wait_prompt

# Ctrl-R: an incremental search back through the history of the earlier session.
clear_screen
send C-r
send 'r-on'
wait_for 'Write-Output "marker-one"'
send Enter
wait_for '^marker-one$'
wait_prompt
echo "history_restart: ok"
