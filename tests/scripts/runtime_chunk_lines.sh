# plush's own runtime (loaded as bytecode built with plush) still names its files and lines: a
# traceback through the pipeline and debug.getinfo of runtime functions point at the lines of the
# source files, as when the runtime was compiled from text at start-up.
line_of() { grep -n -m1 -F "$2" "$SOURCE_DIR/src/shell/$1" | cut -d: -f1; }

echo "== where a runtime function is defined"
$PLUSH --demo -c 'local i = debug.getinfo(__plush.H, "S"); print(i.source, i.linedefined, i.what)' > defined.txt
read -r source line what < defined.txt
echo "$source $what"
[ "$line" = "$(line_of objects.lua 'function P.H(')" ] && echo "objects.lua line matches the source"

echo "== a traceback through the pipeline names shell/pipeline.lua at a line that calls process"
$PLUSH --demo -c 'Get-User | Where-Object { print(debug.traceback("here")); return false } | Select-Object -First 1' > trace.txt
grep -o -m1 'shell/pipeline\.lua:[0-9]*: in upvalue .nextInput.' trace.txt | sed 's/:[0-9]*:/:N:/'
n=$(grep -o -m1 'shell/pipeline\.lua:[0-9]*: in upvalue .nextInput.' trace.txt | cut -d: -f2)
sed -n "${n}p" "$SOURCE_DIR/src/shell/pipeline.lua" | grep -q 'process(s, input)' && echo "that line calls process(s, input)"

echo "== the runtime's locals are in place: a script that removes type() does not break error reports"
$PLUSH --demo -c 'type = nil; tostring = nil; Get-User | Select-Object -First 1 | Where-Object { $_.Nope.Y }' 2>&1
echo "status $?"

echo "== stdlib as built runs as its bytecode and still names its lines; an edited stdlib file runs its text"
line=$($PLUSH --demo -c 'print(debug.getinfo(__plush.helpText, "S").linedefined)')
[ "$line" = "$(grep -n -m1 -E 'helpText *=|function [A-Za-z_.]*helpText' "$SOURCE_DIR/stdlib/50-help.lua" | cut -d: -f1)" ] &&
  echo "stdlib/50-help.lua line matches the source"
cp -r "$SOURCE_DIR/stdlib" lib
echo '__plush.editedStdlib = "the edited text ran"' >> lib/10-objects.lua
PLUSH_STDLIB="$PWD/lib" $PLUSH --demo -c 'print(__plush.editedStdlib, debug.getinfo(__plush.helpText, "S").source)'
