# examples/*.ps1 against their Lua twins examples/*.plush: each pair runs on copies of one demo store with
# the same arguments, and must leave the same tenant (Export-Tenant), write the same output and exit alike.
cp "$EXAMPLES_DIR"/*.plush "$EXAMPLES_DIR"/*.ps1 "$EXAMPLES_DIR"/bulk-assign.csv .
$PLUSH -c 'New-Tenant -Path demo.db -Name Contoso -Demo' > /dev/null
$PLUSH --tenant demo.db -c 'Export-Tenant demo.json'

twin() {  # twin [OPTIONS...] JOB [ARGS...]: JOB.plush and JOB.ps1 on copies of demo.db
  local options=() job
  while [ "${1#--}" != "$1" ]; do
    if [ "$1" = --what-if ]; then options+=("$1"); shift; else options+=("$1" "$2"); shift 2; fi
  done
  job="$1"; shift
  cp demo.db lua.db; cp demo.db ps.db
  $PLUSH --tenant lua.db "${options[@]}" "$job.plush" "$@" > lua.out 2> lua.err; local lua=$?
  $PLUSH --tenant ps.db "${options[@]}" "$job.ps1" "$@" > ps.out 2> ps.err; local ps=$?
  $PLUSH --tenant lua.db -c 'Export-Tenant lua.json'
  $PLUSH --tenant ps.db -c 'Export-Tenant ps.json'
  local verdict="same tenant"
  cmp -s lua.json ps.json || verdict="DIFFERENT TENANTS"
  cmp -s lua.out ps.out && verdict="$verdict, same output" || verdict="$verdict, DIFFERENT OUTPUT"
  [ "$lua" = "$ps" ] && verdict="$verdict, both exit $ps" || verdict="$verdict, EXIT $lua (Lua) and $ps (PowerShell)"
  echo "$(echo "${options[*]} $job $*" | sed 's/^ //; s/ $//'): $verdict"
  cmp -s demo.json lua.json && echo "  (the job changed nothing)"
}

twin bulk-assign bulk-assign.csv
twin bulk-assign missing.csv
twin --what-if bulk-assign bulk-assign.csv

twin reclaim-licenses 90
twin reclaim-licenses 5
twin reclaim-licenses soon
twin license-alert
twin license-alert 5
twin license-alert 50% SPE_E3 SPE_E5
twin license-alert 150%
twin fix-license-errors
twin swap-products ENTERPRISEPACK SPE_E3
twin swap-products "Office 365 E3" "Microsoft 365 E3"
twin swap-products ENTERPRISEPACK SPE_E5
twin expiring-report
twin expiring-report 7
twin --now 2027-02-15T00:00:00Z expiring-report 30
