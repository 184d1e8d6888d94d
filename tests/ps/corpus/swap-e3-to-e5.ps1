# Move selected Office 365 E3 users to Microsoft 365 E5, keeping the plans each had disabled.
$users = @(
    'chloe.bernard@contoso.com'
    'grace.taylor@contoso.com'
    'yuki.sato@contoso.com'
)

$before = @{}
foreach ($u in $users) {
    $before[$u] = (Get-UserLicense -User $u | Where-Object SkuPartNumber -eq 'ENTERPRISEPACK').DisabledPlans
}

Switch-UserLicense -User $users -From ENTERPRISEPACK -To SPE_E5

foreach ($u in $users) {
    $now = Get-UserLicense -User $u | Where-Object SkuPartNumber -eq 'SPE_E5'
    '{0}: E3 disabled [{1}] -> E5 disabled [{2}]' -f $u, ((@($before[$u]) | Sort-Object) -join ','), ((@($now.DisabledPlans) | Sort-Object) -join ',')
}
(Get-License -Product SPE_E5) | ForEach-Object { "SPE_E5 now {0} of {1} assigned" -f $_.Assigned, $_.Total }
