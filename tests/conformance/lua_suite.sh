#!/usr/bin/env bash
# One file of the official Lua 5.4.4 test suite, run under lua5.4 and under plush from a fresh copy of the suite.
# usage: lua_suite.sh PLUSH_BINARY MODE FILE      MODE: port (_port, _soft) or full
# Passes when plush runs the file to the end (status 0, no PANIC; all.lua also prints "final OK") wherever
# lua5.4 does; when lua5.4 itself fails the file, the test is skipped (status 77) and says why.
set -uo pipefail

plush="$(cd "$(dirname "$1")" && pwd)/$(basename "$1")"
mode="$2"
file="$3"
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
suite="$here/../../../shared/data/conformance/lua-5.4.4-tests"
if [ ! -f "$suite/$file" ]; then
  echo "the Lua test suite is missing: $suite/$file (see ../shared/data/conformance/README.md)"
  exit 1
fi
if ! command -v lua5.4 > /dev/null; then
  echo "lua5.4 is not installed (scripts/setup installs Debian's lua5.4)"
  exit 1
fi

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cp -r "$suite/." "$work/"
cd "$work"
export HOME="$work" XDG_DATA_HOME="$work/data" XDG_STATE_HOME="$work/state" NO_COLOR=1
unset PLUSH_TENANT PLUSH_NOW PLUSH_AS

case "$mode" in
  port)
    # The flags go on line 1, so every line keeps its number; a '#' first line (all.lua's #!) gives way to them.
    flags='_port = true; _soft = true; '
    if head -c1 "$file" | grep -q '#'; then sed -i "1s/.*/$flags/" "$file"; else sed -i "1s/^/$flags/" "$file"; fi ;;
  full)
    # attrib.lua loads the C modules of libs/ (as the suite's makefile builds them).
    for lib in lib1 lib11 lib2 lib21; do
      gcc -Wall -std=gnu99 -O2 -I/usr/include/lua5.4 -fPIC -shared -o "libs/$lib.so" "libs/$lib.c" || exit 1
    done
    gcc -Wall -std=gnu99 -O2 -I/usr/include/lua5.4 -fPIC -shared -o libs/lib2-v2.so libs/lib22.c || exit 1 ;;
  *) echo "unknown mode $mode"; exit 1 ;;
esac

# files.lua seeks on its standard input, so both read a pipe; both have the same time to finish.
run() { echo | timeout 600 "$@" > out.txt 2>&1; }
passed() {
  local status=$1
  [ "$status" = 0 ] || return 1
  ! grep -q 'PANIC' out.txt || return 1
  [ "$file" != all.lua ] || grep -q 'final OK' out.txt
}

run lua5.4 "$file"
status=$?
if ! passed $status; then
  echo "lua5.4 fails $file in $mode mode too (status $status), so plush is not asked to pass it:"
  tail -n 5 out.txt
  exit 77
fi
mv out.txt lua.txt

# The suite dumps and loads binary chunks (string.dump, load(..., "b")), which plush refuses unless told, for
# this suite only: a damaged chunk crashes the VM (README, "Plain Lua runs as lua5.4 runs it").
run "$plush" --no-color --lua-test-suite-binary-chunks "$file"
status=$?
if passed $status; then
  echo "$file ($mode): passes under lua5.4 and under plush"
  exit 0
fi
echo "$file ($mode): passes under lua5.4, FAILS under plush (status $status):"
tail -n 30 out.txt
exit 1
