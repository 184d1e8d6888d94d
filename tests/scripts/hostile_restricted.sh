# --restricted (and $PLUSH_RESTRICTED=1), for jobs that run scripts written by others: no programs, native code
# or debug library, and files only in the current folder and the paths named on the command line, with
# symlinks and `..` resolved first. Each refusal is RestrictedOperation naming what was refused. Lua dialect;
# the PowerShell dialect: hostile_restricted_ps.sh.
run() { timeout -k 5 60 "$PLUSH" "$@" 2>&1; echo "status $?"; }
mkdir -p job/sub outside
cd job
printf 'secret\n' > ../outside/secret.txt
printf 'print("outside code ran")\n' > ../outside/code.lua
printf 'return "outside module"\n' > ../outside/outmod.lua
printf 'print("the job reads its argument")\n' > ../outside/arg.txt
printf 'UserPrincipalName,DisplayName\nann@contoso.com,Ann\n' > users.csv
printf 'hello\n' > data.txt
printf 'return {answer = 42}\n' > lib.lua
printf 'inside\n' > sub/note.txt
: > evil.so
ln -s ../outside link
ln -s ../outside/secret.txt linkfile
ln -s data.txt alias.txt
cp "$SHARED_DATA/product-service-plans.csv" products.csv 2>/dev/null || : > products.csv
$PLUSH -c 'Export-Tenant ../outside/tenant.json' > /dev/null

echo "== programs, native code and the debug library"
run --restricted -c "os.execute('echo ran')"
run --restricted -c "io.popen('echo ran')"
run --restricted -c "package.loadlib('./evil.so', 'luaopen_evil')"
run --restricted -c "package.cpath = './?.so'; require 'evil'"
run --restricted -c "print(debug.getinfo(1).currentline)"
run --restricted -c "require('debug').sethook(print, 'l')"
run --restricted -c "os.tmpname()"

echo "== io outside the current folder: by absolute path, by .., through a symlinked folder or file"
run --restricted -c "io.open('/etc/passwd')"
run --restricted -c "io.open('../outside/secret.txt')"
run --restricted -c "io.open('sub/../../outside/secret.txt')"
run --restricted -c "io.open('link/secret.txt')"
run --restricted -c "io.open('linkfile')"
run --restricted -c "io.open('link/new.txt', 'w')"
run --restricted -c "for l in io.lines('/etc/hostname') do print(l) end"
run --restricted -c "io.output('../outside/out.txt')"
run --restricted -c "io.input('/etc/hostname')"
run --restricted -c "os.remove('../outside/secret.txt')"
run --restricted -c "os.rename('data.txt', '../outside/moved.txt')"
echo "-- caught, the refusal is the record: the script goes on"
run --restricted -c "local ok, e = pcall(io.open, '/etc/passwd'); print(ok, e.Id, e.Message)"

echo "== loadfile, dofile and require outside"
run --restricted -c "loadfile('../outside/code.lua')"
run --restricted -c "dofile('link/code.lua')"
run --restricted -c "package.path = '../outside/?.lua'; require 'outmod'"
run --restricted -c "print(package.searchpath('outmod', '../outside/?.lua'))"

