#!/usr/bin/env bash
# The bash completion, installed into a prefix and loaded as bash-completion loads it: options, their values, files.
# usage: completion_bash.sh BUILD_DIR PLUSH_BINARY
source "$(dirname "$0")/lib.sh"

check "cmake --install" cmake --install "$build" --prefix "$work/prefix"
help_option_names > "$work/help.options"
# The values --help lists: "table | list | json | csv", "powershell or lua".
help_values() { "$plush" --help | grep -E "^  $1 " | grep -oE '[a-z]+( (\||or) [a-z]+)+' | head -n 1 | sed -E 's/ (\||or) /\n/g' | sort | tr '\n' ' '; }

mkdir -p "$work/dir/sub" && cd "$work/dir"
touch contoso.db fabrikam.sqlite notes.txt job.plush tool.lua report.ps1 users.csv

# A fresh bash with bash-completion, told the prefix (as /usr is for the .deb); the rest is read on stdin.
bash --norc --noprofile > "$work/bash.out" 2> "$work/bash.err" <<SCRIPT
source /usr/share/bash-completion/bash_completion
export XDG_DATA_DIRS="$work/prefix/share"
# complete WORDS...: what Tab offers for the last word (empty: a new word), sorted, on one line.
complete_words() {
  COMP_WORDS=("\$@"); COMP_CWORD=\$((\$# - 1))
  COMP_LINE="\$*"; COMP_POINT=\${#COMP_LINE}; COMPREPLY=()
  _plush plush "\${COMP_WORDS[COMP_CWORD]}" "\${COMP_WORDS[COMP_CWORD - 1]}"
  echo "\$*|\$( ((\${#COMPREPLY[@]})) && printf '%s\n' "\${COMPREPLY[@]}" | sort | tr '\n' ' ')"
}
__load_completion plush || echo "not loaded"
echo "spec|\$(complete -p plush)"
echo "with value|\$(printf '%s\n' "\${_plush_options_with_value[@]}" | sort | tr '\n' ' ')"
complete_words plush -
complete_words plush --out
complete_words plush --output ''
complete_words plush --output j
complete_words plush --language ''
complete_words plush --tenant ''
complete_words plush --tenant no
complete_words plush ''
complete_words plush --demo j
complete_words plush job.plush ''
complete_words plush --demo -c 'Get-License' ''
complete_words plush --as ''
complete_words plush --now ''
complete_words plush -c ''
complete_words plush -- ''
complete_words plush - ''
SCRIPT
[ -s "$work/bash.err" ] && { fail "bash wrote to stderr:"; cat "$work/bash.err"; }

# expect WORDS EXPECTED: the line for WORDS offers exactly EXPECTED (space-separated, sorted, trailing space).
expect() {
  local got; got="$(grep -F -x -- "$1|$2" "$work/bash.out")"
  [ -n "$got" ] || fail "Tab after '$1': expected '$2', got '$(grep -F -- "$1|" "$work/bash.out" | head -n 1 | cut -d'|' -f2-)'"
}
grep -qx 'not loaded' "$work/bash.out" && fail "bash-completion does not find the completion under the prefix"
expect spec "complete -F _plush plush"
# The options Tab offers, and those it then offers no file for, are those of --help (by name, to say which differs).
grep -F -x -- "plush -|$(sort "$work/help.options" | tr '\n' ' ')" "$work/bash.out" > /dev/null || {
  grep -F -- "plush -|" "$work/bash.out" | cut -d'|' -f2 | tr ' ' '\n' | grep . | sort > "$work/tab.options"
  add_to_bash() { echo "add $1 to _plush_options in completion/plush.bash"; }
  compare_options "the bash completion (Tab after 'plush -')" add_to_bash "$work/help.options" "$work/tab.options"
}
help_option_entries | awk 'NF == 2 { print $1 }' > "$work/help.with_value"
grep -F -- "with value|" "$work/bash.out" | cut -d'|' -f2 | tr ' ' '\n' | grep . | sort > "$work/bash.with_value"
add_value_to_bash() {
  echo "it takes a value: add $1 to _plush_options_with_value in completion/plush.bash (and its values under" \
       "'case \$prev' if they are a fixed list, as for --output)"
}
compare_options "the bash completion's _plush_options_with_value" add_value_to_bash "$work/help.with_value" "$work/bash.with_value"
expect "plush --out" "--output "
expect "plush --output " "$(help_values --output)"
expect "plush --output j" "json "
expect "plush --language " "$(help_values --language)"
expect "plush --tenant " "contoso.db fabrikam.sqlite sub "
expect "plush --tenant no" "notes.txt "
expect "plush " "job.plush report.ps1 sub tool.lua "
expect "plush --demo j" "job.plush "
expect "plush job.plush " "contoso.db fabrikam.sqlite job.plush notes.txt report.ps1 sub tool.lua users.csv "
expect "plush --demo -c Get-License " "contoso.db fabrikam.sqlite job.plush notes.txt report.ps1 sub tool.lua users.csv "
expect "plush --as " ""
expect "plush --now " ""
expect "plush -c " ""
expect "plush -- " "job.plush report.ps1 sub tool.lua "
expect "plush - " "contoso.db fabrikam.sqlite job.plush notes.txt report.ps1 sub tool.lua users.csv "

finish
