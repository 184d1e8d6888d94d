# A support engineer moves to shift work: Exchange Online (Plan 1) becomes Exchange Online Kiosk.
$upn = 'debra.berger@contoso.com'
$splat = @{
    User   = $upn
    Add    = 'EXCHANGEDESKLESS'
    Remove = 'EXCHANGESTANDARD'
}
Set-UserLicense @splat

$held = (Get-UserLicense -User $upn).SkuPartNumber | Sort-Object
Write-Output "$upn now holds: $($held -join ', ')"
