#!/usr/bin/env bash
# Terminal test: incomplete input (open block, trailing |) shows the continuation prompt, and runs once complete.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
start_prompt "$1" --demo
wait_prompt

send 'for i = 1, 2 do' Enter
wait_last '^>> ?$'
send 'print(i) end' Enter
wait_prompt
screen | grep -A2 -- '^>> print(i) end$' | tail -n 2 | tr '\n' ' ' | grep -Eq '^1 2 $' ||
  { echo "expected 1 and 2 after the block; the screen:" >&2; screen >&2; exit 1; }

# A trailing | continues; completion on the next line knows the pipeline's command.
clear_screen
send 'Get-Product POWER_BI_PRO |' Enter
wait_last '^>> ?$'
send 'Select-Object -Exp' Tab
wait_last '^>> Select-Object -ExpandProperty$'
send 'SkuId' Enter
wait_for '^f8a1db68-be16-40ed-86d5-cb42ce701560$'
wait_prompt

# Ctrl-C in a continuation line drops the whole statement.
clear_screen
send 'if true then' Enter
wait_last '^>> ?$'
send 'print("dropped")' C-c
wait_prompt
send 'print("kept")' Enter
wait_for '^kept$'
refute_screen '^dropped$'
echo "continuation_prompt: ok"