echo "== the file cmdlets outside"
run --restricted -c "Get-Content ../outside/secret.txt"
run --restricted -c "Set-Content ../outside/new.txt 'x'"
run --restricted -c "Add-Content link/secret.txt 'x'"
run --restricted -c "'x' | Out-File /tmp/plush-restricted-out.txt"
run --restricted -c "Get-User | Export-Csv ../outside/users.csv"
run --restricted -c "Import-Csv linkfile"
run --restricted -c "Export-Tenant ../outside/copy.json"
run --restricted -c "Import-Tenant ../outside/tenant.json"
run --restricted -c "Import-Product /etc/passwd"
run --restricted -c "Import-BotUsage ../outside/usage.csv"
run --restricted -c "Test-Path /etc/passwd"
run --restricted -c "Get-ChildItem link"
run --restricted -c "Get-ChildItem /etc/*.conf"
run --restricted -c "New-Item ../outside/made -ItemType Directory"
run --restricted -c "Remove-Item ../outside/secret.txt"
run --restricted -c "Resolve-Path /etc/passwd"
run --restricted -c "Select-String secret -Path ../outside/secret.txt"
run --restricted -c "'x' | Tee-Object -FilePath ../outside/tee.txt"
run --restricted -c "New-Tenant -Path ../outside/new.db -Name Other"
run --restricted -c "Connect-Tenant ../outside/other.db"
echo "-- the runtime's own functions refuse too, and the check cannot be switched off from the script"
run --restricted -c "__plush.fs_remove('../outside/secret.txt')"
run --restricted -c "__plush.csv_reader('/etc/passwd')"
run --restricted -c "__plush.check_path = function() end; __plush.command('Get-Content').parameters[1].complete = nil; Get-Content ../outside/secret.txt"
run --restricted -c "__plush.command('Export-Tenant').parameters[1].complete = nil; Export-Tenant ../outside/copy.json"
ls ../outside

echo "== what still works: the current folder, inside links, the named paths"
run --restricted -c "print(io.open('data.txt'):read('l'), io.open('alias.txt'):read('l'), io.open('sub/note.txt'):read('l'))
local f = io.open('written.txt', 'w'); f:write('ok'); f:close(); print(io.open('written.txt'):read('a'))
print(require('lib').answer, dofile('lib.lua').answer, loadfile('lib.lua')().answer, os.remove('written.txt'))
for l in io.lines('data.txt') do print(l) end"
run --restricted -c "Get-Content data.txt
Set-Content made.txt 'made'; Add-Content made.txt 'more'; Get-Content made.txt
Import-Csv users.csv | ForEach-Object DisplayName
Get-User | Export-Csv users-out.csv; print(#Import-Csv users-out.csv)
Export-Tenant tenant-copy.json; print(Test-Path tenant-copy.json); print(Test-Path missing.txt); print(Test-Path alias.txt)
Get-ChildItem sub | ForEach-Object Name
print(Join-Path /etc passwd)
print(Split-Path /etc/passwd -Leaf)
New-Item made-dir -ItemType Directory | Out-Null; Remove-Item made-dir -Recurse; print(Test-Path made-dir)
'tee' | Tee-Object -FilePath tee.txt | Out-Null; Get-Content tee.txt
Select-String more -Path made.txt | ForEach-Object Line"
echo "-- the script, its arguments (a file and a folder) and --log, named on the command line, outside the folder"
printf 'print(io.open(arg[0]):read("l"))\nprint(io.open(arg[1]):read("l"))\nprint(io.open(arg[2] .. "/secret.txt"):read("l"))\nlocal f = io.open(arg[3], "w"); f:write("result\\n"); f:close()\n' > ../outside/job.lua
run --restricted --log ../outside/job.log ../outside/job.lua ../outside/arg.txt ../outside ../outside/result.txt
cat ../outside/result.txt; test -s ../outside/job.log && echo "the log was written"
echo "-- but not the script's neighbours"
printf 'print(io.open("../outside/code.lua"))\n' > ../outside/nosy.lua
( cd .. && mkdir -p elsewhere && cd elsewhere && run --restricted ../outside/nosy.lua )
echo "-- --tenant names the store"
run --restricted --tenant ../outside/named.db -c "Get-Tenant | Out-Null; print(io.open('../outside/named.db') ~= nil)"

echo "== \$PLUSH_RESTRICTED=1 is --restricted; 0 is not; anything else is a usage error"
PLUSH_RESTRICTED=1 run -c "os.execute('echo ran')"
PLUSH_RESTRICTED=0 run -c "os.execute('echo ran without --restricted')"
PLUSH_RESTRICTED=yes run -c "print(1)" | sed -n '1p;$p'
