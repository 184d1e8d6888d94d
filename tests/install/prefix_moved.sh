#!/usr/bin/env bash
# cmake --install into a prefix, move the prefix, and run the installed plush from there with the checkout out of reach.
# usage: prefix_moved.sh BUILD_DIR PLUSH_BINARY
source "$(dirname "$0")/lib.sh"

check "cmake --install" cmake --install "$build" --prefix "$work/first"
mv "$work/first" "$work/moved"
prefix="$work/moved"
for file in bin/plush lib/plush/plush-postgres.so share/plush/catalog.json share/plush/demo.json share/plush/10-objects.lua \
            share/doc/plush/examples/license-alert.plush share/doc/plush/README.md \
            share/man/man1/plush.1.gz share/bash-completion/completions/plush; do
  [ -e "$prefix/$file" ] || fail "the prefix has no $file"
done

# Another folder, an empty environment, PATH the prefix's bin alone: nothing can reach the checkout.
mkdir -p "$work/elsewhere" "$work/home"
cd "$work/elsewhere"
installed() { env -i HOME="$work/home" PATH="$prefix/bin" NO_COLOR=1 PLUSH_NOW=2026-11-22T09:00:00Z "$@"; }

installed plush --demo -c Get-License > licenses.out 2> licenses.err
status=$?
[ "$status" = 0 ] || { fail "installed plush --demo -c Get-License: exit $status"; cat licenses.err; }
[ -s licenses.err ] && { fail "installed plush --demo -c Get-License wrote to stderr:"; cat licenses.err; }
grep -q '^Power BI Pro *POWER_BI_PRO *25 *25 *0 ' licenses.out || { fail "Get-License lists no Power BI Pro row:"; cat licenses.out; }
env -i HOME="$work/home" NO_COLOR=1 PLUSH_NOW=2026-11-22T09:00:00Z "$plush" --demo -c Get-License > checkout.out 2>&1
diff -u --label "build/plush" --label "installed plush" checkout.out licenses.out || fail "the installed plush lists other licenses"

# An example job from the installed docs, on a store the installed plush made; then by its #! line.
installed plush -c 'New-Tenant -Path contoso.db -Name Contoso -Demo | Out-Null' || fail "New-Tenant -Demo failed"
examples="$prefix/share/doc/plush/examples"
installed plush --tenant contoso.db "$examples/license-alert.plush" 5 > alert.out 2> alert.err
status=$?
[ "$status" = 1 ] || { fail "license-alert.plush 5: exit $status, expected 1 (products run low)"; cat alert.err; }
grep -q 'POWER_BI_PRO' alert.out || { fail "license-alert.plush 5 does not name POWER_BI_PRO:"; cat alert.out alert.err; }
installed PLUSH_TENANT=contoso.db "$examples/license-alert.plush" 5 > shebang.out 2> shebang.err
status=$?
[ "$status" = 1 ] || { fail "license-alert.plush run by #!/usr/bin/env plush: exit $status"; cat shebang.err; }
diff -u alert.out shebang.out || fail "run by its #! line, the job says something else"

# A PostgreSQL location reaches the installed store module (no server there: the store itself says so).
installed plush --tenant 'postgresql://plush@127.0.0.1:1/licenses?connect_timeout=2' -c Get-License > server.out 2>&1
grep -q 'StoreUnavailable' server.out || { fail "the installed plush did not reach its PostgreSQL store module:"; cat server.out; }

# The version and the commit it was built from.
installed plush --version > version.out
version="$(grep -E '^project\(plush VERSION' "$source_dir/CMakeLists.txt" | grep -oE '[0-9]+\.[0-9]+\.[0-9]+')"
grep -q "^plush $version (" version.out || { fail "--version does not name $version:"; cat version.out; }
if [ -e "$source_dir/.git" ]; then
  commit="$(git -C "$source_dir" rev-parse --short=12 HEAD)"
  grep -q "(commit $commit" version.out || { fail "--version does not name commit $commit:"; cat version.out; }
fi

# The data is found beside the binary: without it, a clear error naming where it looked.
rm "$prefix/share/plush/catalog.json"
installed plush --demo -c Get-License > /dev/null 2> missing.err
status=$?
[ "$status" = 2 ] || fail "with its data gone: exit $status, expected 2"
grep -qF "cannot find plush's data (catalog.json) in $prefix/share/plush" missing.err ||
  { fail "with its data gone, the error does not name $prefix/share/plush:"; cat missing.err; }
# $PLUSH_STDLIB names another data folder.
cp -r "$source_dir/stdlib" "$work/data"
[ "$(installed PLUSH_STDLIB="$work/data" plush --demo -c 'print((Get-License POWER_BI_PRO).Total)' 2>&1)" = 25 ] ||
  fail "PLUSH_STDLIB=$work/data: $(installed PLUSH_STDLIB="$work/data" plush --demo -c 'print((Get-License POWER_BI_PRO).Total)' 2>&1)"

finish
