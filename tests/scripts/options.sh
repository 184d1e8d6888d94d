# Command-line options and exit statuses.
$PLUSH --version | sed 's/[0-9][0-9.]*/N/'
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
