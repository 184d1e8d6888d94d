# Alert when a product is about to run out. Exit 1 when any product has fewer free licenses than the threshold.
param(
    [int]$Threshold = 2
)

$low = Get-License | Where-Object { $_.Total -gt 0 -and $_.Available -lt $Threshold }

if ($low) {
    foreach ($item in $low) {
        Write-Output "LOW $($item.SkuPartNumber): $($item.Available) of $($item.Total) free"
    }
    Write-Output "$(@($low).Count) product(s) below $Threshold free licenses"
    exit 1
}

Write-Output "All products have at least $Threshold free licenses"
exit 0
