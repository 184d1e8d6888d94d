# Group-based licensing: every member a group could not license, and why.
function Get-GroupLicenseErrorReport {
    [CmdletBinding()]
    param(
        [Parameter(Mandatory, ValueFromPipelineByPropertyName)]
        [Alias('DisplayName')]
        [string]$Group
    )
    process {
        foreach ($e in Get-LicenseError -Group $Group) {
            [PSCustomObject]@{
                Group         = $Group
                User          = $e.User
                SkuPartNumber = $e.SkuPartNumber
                Error         = $e.Error
            }
        }
    }
}

$report = Get-Group | Where-Object { $_.Licenses.Count -gt 0 } | Get-GroupLicenseErrorReport
if (-not $report) {
    Write-Output 'No group license errors'
    exit 0
}
$report | Export-Csv -Path group-license-errors.csv -NoTypeInformation
foreach ($r in $report) {
    Write-Output ("{0,-20} {1,-28} {2,-18} {3}" -f $r.Group, $r.User, $r.SkuPartNumber, $r.Error)
}
Write-Output "$(@($report).Count) error(s) in $(@($report.Group | Sort-Object -Unique).Count) group(s)"
