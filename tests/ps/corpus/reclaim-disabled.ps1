<#
.SYNOPSIS
    Removes the direct licenses of disabled accounts and reports what was reclaimed.
.DESCRIPTION
    Licenses that come from a group cannot be removed from the user: they are reported with the group,
    so the admin can take the account out of the group instead.
#>
[array]$disabled = Get-User | Where-Object { $_.AccountEnabled -eq $false -and $_.Licenses.Count -gt 0 }
if (-not $disabled) {
    Write-Host 'No disabled accounts hold licenses'
    return
}
Write-Host ("{0} disabled account(s) hold licenses" -f $disabled.Count)

$report = [System.Collections.Generic.List[object]]::new()
[int]$removed = 0
foreach ($user in $disabled) {
    foreach ($license in (Get-UserLicense -User $user.UserPrincipalName)) {
        if ($license.AssignedBy -contains 'Direct') {
            try {
                Set-UserLicense -User $user.UserPrincipalName -Remove $license.SkuPartNumber -ErrorAction Stop
                $action = 'Removed'
                $removed++
            } catch {
                $action = "Failed: $($_.Exception.Message)"
            }
        } else {
            $action = 'Kept (group {0})' -f ($license.AssignedBy -join ', ')
        }
        $report.Add([PSCustomObject]@{
            User    = $user.UserPrincipalName
            Product = $license.SkuPartNumber
            Action  = $action
        })
        Write-Host ('{0} {1} from {2}' -f $action, $license.SkuPartNumber, $user.UserPrincipalName)
    }
}

$report | Export-Csv -Path ./reclaimed.csv -NoTypeInformation
Write-Host ('{0} license(s) removed from {1} disabled account(s)' -f $removed, $disabled.Count)
