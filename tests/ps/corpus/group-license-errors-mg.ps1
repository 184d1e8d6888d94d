# Users whose group-assigned license is in error, using Microsoft Graph PowerShell.
Import-Module Microsoft.Graph.Groups
Import-Module Microsoft.Graph.Users
Connect-MgGraph -Scopes "Group.Read.All", "User.Read.All"

$skus = @{}
Get-MgSubscribedSku -All | ForEach-Object { $skus[$_.SkuId] = $_.SkuPartNumber }

$rows = foreach ($group in Get-MgGroup -All) {
    foreach ($member in Get-MgGroupMember -GroupId $group.Id -All) {
        $user = Get-MgUser -UserId $member.Id -Property UserPrincipalName, LicenseAssignmentStates
        foreach ($state in $user.LicenseAssignmentStates) {
            if ($state.AssignedByGroup -eq $group.Id -and $state.State -eq 'Error') {
                [PSCustomObject]@{
                    Group = $group.DisplayName
                    User  = $user.UserPrincipalName
                    Sku   = $skus[$state.SkuId]
                    Error = $state.Error
                }
            }
        }
    }
}

$rows | ForEach-Object { "$($_.User) | $($_.Sku) | $($_.Group) | $($_.Error)" }
"Total: $(@($rows).Count)"
