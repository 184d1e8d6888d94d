# Subscribed SKUs with friendly names, as the Graph SDK reports them, saved to a dated CSV next to the script.
param(
    [Parameter(Mandatory = $true)]
    [string]$CatalogPath
)

Connect-MgGraph -Scopes Organization.Read.All -NoWelcome

$translate = @{}
foreach ($row in (Import-Csv $CatalogPath)) {
    $translate[$row.String_Id] = $row.Product_Display_Name
}

$results = @()
Get-MgSubscribedSku -All | ForEach-Object {
    $enabled = $_.PrepaidUnits.Enabled
    $results += [PSCustomObject][Ordered]@{
        SkuPartNumber = $_.SkuPartNumber
        FriendlyName  = if ($translate.ContainsKey($_.SkuPartNumber)) { $translate[$_.SkuPartNumber] } else { $_.SkuPartNumber }
        Enabled       = $enabled
        Consumed      = $_.ConsumedUnits
        Free          = $enabled - $_.ConsumedUnits
        Used          = if ($enabled) { '{0:N1}%' -f (100 * $_.ConsumedUnits / $enabled) } else { 'n/a' }
    }
}

$outFile = "$PSScriptRoot\Result-$(Get-Date -Format 'yyyyMMdd').csv"
$results | Export-Csv -Path $outFile -NoTypeInformation
Write-Output "Saved $($results.Count) SKUs to $(Split-Path $outFile -Leaf)"
