# Licenses assigned through groups: per group and product, members served and members in error.
$rows = foreach ($group in Get-Group) {
    foreach ($license in Get-GroupLicense -Group $group.DisplayName) {
        [PSCustomObject]@{
            Group    = $group.DisplayName
            Product  = $license.SkuPartNumber
            Members  = $group.MemberCount
            Active   = $license.Active
            Errors   = $license.Errors
            Disabled = $license.DisabledPlans.Count
        }
    }
}

$rows | Sort-Object Group | ForEach-Object {
    '{0}: {1} to {2} members, {3} active, {4} in error, {5} plan(s) disabled' -f $_.Group, $_.Product, $_.Members, $_.Active, $_.Errors, $_.Disabled
}
$withErrors = @($rows | Where-Object { $_.Errors -gt 0 })
if ($withErrors.Count) {
    Write-Output "Groups with errors: $(($withErrors.Group | Sort-Object) -join ', ')"
}
