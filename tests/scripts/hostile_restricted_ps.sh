# --restricted in the PowerShell dialect: the same refusals (RestrictedOperation, catchable with try/catch),
# through cmdlets and .NET statics; what stays allowed still works ([guid], [Environment]::MachineName).
run() { timeout -k 5 60 "$PLUSH" "$@" 2>&1; echo "status $?"; }
mkdir -p job outside
cd job
printf 'secret\n' > ../outside/secret.txt
printf 'hello\n' > data.txt
ln -s ../outside link

echo "== refused: files outside, by path, .. and symlink; .NET file statics"
run --restricted --ps -c 'Get-Content ../outside/secret.txt'
run --restricted --ps -c 'Get-Content link/secret.txt'
run --restricted --ps -c '[System.IO.File]::ReadAllText("/etc/passwd")'
run --restricted --ps -c '[System.IO.File]::WriteAllText("../outside/new.txt", "x")'
run --restricted --ps -c '[System.IO.File]::Exists("/etc/passwd")'
run --restricted --ps -c '"x" | Out-File ../outside/out.txt'
run --restricted --ps -c 'Test-Path link/secret.txt'
echo "-- a .ps1 file: the refusal has its line and column, and try/catch sees RestrictedOperation"
printf 'Get-Content data.txt\ntry { Get-Content ../outside/secret.txt } catch { "caught: $($_.FullyQualifiedErrorId)" }\nGet-Content ../outside/secret.txt\n"not reached"\n' > job.ps1
run --restricted job.ps1
ls ../outside

echo "== allowed"
run --restricted --ps -c 'Get-Content data.txt; Set-Content made.txt "made"; Get-Content made.txt; [System.IO.File]::ReadAllText("data.txt").Trim()
Test-Path data.txt; ([guid]::NewGuid()).ToString().Length; [Environment]::MachineName.Length -gt 0; $PID -gt 0'
