# Onboarding from HR's CSV: create the account, put it in All Staff and its department's group
# (which brings the department's licenses through group-based licensing).
$hires = Import-Csv -Path "$PSScriptRoot/onboarding.csv"

foreach ($hire in $hires) {
    $existing = Get-User -Filter "userPrincipalName eq '$($hire.UserPrincipalName)'"
    if ($existing) {
        Write-Warning "$($hire.UserPrincipalName) exists already; skipped"
        continue
    }
    $params = @{
        UserPrincipalName = $hire.UserPrincipalName
        DisplayName       = $hire.DisplayName
        Department        = $hire.Department
        UsageLocation     = $hire.UsageLocation
    }
    $user = New-User @params
    Add-GroupMember -Group 'All Staff' -Member $user.UserPrincipalName
    Add-GroupMember -Group $hire.Group -Member $user.UserPrincipalName
    $licenses = (Get-UserLicense -User $user.UserPrincipalName | ForEach-Object { "$($_.SkuPartNumber) ($($_.State))" }) -join ', '
    Write-Output "Created $($user.UserPrincipalName) in $($hire.Group): $licenses"
}
