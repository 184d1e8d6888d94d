#!/usr/bin/env bash
# Terminal test: -Confirm asks Yes / Yes to All / No / No to All at the terminal; a missing mandatory parameter is asked for.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
start_prompt "$1" --demo
wait_prompt

# No: nothing changes.
send 'Set-UserLicense adele.vance@contoso.com -Add AAD_PREMIUM_P2 -Confirm' Enter
wait_for '^Performing "Set-UserLicense" on target "adele\.vance@contoso\.com"\.?$'
wait_last '^\[Y\] Yes  \[A\] Yes to All  \[N\] No  \[L\] No to All  \[\?\] Help \(default is "Y"\): ?$'
send 'n' Enter
wait_prompt
clear_screen
send 'Get-UserLicense adele.vance@contoso.com' Enter
wait_prompt
refute_screen 'AAD_PREMIUM_P2'

# Yes: it is done.
send 'Set-UserLicense adele.vance@contoso.com -Add AAD_PREMIUM_P2 -Confirm' Enter
wait_last 'No to All'
send 'y' Enter
wait_prompt
clear_screen
send 'Get-UserLicense adele.vance@contoso.com' Enter
wait_for '^adele\.vance@contoso\.com +AAD_PREMIUM_P2'

# A missing mandatory parameter: asked for, one value per line (Tab completes it), an empty line ends the list.
clear_screen
send 'Set-UserLicense -Remove AAD_PREMIUM_P2' Enter
wait_for '^Supply values for the following parameters:$'
wait_last '^User\[0\]: ?$'
send 'adele.v' Tab
wait_last '^User\[0\]: adele\.vance@contoso\.com$'
send Enter
wait_last '^User\[1\]: ?$'
send Enter
wait_prompt
clear_screen
send 'Get-UserLicense adele.vance@contoso.com' Enter
wait_prompt
refute_screen 'AAD_PREMIUM_P2'

# Nothing typed: the mandatory parameter stays missing, and that is the error.
send 'Set-UserLicense -Remove AAD_PREMIUM_P2' Enter
wait_last '^User\[0\]: ?$'
send Enter
wait_for 'MissingMandatoryParameter'
wait_prompt
echo "questions_confirm: ok"
