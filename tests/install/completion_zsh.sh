#!/usr/bin/env bash
# The zsh completion, installed into a prefix and found on zsh's $fpath by compinit: Tab in a real zsh (tmux).
# usage: completion_zsh.sh BUILD_DIR PLUSH_BINARY
source "$(dirname "$0")/lib.sh"
session="plush-zsh-$$-$RANDOM"
export TMUX_TMPDIR="$work"  # a tmux server of this test's own (see tests/repl/lib.sh)
trap 'tmux kill-session -t "$session" 2>/dev/null; rm -rf "$work"' EXIT

check "cmake --install" cmake --install "$build" --prefix "$work/prefix"
mkdir -p "$work/dir" && cd "$work/dir"
touch contoso.db notes.txt job.plush

# The options the completion knows are those of --help (but - and --, which are not options to zsh).
completion="$work/prefix/share/zsh/vendor-completions/_plush"
[ -f "$completion" ] || { echo "FAIL: the prefix has no $completion"; exit 1; }
grep -oP "(?<![^ '{,)])--?[a-z][a-z-]*(?=[\\[,}])" "$completion" | sort -u > "$work/zsh.options"
help_option_names | grep -vxE -- '--?' > "$work/help.options"
add_to_zsh() {
  echo "add a line '$1[what it does]' to _arguments in completion/_plush (with ':what:' after the ] if it takes a value)"
}
compare_options "the zsh completion (completion/_plush)" add_to_zsh "$work/help.options" "$work/zsh.options"
# Those that take a value have a ':' after their description.
grep -oP "(?<![^ '{,)])--?[a-z][a-z-]*(?=\[[^]]*\]:)" "$completion" | sort -u > "$work/zsh.with_value"
help_option_entries | awk 'NF == 2 { print $1 }' > "$work/help.with_value"
add_value_to_zsh() { echo "it takes a value: write '$1[what it does]:what: ' in completion/_plush"; }
compare_options "the zsh completion's options taking a value" add_value_to_zsh "$work/help.with_value" "$work/zsh.with_value"

screen() { tmux capture-pane -p -t "$session"; }
# wait_for REGEX: up to 10 s until a line of the screen matches.
wait_for() {
  for _ in $(seq 1 100); do screen | grep -Eq -- "$1" && return 0; sleep 0.1; done
  fail "the screen never showed /$1/:"; screen | grep -v '^$'; return 1
}
# A line typed at the prompt: clear it first, then the keys.
type_line() { tmux send-keys -t "$session" C-u; tmux send-keys -t "$session" -- "$@"; }

tmux new-session -d -s "$session" -x 160 -y 40 \
  "cd $work/dir && env -i HOME=$work TERM=xterm LC_ALL=C PATH=$work/prefix/bin:/usr/bin:/bin zsh -f"
tmux send-keys -t "$session" "PS1='zsh> '; fpath=($work/prefix/share/zsh/vendor-completions \$fpath)" Enter
tmux send-keys -t "$session" "autoload -U compinit && compinit -u -D && print compdef=\$_comps[plush]" Enter
wait_for '^compdef=_plush$' || exit 1

type_line 'plush --out' Tab
wait_for '^zsh> plush --output *$'
tmux send-keys -t "$session" Tab
wait_for 'csv +json +list +table'
type_line 'plush --langu' Tab
wait_for '^zsh> plush --language *$'
tmux send-keys -t "$session" Tab
wait_for 'lua +powershell'
type_line 'plush --tenant ' Tab
wait_for '^zsh> plush --tenant contoso.db *$'
type_line 'plush --demo ' Tab
wait_for '^zsh> plush --demo job.plush *$'
type_line 'plush --ver' Tab
wait_for '^zsh> plush --version *$'

finish
