# Prints a fixed-width license table and warns about products at or above a usage threshold.
param([int]$WarnAt = 90)

"{0,-20} {1,6} {2,8} {3,7}" -f 'Product', 'Total', 'Assigned', 'Used'
"{0,-20} {1,6} {2,8} {3,7}" -f '-------', '-----', '--------', '----'
foreach ($l in Get-License | Sort-Object SkuPartNumber) {
    if ($l.Total -eq 0) { continue }
    $pct = $l.Assigned / $l.Total * 100
    "{0,-20} {1,6} {2,8} {3,6:N1}%" -f $l.SkuPartNumber, $l.Total, $l.Assigned, $pct
    if ($pct -ge $WarnAt) {
        Write-Warning ("{0} is {1:N0}% used ({2} of {3})" -f $l.SkuPartNumber, $pct, $l.Assigned, $l.Total)
    }
}
