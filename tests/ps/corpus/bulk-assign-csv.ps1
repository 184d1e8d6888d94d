<#
.SYNOPSIS
    Assigns licenses to the users listed in a CSV file, setting each user's usage location first.
.DESCRIPTION
    The CSV has the columns UserPrincipalName, UsageLocation and SkuPartNumber.
    Each row is handled on its own: a row that fails is reported and the next one goes on.
.EXAMPLE
    .\bulk-assign-csv.ps1 -Path .\bulk-users.csv
#>
param(
    [string]$Path = "$PSScriptRoot/bulk-users.csv"
)

$users = Import-Csv -Path $Path
$assigned = 0
$failed = 0

foreach ($user in $users) {
    try {
        # A license needs a usage location, so set it before assigning.
        Set-User -Identity $user.UserPrincipalName -UsageLocation $user.UsageLocation -ErrorAction Stop
        Set-UserLicense -User $user.UserPrincipalName -Add $user.SkuPartNumber -ErrorAction Stop
        Write-Host "Assigned $($user.SkuPartNumber) to $($user.UserPrincipalName)" -ForegroundColor Green
        $assigned++
    }
    catch {
        Write-Host "Failed: $($user.UserPrincipalName) - $($_.Exception.Message)" -ForegroundColor Red
        $failed++
    }
}

Write-Host ""
Write-Host ("{0} assigned, {1} failed" -f $assigned, $failed)
