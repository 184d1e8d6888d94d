#!/usr/bin/env bash
# Terminal test: PowerShell habits at the prompt: $users.Count, # comments, cls, history, CMD -?, exit n.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
plush="$(realpath "$1")"
tmux new-session -d -s "$session" -x 200 -y 50 \
  "cd $work && env HOME=$work XDG_DATA_HOME=$work/data XDG_STATE_HOME=$work/state PLUSH_NOW=2026-11-22T09:00:00Z TERM=xterm LANG=C.UTF-8 $plush --demo; echo \"plush left with status \$?\"; sleep 5"
wait_prompt
send '$users = Get-User' Enter
wait_prompt
send '$users.Count' Enter
wait_for '^57$'
send '(Get-User -Unlicensed).Count  # the unlicensed' Enter
wait_for '^8$'
send '# a comment alone does nothing' Enter
wait_prompt
refute_screen 'SyntaxError'
send 'Set-UserLicense -?' Enter
wait_for '^EXAMPLES$'
wait_for 'PS> Set-UserLicense alice.johnson@contoso.com -Add POWER_BI_PRO'
wait_prompt
send 'cls' Enter
wait_prompt
refute_screen 'EXAMPLES'
send 'history' Enter
wait_for '^ +1 \$users = Get-User$'
wait_for '^ +5 Set-UserLicense -\?$'
send 'exit 3' Enter
wait_for '^plush left with status 3$'
echo "prompt_habits: ok"
