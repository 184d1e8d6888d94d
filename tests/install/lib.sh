# Helpers for the install tests: a scratch folder, a failure report, and the options `plush --help` names.
set -uo pipefail
export LC_ALL=C
build="$(cd "$1" && pwd)"
plush="$(cd "$(dirname "$2")" && pwd)/$(basename "$2")"
source_dir="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
failures=0

fail() { echo "FAIL: $*"; failures=$((failures + 1)); }

# check WHAT COMMAND...: run it, report it failed (with its output) unless it succeeds.
check() {
  local what="$1"; shift
  local out
  if ! out="$("$@" 2>&1)"; then fail "$what"; printf '%s\n' "$out" | head -n 20; fi
}

finish() {
  if [ "$failures" -gt 0 ]; then echo "$failures failure(s)"; exit 1; fi
  echo "ok"
}

# The option entries of `plush --help`, one a line, sorted: "--tenant PATH", "--demo", "-h", "-c TEXT", "-".
# They are the first words of its option lines ("  -h, --help   …") and the options of its usage lines.
help_option_entries() {
  "$plush" --help | awk '
    /^options:/ { in_options = 1; next }
    !in_options && /^(usage:| )/ {
      line = $0; sub(/^(usage:)? *plush \[options\] */, "", line)
      while (match(line, /(^|[ (])-[a-z-]*( [A-Z]+)?/)) {
        entry = substr(line, RSTART, RLENGTH); sub(/^[ (]/, "", entry); print entry
        line = substr(line, RSTART + RLENGTH)
      }
    }
    in_options && /^  -/ {
      tag = $0; sub(/^  /, "", tag)
      # the tag ends where the words stop being options or their one capitalised value
      n = split(tag, words, " "); tag = ""
      for (i = 1; i <= n; i++) {
        w = words[i]
        if (w ~ /^-[a-z-]*,?$/ || (w ~ /^[A-Z]+,?$/ && words[i - 1] ~ /^-/)) tag = tag (tag == "" ? "" : " ") w
        else break
      }
      m = split(tag, parts, ", ")
      for (j = 1; j <= m; j++) print parts[j]
    }' | sort -u
}

# The option names alone (no values), sorted.
help_option_names() { help_option_entries | cut -d' ' -f1 | sort -u; }

# compare_options WHERE HOW_TO_ADD HELP_LIST OTHER_LIST: one failure per option that differs, by name, so whoever
# adds an option to `plush --help` is told what to add where. The lists hold entries ("--tenant PATH") or names, one
# a line. HOW_TO_ADD is a function: given the entry as --help writes it, it says how to add it to WHERE.
compare_options() {
  local where="$1" how_to_add="$2" help_list="$3" other_list="$4" name in_help in_other
  for name in $(cut -d' ' -f1 "$help_list" "$other_list" | sort -u); do
    in_help="$(awk -v n="$name" '$1 == n' "$help_list" | paste -sd'|')"
    in_other="$(awk -v n="$name" '$1 == n' "$other_list" | paste -sd'|')"
    if [ -z "$in_other" ]; then
      fail "plush --help has option '$in_help', $where has not: $("$how_to_add" "$in_help")"
    elif [ -z "$in_help" ]; then
      fail "$where has option '$in_other', plush --help has not (src/main.cpp, kUsage): remove it from $where, or add it to --help"
    elif [ "$in_help" != "$in_other" ]; then
      fail "plush --help writes '$in_help', $where '$in_other': write them the same"
    fi
  done
}
