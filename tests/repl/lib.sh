# Helpers for terminal tests: run plush in a detached tmux session, type into it, read its screen.
session="plush-test-$$-$RANDOM"
work="$(mktemp -d)"
# A tmux server of this test's own: with one shared server, a test whose kill-session ended the last
# session stopped the server while another test was starting its prompt ("server exited unexpectedly").
export TMUX_TMPDIR="$work"
cleanup() { tmux kill-session -t "$session" 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT

# start_prompt PLUSH [OPTIONS...]: the prompt in a 200x50 terminal, with HOME and the XDG folders in $work
# (so history and the default store survive a restart within one test, and nothing leaks out of it).
start_prompt() {
  local plush; plush="$(realpath "$1")"; shift
  tmux new-session -d -s "$session" -x 200 -y 50 \
    "cd $work && env HOME=$work XDG_DATA_HOME=$work/data XDG_STATE_HOME=$work/state PLUSH_NOW=2026-11-22T09:00:00Z TERM=xterm LANG=C.UTF-8 $plush $*; sleep 2"
}

# End the terminal (plush with it), so start_prompt may run again.
stop_prompt() { tmux kill-session -t "$session" 2>/dev/null || true; }

# Keys as tmux names them (Enter, Tab, C-c, Up); text starting with '-' is text, not an option.
send() { tmux send-keys -t "$session" -- "$@"; }

screen() { tmux capture-pane -p -t "$session"; }

# The last line of the screen that is not empty.
last_line() { screen | grep -v '^ *$' | tail -n 1; }

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

# Wait (up to 10 s) until the last line of the screen matches the extended regex.
wait_last() {
  local pattern="$1"
  for _ in $(seq 1 100); do
    if last_line | grep -Eq -- "$pattern"; then return 0; fi
    sleep 0.1
  done
  echo "timed out waiting for a last line /$pattern/; the screen:" >&2
  screen >&2
  exit 1
}

# The main prompt ("Contoso (admin@...)> ") is the last line, with what was typed after it.
wait_prompt() { if [ $# -eq 0 ]; then wait_last '\)> ?$'; else wait_last "\\)> $1\$"; fi; }

# Fail unless no line of the screen matches the extended regex.
refute_screen() {
  if screen | grep -Eq -- "$1"; then
    echo "the screen shows /$1/ but should not:" >&2
    screen >&2
    exit 1
  fi
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

# Clear the screen and tmux's scrollback between steps, so later waits see only new output.
clear_screen() { tmux send-keys -t "$session" C-l; tmux clear-history -t "$session"; sleep 0.2; }
