# Give the frontline shift workers Entra ID P1 through their group, if enough licenses are free.
$group = 'Frontline Support'
$sku = 'AAD_PREMIUM'

$members = @(Get-GroupMember -Group $group)
$free = (Get-License -Product $sku).Available
Write-Output "$group has $($members.Count) members; $free $sku licenses free"
if ($free -lt $members.Count) {
    Write-Error "Not enough $sku licenses for $group" -ErrorAction Stop
}

Set-GroupLicense -Group $group -Add $sku
$gl = Get-GroupLicense -Group $group | Where-Object SkuPartNumber -eq $sku
Write-Output "$sku through ${group}: $($gl.Active) active, $($gl.Errors) in error"
