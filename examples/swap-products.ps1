#!/usr/bin/env plush
<#
.SYNOPSIS
Move everyone who holds one product directly to another, keeping the plans each user had disabled.

.DESCRIPTION
The PowerShell twin of swap-products.plush: it leaves the store exactly as that job does.
For every user holding From directly, swaps it for To in one step per user (Switch-UserLicense: never a
moment without service), carrying the user's disabled plans over by plan name. Before changing anyone
it checks that To has enough licenses available for all of them, and changes nothing when it has not:
half a migration is worse than none. Users who get From only through a group are listed, not changed:
swap the group's license instead. A second run finds nobody left on From and changes nothing.

Exit status: 0 done (or nothing to do); 1 not enough To licenses (NotEnoughLicenses), or some users
failed (each on standard error with its id); 2 a product is unknown; 64 bad arguments.
Schedule: a one-off migration, best run at night with a dry run the day before:
  plush --tenant /srv/plush/contoso.db --what-if swap-products.ps1 ENTERPRISEPACK SPE_E3
  30 1 14 12 *  plush --tenant /srv/plush/contoso.db --log /var/log/plush/swap.log /srv/plush/swap-products.ps1 ENTERPRISEPACK SPE_E3

.PARAMETER From
The product to move users off (SkuPartNumber, display name or SkuId), e.g. ENTERPRISEPACK.

.PARAMETER To
The product to move them to, e.g. SPE_E3.
#>
param(
    [Parameter(Mandatory, Position = 0)][string]$From,
    [Parameter(Mandatory, Position = 1)][string]$To
)

# The products by their SkuPartNumber, whichever name was given; an unknown name stops the run here.
$fromSku = (Get-License $From -ErrorAction Stop).SkuPartNumber
$toLicense = Get-License $To -ErrorAction Stop
$toSku = $toLicense.SkuPartNumber
if ($fromSku -eq $toSku) {
    $Host.UI.WriteErrorLine('swap-products: From and To are the same product')
    exit 64
}

# The user's license of From, if they hold it directly ($null when it only comes from groups).
function Get-DirectFrom([string]$Upn) {
    Get-UserLicense $Upn | Where-Object { $_.SkuPartNumber -eq $fromSku -and $_.AssignedBy -contains 'Direct' } | Select-Object -First 1
}

function Test-HoldsTo([string]$Upn) {
    @(Get-UserLicense $Upn | Where-Object { $_.SkuPartNumber -eq $toSku }).Count -gt 0
}

# Collected before any change, so the swaps cannot disturb the lists being walked.
$holders = @(Get-User -Product $fromSku)
$movers = @($holders | Where-Object { $null -ne (Get-DirectFrom $_.UserPrincipalName) })
$kept = @($holders | Where-Object { $null -eq (Get-DirectFrom $_.UserPrincipalName) })

if ($kept.Count -gt 0) {
    "Not moved: these users hold $fromSku through groups; swap the group's license with Set-GroupLicense."
    $kept | ForEach-Object {
        $license = Get-UserLicense $_.UserPrincipalName | Where-Object { $_.SkuPartNumber -eq $fromSku } | Select-Object -First 1
        [PSCustomObject]@{ User = $_.UserPrincipalName; Product = $fromSku; ThroughGroups = ($license.AssignedBy | Where-Object { $_ -ne 'Direct' }) -join ', ' }
    } | Format-Table User, Product, ThroughGroups
}
if ($movers.Count -eq 0) {
    "Nobody holds $fromSku directly: nothing to swap."
    return
}

$needed = @($movers | Where-Object { -not (Test-HoldsTo $_.UserPrincipalName) }).Count
if ($needed -gt $toLicense.Available) {
    Write-Error -Message "$toSku has $($toLicense.Available) license(s) available; moving $($movers.Count) user(s) off $fromSku needs $needed. Nothing was changed." -ErrorId NotEnoughLicenses -TargetObject $toSku -RecommendedAction "New-Subscription -Product $toSku -Quantity $($needed - $toLicense.Available)"
    return
}

$movers | ForEach-Object {
    $upn = $_.UserPrincipalName
    $disabled = (Get-DirectFrom $upn).DisabledPlans -join ', '
    $result = 'moved'
    try {
        Switch-UserLicense $upn -From $fromSku -To $toSku -ErrorAction Stop
    }
    catch {
        Write-Error -Message "${upn}: $($_.Exception.Message)" -ErrorId $_.FullyQualifiedErrorId -TargetObject $upn -RecommendedAction $_.Recommendation
        $result = "failed: $($_.FullyQualifiedErrorId)"
    }
    [PSCustomObject]@{ User = $upn; From = $fromSku; To = $toSku; DisabledPlans = $disabled; Result = $result }
} | Format-Table User, From, To, DisabledPlans, Result
