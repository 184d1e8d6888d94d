#!/usr/bin/env bash
# JSONTestSuite conformance: every file of one class (y, n or i) through ConvertFrom-Json or Import-Tenant.
# y_ must be read with exactly the values Python's json reads, n_ refused with InvalidJson and the place,
# i_ either; nothing may crash, hang or end with anything but 0 or 1. Deviations on purpose, with their
# reasons, are in json_test_suite.expected. usage: json_test_suite.sh PLUSH_BINARY convertfrom|import y|n|i
set -uo pipefail
plush="$(cd "$(dirname "$1")" && pwd)/$(basename "$1")"
reader="$2" class="$3"
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
suite="$here/../../../shared/data/conformance/json-test-suite"
[ -d "$suite" ] || { echo "JSONTestSuite: $suite is missing"; exit 1; }
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
export HOME="$work" XDG_DATA_HOME="$work/data" XDG_STATE_HOME="$work/state" PLUSH_TENANT="$work/tenant.db" NO_COLOR=1
cd "$work"

read_file='local f = io.open(arg[1], "rb"); local t = f:read("a"); f:close()'
case "$reader" in
  convertfrom) script="$read_file
local read = ConvertFrom-Json -InputObject \$t -NoEnumerate  -- what the pipeline carried: no item is a null
if #Error > 0 then return elseif #read == 0 then print('null') else ConvertTo-Json -InputObject (read[1]) -Compress -Depth 2000 end" ;;
  import) script='Import-Tenant (arg[1]) -Format graph | Out-Null' ;;
  *) echo "usage: json_test_suite.sh PLUSH convertfrom|import y|n|i"; exit 1 ;;
esac
# The place a refusal must name: ConvertFrom-Json says "line L, column C", Import-Tenant "FILE:L:C".
case "$reader" in
  convertfrom) place='^ConvertFrom-Json: The JSON is not valid at line [0-9]+, column [0-9]+: .* \(InvalidJson\)$' ;;
  import) place='^Import-Tenant: [^:]+\.json:[0-9]+:[0-9]+: not valid JSON: .* \(InvalidJson\)$' ;;
esac

pass=0 fail=0 refused=0 accepted=0
for file in "$suite"/${class}_*.json; do
  name="$(basename "$file" .json)"
  cp "$file" "$name.json"
  timeout -k 5 30 "$plush" -c "$script" "$name.json" > out 2> err
  status=$?
  first_error="$(head -1 err)"
  deviation="$(grep -E "^$reader $name " "$here/json_test_suite.expected" | cut -d' ' -f3- || true)"
  verdict=ok
  if [ $status -gt 1 ]; then
    verdict="status $status (a crash, a hang or a terminating error): $(head -3 err)"
  elif [ -n "$deviation" ]; then
    # refused on purpose: with exactly this error, and nothing written
    [ $status = 1 ] && [ "$first_error" = "$deviation" ] && [ ! -s out ] || verdict="expected the refusal: $deviation; got status $status, $first_error"
  elif [ $status = 1 ] && ! LC_ALL=C grep -Eq "$place" <<<"$first_error" && { [ "$class" = n ] || [ "$reader" = convertfrom ]; }; then
    verdict="refused, but not as InvalidJson with the place: $first_error"
  elif [ "$class" = y ] && [ "$reader" = import ] && grep -q "not valid JSON" err; then
    verdict="a y_ file taken for invalid JSON: $first_error"
  elif [ "$class" = n ] && [ $status = 0 ]; then
    verdict="accepted an n_ file: $(head -c 200 out)"
  elif [ "$class" = y ] && [ "$reader" = convertfrom ]; then
    if [ $status != 0 ]; then verdict="refused a y_ file: $first_error"
    else
      verdict="$(python3 - "$name.json" out <<'PY'
import json, math, sys
def same(a, b):  # equal values of the same JSON kind (integer and real told apart)
    if isinstance(a, bool) or isinstance(b, bool): return a is b
    if isinstance(a, int) and isinstance(b, int): return a == b
    if isinstance(a, float) and isinstance(b, float): return a == b or (math.isnan(a) and math.isnan(b))
    if isinstance(a, list) and isinstance(b, list): return len(a) == len(b) and all(map(same, a, b))
    if isinstance(a, dict) and isinstance(b, dict): return list(a) == list(b) and all(same(a[k], b[k]) for k in a)
    return type(a) is type(b) and a == b
want = json.loads(open(sys.argv[1], 'rb').read())
try: got = json.loads(open(sys.argv[2], 'rb').read())
except ValueError as e: print('output is not JSON: %s' % e); sys.exit()
print('ok' if same(want, got) else 'values differ: expected %s, got %s' % (json.dumps(want)[:200], json.dumps(got)[:200]))
PY
)"
    fi
  fi
  [ $status = 0 ] && accepted=$((accepted + 1)) || refused=$((refused + 1))
  if [ "$verdict" = ok ]; then pass=$((pass + 1)); else fail=$((fail + 1)); echo "FAIL $name: $verdict"; fi
done
echo "JSONTestSuite ${class}_ through $reader: $pass of $((pass + fail)) as required ($accepted accepted, $refused refused)"
[ $fail = 0 ]
