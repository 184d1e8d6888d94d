#!/usr/bin/env plush
<#
.SYNOPSIS
Assign products to the users listed in a CSV file, setting missing usage locations, with a report per row.

.DESCRIPTION
The PowerShell twin of bulk-assign.plush: it leaves the store exactly as that job does.
Reads a CSV with the columns UserPrincipalName, Products (SkuPartNumbers, display names or SkuIds
separated by commas or semicolons) and UsageLocation (optional: set only when the user has none; a user
with another location keeps it and the report says so); other columns are ignored. Each row is one step:
its products are assigned directly, together, and the row is reported as done, as having nothing to do,
or as failed with the rule's stable id (UserNotFound, CountViolation, UsageLocationRequired, ...). A
failed row does not stop the others. Products a user already holds directly are left alone, so a second
run over the same file changes nothing.

Exit status: 0 every row done or already done; 1 one or more rows failed (each one is on standard error);
2 the file could not be read; 64 no file given.
Schedule: nightly at 02:00 over the file HR drops, with a transcript:
  0 2 * * *  plush --tenant /srv/plush/contoso.db --log /var/log/plush/bulk-assign.log /srv/plush/bulk-assign.ps1 /srv/hr/licenses.csv
Dry run first: plush --what-if bulk-assign.ps1 licenses.csv

.PARAMETER Path
The CSV file of rows to apply (UTF-8, RFC 4180: quotes, embedded commas and line breaks).
#>
param(
    [Parameter(Mandatory, Position = 0)]
    [string]$Path
)

# The products a user holds directly, as a set of SkuPartNumbers.
function Get-DirectProduct([string]$Upn) {
    $held = @{}
    foreach ($license in Get-UserLicense $Upn -ErrorAction Stop) {
        if ($license.AssignedBy -contains 'Direct') { $held[$license.SkuPartNumber] = $true }
    }
    $held
}

function New-RowReport($Number, $User, $Location = '', $Assigned = '', $Result) {
    [PSCustomObject]@{ Row = $Number; User = $User; UsageLocationSet = $Location; Assigned = $Assigned; Result = $Result }
}

$rowNumber = 0
$report = foreach ($row in Import-Csv -Path $Path -ErrorAction Stop) {
    $rowNumber++
    $upn = "$($row.UserPrincipalName)".Trim()
    $wanted = @("$($row.Products)" -split '[,;\s]+' | Where-Object { $_ })
    if (-not $upn -or $wanted.Count -eq 0) {
        Write-Error -Message "row $rowNumber ($upn): a row needs a UserPrincipalName and at least one product in Products" -ErrorId InvalidRow -TargetObject $upn
        New-RowReport -Number $rowNumber -User $upn -Result 'failed: InvalidRow'
        continue
    }
    $location = if ($row.UsageLocation) { $row.UsageLocation } else { $null }

    try {
        $before = Get-DirectProduct $upn
        $locationBefore = (Get-User $upn -ErrorAction Stop).UsageLocation
        Set-UserLicense $upn -Add $wanted -UsageLocation $location -ErrorAction Stop
    }
    catch {
        Write-Error -Message "row $rowNumber ($upn): $($_.Exception.Message)" -ErrorId $_.FullyQualifiedErrorId -TargetObject $upn -RecommendedAction $_.Recommendation
        New-RowReport -Number $rowNumber -User $upn -Result "failed: $($_.FullyQualifiedErrorId)"
        continue
    }

    $after = Get-DirectProduct $upn
    $locationNow = (Get-User $upn).UsageLocation
    $locationSet = if ($locationNow -ne $locationBefore) { $locationNow } else { '' }
    $assigned = ($after.Keys | Where-Object { -not $before.ContainsKey($_) } | Sort-Object) -join ', '
    $result = if ($assigned -or $locationSet) { 'done' } else { 'nothing to do' }
    if ($location -and $locationBefore -and $locationBefore -ne $location) {
        $result += "; keeps usage location $locationBefore"  # never overwritten (Set-User changes it)
    }
    New-RowReport -Number $rowNumber -User $upn -Location $locationSet -Assigned $assigned -Result $result
}
$report | Format-Table Row, User, UsageLocationSet, Assigned, Result
