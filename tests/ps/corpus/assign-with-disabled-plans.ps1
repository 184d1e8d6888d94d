# Give the sales leads Microsoft 365 E5 without Yammer and Viva Engage.
$leads = 'alice.johnson@contoso.com', 'oliver.smith@contoso.com'
$disabledPlans = @('YAMMER_ENTERPRISE', 'VIVAENGAGE_CORE')

foreach ($lead in $leads) {
    Set-UserLicense -User $lead -Add SPE_E5 -DisabledPlans $disabledPlans -ErrorAction Stop
    $lic = Get-UserLicense -User $lead | Where-Object SkuPartNumber -eq 'SPE_E5'
    Write-Output ("{0}: SPE_E5 with {1} plan(s) disabled ({2})" -f $lead, $lic.DisabledPlans.Count, (($lic.DisabledPlans | Sort-Object) -join ', '))
}
