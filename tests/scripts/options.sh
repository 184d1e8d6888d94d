# Command-line options and exit statuses.
$PLUSH --version | sed -E 's/^plush [0-9]+\.[0-9]+\.[0-9]+ \((commit [0-9a-f]{12}|built from a source tree without git).*/plush N (\1)/; s/commit [0-9a-f]{12}/commit C/'
echo "status $?"
$PLUSH --bogus >/dev/null 2>&1
echo "bad option: $?"
$PLUSH --output yaml -c 'print(1)' >/dev/null 2>&1
echo "bad output: $?"
$PLUSH -c 'print(arg[1], arg[2])' one two
echo "status $?"
echo 'print("from stdin")' | $PLUSH -
echo "status $?"
$PLUSH -c 'error("boom")' 2>/dev/null
echo "error: $?"
$PLUSH -c 'Write-Error "bad"' 2>/dev/null
echo "non-terminating: $?"
$PLUSH -c 'if then' 2>/dev/null
echo "syntax: $?"
$PLUSH missing-file.plush 2>/dev/null
echo "missing file: $?"
