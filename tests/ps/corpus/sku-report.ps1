<#
.SYNOPSIS
    License report: every product with its friendly name, counts and the share in use, to CSV.
.PARAMETER CatalogPath
    Microsoft's "Product names and service plan identifiers for licensing" CSV, for the friendly names.
#>
param(
    [Parameter(Mandatory)]
    [string]$CatalogPath,
    [string]$OutFile = 'license-report.csv'
)

# SkuPartNumber -> friendly name, from Microsoft's published list.
$friendly = @{}
Import-Csv -Path $CatalogPath | ForEach-Object {
    if (-not $friendly.ContainsKey($_.String_Id)) { $friendly[$_.String_Id] = $_.Product_Display_Name }
}

$report = [System.Collections.Generic.List[object]]::new()
foreach ($license in Get-License) {
    $name = $friendly[$license.SkuPartNumber]
    if (-not $name) { $name = $license.SkuPartNumber }
    $percent = 0
    if ($license.Total -gt 0) {
        $percent = [math]::Round(100 * $license.Assigned / $license.Total, 1)
    }
    $report.Add([PSCustomObject][ordered]@{
        'Product'      = $name
        'SkuPartNumber' = $license.SkuPartNumber
        'Total'        = $license.Total
        'Assigned'     = $license.Assigned
        'Available'    = $license.Available
        'Percent Used' = $percent
    })
}

$report | Sort-Object 'Percent Used' -Descending | Export-Csv -Path $OutFile -NoTypeInformation -Encoding UTF8
Write-Host "Report of $($report.Count) products written to $OutFile"
$busiest = $report | Sort-Object 'Percent Used' -Descending | Select-Object -First 1
Write-Host ("Busiest: {0} ({1}%)" -f $busiest.Product, $busiest.'Percent Used')
