# Write-Host as PowerShell's: several arguments, -Separator, -NoNewline, -ForegroundColor and -BackgroundColor;
# colour only on a terminal, and never with NO_COLOR or --no-color.
$PLUSH -c 'Write-Host "a" "b" 3
Write-Host "x" -ForegroundColor Red
Write-Host 1, 2, 3 -Separator ", "
Write-Host "licenses:" @(1, 2) -Separator " | "
Write-Host "no newline " -NoNewline; Write-Host "then the rest"
1, 2, 3 | Write-Host -NoNewline; Write-Host ""
Write-Host "up" -ForegroundColor yellow -BackgroundColor DarkBlue
Write-Host
Write-Host "x" -ForegroundColor Purple'
echo "status $?"
echo "# on a terminal: colour codes (shown with cat -v)"
unset NO_COLOR
script -qec "$PLUSH -c 'Write-Host ok -ForegroundColor Red; Write-Host plain; Write-Host warn -ForegroundColor Yellow -BackgroundColor DarkRed -NoNewline; Write-Host .'" /dev/null | cat -v
echo "# on a terminal with NO_COLOR, and with --no-color: none"
NO_COLOR=1 script -qec "$PLUSH -c 'Write-Host ok -ForegroundColor Red'" /dev/null | cat -v
script -qec "$PLUSH --no-color -c 'Write-Host ok -ForegroundColor Red'" /dev/null | cat -v
