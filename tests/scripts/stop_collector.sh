# The collector is incremental in scripts and at the prompt: a generational collector's major
# collection is one uninterruptible pass over every live object, so with a big heap (ConvertFrom-Json
# of 60 MB) Ctrl-C or SIGTERM waited up to a second behind it (scripts/stop-latency --kinds json).
# collectgarbage("incremental") answers the mode it replaces.
$PLUSH --tenant t.db -c 'print(collectgarbage("incremental"))'
printf 'print(collectgarbage("incremental"))\n' | $PLUSH --tenant t.db
