#!/usr/bin/env bash
# Terminal test: the prompt names the tenant and admin, prints expression values, Ctrl-C clears the line, Ctrl-D leaves.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
start_prompt "$1"
wait_prompt
wait_for '^Tenant \(admin@tenant\.onmicrosoft\.com\)> ?$'
send 'Get-Tenant' Enter
wait_for '^Products +: [0-9]+'
send '1+1' Enter
wait_for '^2$'
# Ctrl-C while typing abandons the line without running it.
send 'error("never run")' C-c
wait_for '^Tenant .*> error\("never run"\)\^C$'
wait_prompt
send '"after"' Enter
wait_for '^after$'
refute_screen 'never run.*ScriptError|^[^>]*never run$'
send C-d
wait_gone
echo "prompt_basic: ok"
