# Upgrade one user from Office 365 E3 to Microsoft 365 E3 by hand, keeping the disabled plans.
param(
    [string]$User = 'chloe.bernard@contoso.com'
)

$current = Get-UserLicense -User $User | Where-Object { $_.SkuPartNumber -eq 'ENTERPRISEPACK' }
if (-not $current) { throw "$User has no Office 365 E3" }

$keepDisabled = @($current.DisabledPlans)
Write-Output "Disabled on E3: $(($keepDisabled | Sort-Object) -join ', ')"

# Add and remove in one call, so the user is never without a mailbox.
Set-UserLicense -User $User -Add SPE_E3 -Remove ENTERPRISEPACK -DisabledPlans $keepDisabled -ErrorAction Stop

$new = Get-UserLicense -User $User | Where-Object { $_.SkuPartNumber -eq 'SPE_E3' }
Write-Output "Disabled on Microsoft 365 E3: $((@($new.DisabledPlans) | Sort-Object) -join ', ')"
