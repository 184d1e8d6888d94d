# The shell's own words in Lua-dialect scripts: # comments, exit [n], CMD -?, and a pipeline tested as a condition.
cat > words.plush <<'LUA'
print("one") # a comment after a statement
# a comment on its own line, with an apostrophe: we shouldn't stop here
local t = {1, 2, 3}
print(#t)  # the length operator is Lua's where an expression goes
if Get-User -Department Nowhere then print("empty List is true?") else print("an empty pipeline is false") end
if Get-User then print("a pipeline with users is true") end
exit 3
print("not reached")
LUA
$PLUSH words.plush; echo "status $?"
echo "# exit alone: the status the run has (1 after an error), and exit in a function"
$PLUSH -c 'Get-User nobody@contoso.com; exit'; echo "status $?"
$PLUSH -c 'local function stop(n) exit n end; stop(4)'; echo "status $?"
$PLUSH -c 'exit "three"' 2>&1; echo "status $?"
echo "# CMD -? shows that command's help and runs nothing"
$PLUSH -c 'Set-UserLicense -?' | head -n 6; echo "status $?"
$PLUSH -c 'Get-User | Remove-User -?' | head -n 2
$PLUSH -c 'print(#(Get-User))'
echo "# history and cls in a script: no history, nothing written to a file"
$PLUSH -c 'history; cls; print("done")' | od -c | head -n 2
