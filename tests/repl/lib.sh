# Helpers for terminal tests: run plush in a detached tmux session, type into it, read its screen.
session="plush-test-$$-$RANDOM"
work="$(mktemp -d)"
cleanup() { tmux kill-session -t "$session" 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT

start_prompt() {
  local plush="$1"; shift
  tmux new-session -d -s "$session" -x 120 -y 40 \
    "env HOME=$work XDG_DATA_HOME=$work/data XDG_STATE_HOME=$work/state PLUSH_NOW=2026-11-22T09:00:00Z TERM=xterm $plush $*; sleep 2"
}

send() { tmux send-keys -t "$session" "$@"; }

screen() { tmux capture-pane -p -t "$session"; }

# Wait (up to 10 s) until a line of the screen matches the extended regex.
wait_for() {
  local pattern="$1"
  for _ in $(seq 1 100); do
    if screen | grep -Eq -- "$pattern"; then return 0; fi
    sleep 0.1
  done
  echo "timed out waiting for /$pattern/; the screen:" >&2
  screen >&2
  exit 1
}

# Wait until plush has left (the pane shows no prompt and the program ended).
wait_gone() {
  for _ in $(seq 1 50); do
    if ! tmux list-panes -t "$session" -F '#{pane_current_command}' 2>/dev/null | grep -q plush; then return 0; fi
    sleep 0.1
  done
  echo "plush did not leave; the screen:" >&2
  screen >&2
  exit 1
}
