#!/usr/bin/env bash
# plush(1): the built page renders without a warning (groff -ww, man -l) and says what `plush --help` says.
# usage: man_page.sh BUILD_DIR PLUSH_BINARY
source "$(dirname "$0")/lib.sh"

page="$build/plush.1"
[ -f "$page" ] && [ -f "$page.gz" ] || { echo "FAIL: $page(.gz) was not built"; exit 1; }

groff -ww -man -Tutf8 "$page" > /dev/null 2> "$work/groff.err"
[ -s "$work/groff.err" ] && { fail "groff -ww warns:"; cat "$work/groff.err"; }
LC_ALL=C.UTF-8 MANWIDTH=200 man --warnings=w -l "$page.gz" > "$work/page.txt" 2> "$work/man.err"
[ -s "$work/man.err" ] && { fail "man -l warns:"; cat "$work/man.err"; }

for section in NAME SYNOPSIS DESCRIPTION OPTIONS ENVIRONMENT "EXIT STATUS" FILES EXAMPLES; do
  grep -qx "$section" "$work/page.txt" || fail "the page has no $section section"
done

# section NAME: the page's text under that heading.
section() { awk -v name="$1" '/^[A-Z]/ { inside = ($0 == name); next } inside' "$work/page.txt"; }

# The options: each tag of OPTIONS ("--tenant PATH", "-h, --help") against --help's option entries.
page_source="doc/plush.1.scd"
section OPTIONS | grep -E '^ {7}-' | sed -E 's/^ +//; s/, /\n/g' | sort -u > "$work/man.options"
help_option_entries > "$work/help.options"
# "--timeout DURATION" is written "*--timeout* _DURATION_" in the page's source.
add_to_page() {
  local tag; tag="$(echo "$1" | sed -E 's/^([^ ]+)/*\1*/; s/ ([A-Z]+)$/ _\1_/')"
  echo "add '$tag' and a tab-indented line of what it does under OPTIONS in $page_source"
}
compare_options "the man page ($page_source, OPTIONS)" add_to_page "$work/help.options" "$work/man.options"

# Every variable --help names has its entry under ENVIRONMENT.
section ENVIRONMENT | grep -E '^ {7}[A-Z]' | sed -E 's/^ +//' | sort -u > "$work/man.env"
for variable in $("$plush" --help | grep -oE '\b[A-Z][A-Z0-9]*_[A-Z0-9_]+\b' | sort -u); do
  grep -qx "$variable" "$work/man.env" ||
    fail "plush --help names \$$variable, the man page has no entry for it: add '*$variable*' and a tab-indented line of what it does under ENVIRONMENT in $page_source"
done

# Every exit status --help names ("exit 124") has its entry under EXIT STATUS.
section "EXIT STATUS" | grep -E '^ {7}[0-9]' | sed -E 's/^ +//; s/, /\n/g' | sort -u > "$work/man.status"
for status in $("$plush" --help | grep -oE 'exit [0-9]+' | cut -d' ' -f2 | sort -u); do
  grep -qx "$status" "$work/man.status" ||
    fail "plush --help names exit status $status, the man page has no entry for it: add '*$status*' and a tab-indented line of when under EXIT STATUS in $page_source"
done

finish
