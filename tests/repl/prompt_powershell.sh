#!/usr/bin/env bash
# Terminal test: --ps makes the prompt speak PowerShell (PS ...> prompt), asks for more on incomplete input
# (open brace, trailing |, open here-string), keeps variables and functions between lines, completes a
# function defined at the prompt, and reports errors at the place with a caret.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
start_prompt "$1" --demo --ps
wait_last '^PS Contoso \(admin@contoso\.onmicrosoft\.com\)> ?$'

send '$n = (Get-User -Department Sales).Count' Enter
wait_prompt
send '"Sales has $n users"' Enter
wait_for '^Sales has 12 users$'

# An open brace asks for more; the block runs once it is closed.
send 'foreach ($i in 1..2) {' Enter
wait_last '^>> ?$'
send '  "item $i"' Enter
wait_last '^>> ?$'
send '}' Enter
wait_for '^item 2$'
wait_prompt

# A trailing | continues on the next line.
clear_screen
send 'Get-License |' Enter
wait_last '^>> ?$'
send 'Where-Object { $_.Available -eq 0 } | ForEach-Object SkuPartNumber' Enter
wait_for '^POWER_BI_PRO$'
wait_prompt

# A function defined at the prompt is a command: it runs, and Tab completes its name and parameters.
clear_screen
send 'function Get-Greeting { param([string]$Name) "Hello, $Name" }' Enter
wait_prompt
send 'Get-Greet' Tab
wait_last 'PS Contoso .*> Get-Greeting ?$'
send '-Na' Tab
wait_last 'PS Contoso .*> Get-Greeting -Name ?$'
send 'Ann' Enter
wait_for '^Hello, Ann$'
wait_prompt

# An error names the place with a caret; the prompt goes on.
clear_screen
send '$x = $null; $x.Trim()' Enter
wait_for 'stdin:1:16: You cannot call a method on a null-valued expression. \(InvokeMethodOnNull\)'
wait_for '^ +\^~~~$'
wait_prompt
send 'exit' Enter
wait_gone
echo "prompt_powershell: ok"
