# Finance does not use Yammer: disable the plan in every direct license of the department that has it.
param(
    [string]$Department = 'Finance',
    [string]$Plan = 'YAMMER_ENTERPRISE'
)

$changed = 0
foreach ($user in Get-User -Department $Department) {
    $withPlan = Get-UserLicense -User $user.UserPrincipalName |
        Where-Object { $_.AssignedBy -contains 'Direct' -and $_.EnabledPlans -contains $Plan }
    if (-not $withPlan) { continue }
    Set-UserLicense -User $user.UserPrincipalName -DisablePlans $Plan
    Write-Output ("{0}: {1} disabled in {2}" -f $user.UserPrincipalName, $Plan, ((@($withPlan.SkuPartNumber) | Sort-Object) -join ', '))
    $changed++
}
Write-Output "$changed user(s) changed"
