#!/usr/bin/env bash
# scripts/package on the configured build: the .deb's contents, its dependencies (every library the binary
# links, by its Debian package), and the unpacked tree runs.
# usage: deb_package.sh BUILD_DIR PLUSH_BINARY
source "$(dirname "$0")/lib.sh"

deb="$(PLUSH_BUILD_DIR="$build" "$source_dir/scripts/package" "$work/out")" || { echo "FAIL: scripts/package"; exit 1; }
case "$(basename "$deb")" in
  plush_*_"$(dpkg --print-architecture)".deb) ;;
  *) fail "the package is named $(basename "$deb")" ;;
esac

dpkg-deb -I "$deb" > "$work/info" || fail "dpkg-deb -I"
dpkg-deb -c "$deb" > "$work/contents" || fail "dpkg-deb -c"
echo "--- dpkg-deb -I"; cat "$work/info"
echo "--- dpkg-deb -c"; cat "$work/contents"

for file in ./usr/bin/plush ./usr/lib/plush/plush-postgres.so ./usr/share/plush/catalog.json ./usr/share/plush/demo.json ./usr/share/plush/10-objects.lua \
            ./usr/share/doc/plush/examples/license-alert.plush ./usr/share/doc/plush/examples/bulk-assign.csv \
            ./usr/share/man/man1/plush.1.gz ./usr/share/bash-completion/completions/plush \
            ./usr/share/zsh/vendor-completions/_plush; do
  grep -qE " $file\$" "$work/contents" || fail "the package has no $file"
done
# bash-completion looks where pkg-config says; the package puts the completion there.
completions="$(pkg-config --variable=completionsdir bash-completion)"
grep -qE " .$completions/plush\$" "$work/contents" || fail "the completion is not in $completions"
grep -qE '^ Package: plush$' "$work/info" || fail "the package is not named plush"
grep -qE '^ Section: admin$' "$work/info" || fail "the package is not in section admin"

# Every library the binary and its PostgreSQL store module link (their NEEDED entries; theirs are their
# packages' business) comes from a package the .deb depends on.
depends="$(grep -oP '^ Depends: \K.*' "$work/info")"
[ -n "$depends" ] || fail "the package names no dependencies"
names="$(echo "$depends" | tr ',' '\n' | sed -E 's/^ *//; s/ .*//' | sort -u)"
for elf in "$plush" "$build/plush-postgres.so"; do
  needed="$(readelf -d "$elf" | grep -oP '\(NEEDED\).*\[\K[^]]+')"
  [ -n "$needed" ] || fail "readelf finds no NEEDED library in $elf"
  for name in $needed; do
    # "NAME => PATH", or for the dynamic loader (NEEDED by a binary with the C++ runtime linked in) "PATH (ADDRESS)".
    library="$(ldd "$elf" | grep -oP "^\s*\Q$name\E => \K/\S+|^\s*\K/\S*/\Q$name\E(?= \()")"
    [ -n "$library" ] || { fail "ldd does not find $name"; continue; }
    package="$(dpkg -S "$(realpath "$library")" 2>/dev/null | head -n 1 | cut -d: -f1)"
    [ -n "$package" ] || package="$(dpkg -S "$library" 2>/dev/null | head -n 1 | cut -d: -f1)"
    [ -n "$package" ] || { fail "no Debian package holds $library"; continue; }
    # A here-string, not `echo | grep -q`: under pipefail, grep quitting at its first match can kill echo (SIGPIPE).
    grep -qx "$package" <<< "$names" || fail "$library is in $package, which Depends does not name ($depends)"
  done
done

# apt accepts the file as `apt-get install ./plush_*.deb` would and resolves its dependencies (simulated: -s).
apt-get install -s "$deb" > "$work/apt.out" 2>&1 && grep -qE '^Inst plush ' "$work/apt.out" ||
  { fail "apt-get install -s $deb:"; tail -n 20 "$work/apt.out"; }

# Unpacked anywhere, the tree runs: the binary finds /usr/share/plush relative to itself; it is stripped.
dpkg-deb -x "$deb" "$work/root" || fail "dpkg-deb -x"
file "$work/root/usr/bin/plush" | grep -q ', stripped' || fail "the packaged binary is not stripped"
mkdir "$work/elsewhere" && cd "$work/elsewhere"
env -i HOME="$work" PATH="$work/root/usr/bin" NO_COLOR=1 plush --demo -c 'print((Get-License POWER_BI_PRO).Total)' > total.out 2>&1
[ "$(cat total.out)" = 25 ] || { fail "the unpacked plush: $(cat total.out)"; }
# ...and its PostgreSQL store module in /usr/lib/plush (no server there: the store itself says so).
env -i HOME="$work" PATH="$work/root/usr/bin" NO_COLOR=1 plush --tenant 'postgresql://plush@127.0.0.1:1/licenses?connect_timeout=2' \
  -c Get-License > server.out 2>&1
grep -q 'StoreUnavailable' server.out || { fail "the unpacked plush did not reach its PostgreSQL store module:"; cat server.out; }

finish
