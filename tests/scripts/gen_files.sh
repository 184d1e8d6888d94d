# Get-Content (-Raw, -TotalCount, -Tail), Set-Content, Add-Content and Test-Path, as a PowerShell admin uses them
# in scripts; Start-Sleep waits and stays interruptible.
printf '\xef\xbb\xbfadele.vance@contoso.com\r\nalex.wilber@contoso.com\nmark.evans@contoso.com\n' > users.txt
mkdir folder
$PLUSH -c '
print("-- lines without their line breaks (a BOM and CRLF dropped), streaming")
Get-Content users.txt
print(#(Get-Content users.txt), (Get-Content users.txt).Count)
Get-Content users.txt -TotalCount 2
Get-Content users.txt -Tail 1
Get-Content users.txt | Select-Object -First 1
print("-- -Raw is one string")
print((Get-Content users.txt -Raw).Length, (Get-Content users.txt -Raw).Count)
print("-- Set-Content replaces, Add-Content appends; lists line by line")
Set-Content out.txt "first"
Add-Content out.txt "second", "third"
Get-User -Department Nowhere | Add-Content out.txt
"a", "b" | Add-Content out.txt
Get-Content out.txt
Set-Content out.txt -Value 1, 2 -NoNewline
Get-Content out.txt -Raw
print("-- Test-Path: anything, a folder, a file, wildcards")
Test-Path users.txt
Test-Path missing.txt
Test-Path folder -PathType Container
Test-Path folder -PathType Leaf
Test-Path users.txt, missing.txt, *.txt, *.csv
if Test-Path missing.txt then print("wrong") else print("missing.txt is not there") end
print("-- wildcards in Get-Content, and its errors")
Get-Content *.txt -TotalCount 1
Get-Content missing.txt
Get-Content folder
print("-- Start-Sleep")
Start-Sleep -Milliseconds 10
Start-Sleep 0
Start-Sleep -Seconds -1
'
echo "status $?"
echo "# Start-Sleep is stopped by SIGTERM at once (status 143), as any running command"
$PLUSH -c 'Set-Content sleeping.txt yes; Start-Sleep 30; print("not reached")' &
pid=$!
for _ in $(seq 1 100); do [ -f sleeping.txt ] && break; sleep 0.1; done
start=$(date +%s)
kill -TERM $pid
wait $pid
echo "status $?"
[ $(( $(date +%s) - start )) -lt 5 ] && echo "stopped within a few seconds"
