#!/usr/bin/env bash
# csv-spectrum conformance: one file through Import-Csv and ConvertFrom-Csv against its json/ rows,
# and an Export-Csv -> Import-Csv round trip (-UseQuotes Always and AsNeeded) giving the same rows.
# usage: csv_spectrum.sh PLUSH_BINARY NAME     (the data: ../shared/data/conformance/csv-spectrum)
set -uo pipefail
plush="$(cd "$(dirname "$1")" && pwd)/$(basename "$1")"
name="$2"
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
suite="$here/../../../shared/data/conformance/csv-spectrum"
csv="$suite/csvs/$name.csv"
json="$suite/json/$name.json"
[ -f "$csv" ] && [ -f "$json" ] || { echo "csv-spectrum: $name: $csv or $json is missing"; exit 1; }
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
export HOME="$work" XDG_DATA_HOME="$work/data" XDG_STATE_HOME="$work/state" PLUSH_TENANT="$work/tenant.db" NO_COLOR=1
cp "$csv" "$work/$name.csv"
cd "$work"

fail=0
check() {  # what, actual rows (JSON), expected rows (JSON)
  if [ "$(jq -c . <<<"$2")" = "$(jq -c 'if type == "array" then . else [.] end' <<<"$3")" ]; then
    echo "ok   $name: $1"
  else
    echo "FAIL $name: $1"; echo "  expected: $(jq -c . <<<"$3")"; echo "  actual:   $2"; fail=1
  fi
}

deviation="$(grep -E "^$name " "$here/csv_spectrum.expected" || true)"
if [ -n "$deviation" ]; then
  # A documented refusal: Import-Csv and ConvertFrom-Csv refuse it with this error, and pass nothing on.
  want="${deviation#* refused }"
  for how in "Import-Csv $name.csv" "ConvertFrom-Csv (io.open('$name.csv', 'rb'):read('a'))"; do
    out="$("$plush" -c "$how | ConvertTo-Json -Compress -AsArray" 2>err)"
    status=$?
    got="$(head -1 err | sed -E 's/^[A-Za-z-]+: //; s/^input:/'"$name"'.csv:/')"
    id="${want%% *}"
    if [ $status -eq 1 ] && [ "$out" = "[]" ] && [ "$got" = "${want#* } ($id)" ]; then
      echo "ok   $name: ${how%% *} refuses it: $got"
    else
      echo "FAIL $name: ${how%% *}: status $status, output $out, error: $(cat err)"; echo "  expected: ${want#* } ($id)"; fail=1
    fi
  done
  exit $fail
fi

expected="$(cat "$json")"
check "Import-Csv" "$("$plush" -c "Import-Csv $name.csv | ConvertTo-Json -Compress -AsArray")" "$expected"
check "ConvertFrom-Csv" "$("$plush" -c "ConvertFrom-Csv (io.open('$name.csv', 'rb'):read('a')) | ConvertTo-Json -Compress -AsArray")" "$expected"
for quotes in Always AsNeeded; do
  "$plush" -c "Import-Csv $name.csv | Export-Csv out-$quotes.csv -UseQuotes $quotes"
  check "Export-Csv -UseQuotes $quotes, Import-Csv" "$("$plush" -c "Import-Csv out-$quotes.csv | ConvertTo-Json -Compress -AsArray")" "$expected"
done
exit $fail
