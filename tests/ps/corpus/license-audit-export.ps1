# Every assignment in the tenant, one CSV row each, for the auditors.
$rows = foreach ($user in Get-User -Licensed | Sort-Object UserPrincipalName) {
    foreach ($license in Get-UserLicense -User $user.UserPrincipalName) {
        [PSCustomObject]@{
            UserPrincipalName = $user.UserPrincipalName
            Department        = $user.Department
            SkuPartNumber     = $license.SkuPartNumber
            AssignedBy        = ($license.AssignedBy -join ';')
            State             = $license.State
            DisabledPlans     = $license.DisabledPlans.Count
        }
    }
}
$rows | Export-Csv -Path license-audit.csv -NoTypeInformation
"Exported $(@($rows).Count) assignments for $(@($rows.UserPrincipalName | Sort-Object -Unique).Count) users"
"In error: $(@($rows | Where-Object State -ne 'Active').Count)"
