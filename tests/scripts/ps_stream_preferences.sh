# $DebugPreference and $InformationPreference turn Write-Debug and Write-Information on, as
# $VerbosePreference does Write-Verbose (before, only $VerbosePreference was read: the other two
# printed nothing whatever they were set to). Debug and verbose lines go to stderr, information to stdout.
run() {  # run TEXT: one line of PowerShell, its stdout, then its stderr
  echo "== $1"
  $PLUSH --ps -c "$1" 2>err.txt
  echo "status $?"
  sed 's/^/stderr: /' err.txt
}
run 'Write-Debug "d1"; $DebugPreference = "Continue"; Write-Debug "d2"; $DebugPreference = "SilentlyContinue"; Write-Debug "d3"'
run 'Write-Information "i1"; $InformationPreference = "Continue"; Write-Information "i2"; Write-Information "i3" -InformationAction SilentlyContinue'
run 'Write-Verbose "v1"; $VerbosePreference = "Continue"; Write-Verbose "v2"'
run 'function f { Write-Debug "in f" }; $DebugPreference = "Continue"; f'
