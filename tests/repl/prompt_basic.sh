#!/usr/bin/env bash
# Terminal test: the prompt opens on the default store, runs Get-License and an expression, and Ctrl-D leaves.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
start_prompt "$1"
wait_for '\)> ?$'
send 'Get-License' Enter
wait_for 'Product'
send '1+1' Enter
wait_for '^2$'
send 'for i = 1, 2 do' Enter
wait_for '^>> ?$'
send 'print(i * 10) end' Enter
wait_for '^20$'
send C-d
wait_gone
echo "prompt_basic: ok"
