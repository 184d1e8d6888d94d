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
section OPTIONS | grep -E '^ {7}-' | sed -E 's/^ +//; s/, /\n/g' | sort -u > "$work/man.options"
help_option_entries > "$work/help.options"
if ! diff -u --label "plush --help" --label "man plush: OPTIONS" "$work/help.options" "$work/man.options"; then
  fail "the page's options are not those of plush --help"
fi

# Every variable --help names has its entry under ENVIRONMENT.
section ENVIRONMENT | grep -E '^ {7}[A-Z]' | sed -E 's/^ +//' | sort -u > "$work/man.env"
"$plush" --help | grep -oE '\b[A-Z][A-Z0-9]*_[A-Z0-9_]+\b' | sort -u > "$work/help.env"
missing="$(comm -23 "$work/help.env" "$work/man.env")"
[ -n "$missing" ] && fail "plush --help names variables ENVIRONMENT does not explain: $missing"

# Every exit status --help names ("exit 124") has its entry under EXIT STATUS.
section "EXIT STATUS" | grep -E '^ {7}[0-9]' | sed -E 's/^ +//; s/, /\n/g' | sort -u > "$work/man.status"
for status in $("$plush" --help | grep -oE 'exit [0-9]+' | cut -d' ' -f2 | sort -u); do
  grep -qx "$status" "$work/man.status" || fail "plush --help names exit status $status; EXIT STATUS does not"
done

finish
