#!/usr/bin/env bash
# plush --version names the commit: cmake/build_info.cmake on a clean checkout, a changed one, and a tree without git.
# usage: version_commit.sh BUILD_DIR PLUSH_BINARY
source "$(dirname "$0")/lib.sh"

# built_from DIR: the kBuiltFrom text the build would compile in for a source tree at DIR.
built_from() {
  cmake -DSOURCE_DIR="$1" -DVERSION=9.8.7 -DOUT="$work/build_info.cpp" -P "$source_dir/cmake/build_info.cmake" &&
    grep -oP 'kBuiltFrom = "\K[^"]*' "$work/build_info.cpp"
}

mkdir "$work/tree"
echo 'one' > "$work/tree/file"
[ "$(built_from "$work/tree")" = "built from a source tree without git: no commit recorded" ] ||
  fail "a tree without .git: $(built_from "$work/tree")"

git -C "$work/tree" init -q
git -C "$work/tree" add file
git -C "$work/tree" -c user.name=t -c user.email=t@example.org commit -q -m one
commit="$(git -C "$work/tree" rev-parse --short=12 HEAD)"
[ "$(built_from "$work/tree")" = "commit $commit" ] || fail "a clean checkout: $(built_from "$work/tree")"
grep -q 'kVersion = "9.8.7"' "$work/build_info.cpp" || fail "the version is not 9.8.7"

echo 'two' > "$work/tree/file"
[ "$(built_from "$work/tree")" = "commit $commit, with uncommitted changes" ] ||
  fail "a changed checkout: $(built_from "$work/tree")"

# A tree without .git inside another checkout names no commit (not the outer one's).
mkdir "$work/tree/unpacked"
[ "$(built_from "$work/tree/unpacked")" = "built from a source tree without git: no commit recorded" ] ||
  fail "a tree inside another checkout: $(built_from "$work/tree/unpacked")"

# The file is rewritten only when its text changes, so an unchanged commit rebuilds nothing.
built_from "$work/tree" > /dev/null
touch -d '2000-01-01' "$work/build_info.cpp"
built_from "$work/tree" > /dev/null
[ "$(stat -c %Y "$work/build_info.cpp")" = "$(date -d 2000-01-01 +%s)" ] || fail "an unchanged text was rewritten"

# The binary under test says the same for its own checkout.
"$plush" --version | grep -qE '^plush [0-9]+\.[0-9]+\.[0-9]+ \((commit [0-9a-f]{12}|built from a source tree without git)' ||
  fail "plush --version: $("$plush" --version)"

finish
