# Licensed and unlicensed people per department, with the products each department uses most.
$users = Get-User | Where-Object { $_.Department }
$byDepartment = $users | Group-Object -Property Department | Sort-Object -Property Name

foreach ($dept in $byDepartment) {
    $licensed = @($dept.Group | Where-Object { $_.Licenses.Count -gt 0 })
    $products = $dept.Group | ForEach-Object { $_.Licenses } | Group-Object | Sort-Object -Property @{ Expression = 'Count'; Descending = $true }, Name
    $top = ($products | Select-Object -First 2 | ForEach-Object { '{0} x{1}' -f $_.Name, $_.Count }) -join ', '
    '{0}: {1} users, {2} licensed; top: {3}' -f $dept.Name, $dept.Count, $licensed.Count, $top
}

$unlicensed = @($users | Where-Object { $_.Licenses.Count -eq 0 })
"Unlicensed people: $($unlicensed.Count) ($($unlicensed.UserPrincipalName -join ', '))"
