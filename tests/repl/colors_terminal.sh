#!/usr/bin/env bash
# Terminal test: warnings and table headers are colored at a terminal prompt, and not with --no-color.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
esc=$'\e'
colored_screen() { tmux capture-pane -e -p -t "$session"; }

start_prompt "$1" --demo
wait_prompt
send 'Write-Warning careful' Enter
send 'Get-Tenant | Format-Table Name, Users' Enter
wait_for '^Contoso +[0-9]+$'
colored_screen | grep -q "${esc}\[33mWARNING: careful" || { echo "no warning color:" >&2; colored_screen | cat -v >&2; exit 1; }
colored_screen | grep -q "${esc}\[1m${esc}\[32mName" || { echo "no header color:" >&2; colored_screen | cat -v >&2; exit 1; }
send C-d
wait_gone
stop_prompt

start_prompt "$1" --demo --no-color
wait_prompt
send 'Write-Warning careful' Enter
send 'Get-Tenant | Format-Table Name, Users' Enter
wait_for '^Contoso +[0-9]+$'
if colored_screen | grep -q "${esc}\["; then echo "colors despite --no-color:" >&2; colored_screen | cat -v >&2; exit 1; fi
echo "colors_terminal: ok"
