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
