#!/usr/bin/env bash
# Terminal test: the history file stays 0600 when the prompt trims and rewrites it, whatever the umask
# (reliability D10: it became 0644).
set -euo pipefail
source "$(dirname "$0")/lib.sh"
mkdir -p "$work/state/plush"
history="$work/state/plush/history"
for i in $(seq 1 2500); do echo "Write-Output \"line $i\""; done > "$history"
chmod 600 "$history"
# plush under a umask that would give 0644
printf '#!/bin/sh\numask 022\nexec %s "$@"\n' "$(realpath "$1")" > "$work/plush-umask-022"
chmod +x "$work/plush-umask-022"
start_prompt "$work/plush-umask-022" --demo
wait_prompt
send 'Write-Output "marker"' Enter
wait_for '^marker$'
send C-d
wait_gone
stop_prompt
lines=$(wc -l < "$history")
mode=$(stat -c %a "$history")
[ "$lines" -le 1001 ] || { echo "history not trimmed: $lines lines" >&2; exit 1; }
[ "$mode" = 600 ] || { echo "history mode after trimming: $mode, not 600" >&2; exit 1; }
tail -1 "$history" | grep -q marker || { echo "the last entry is not the new one: $(tail -1 "$history")" >&2; exit 1; }
echo "history_private: ok ($lines lines, mode $mode)"
