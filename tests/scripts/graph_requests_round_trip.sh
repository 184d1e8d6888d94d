# Export-GraphRequest round trip (issue 13 part 3): a plan written with the Graph PowerShell cmdlets runs
# against a tenant imported from Graph (tests/graph); `plush --what-if --graph-requests` writes its $batch
# bodies and leaves the store as it was; a real run gives the same bodies, and so does Export-GraphRequest
# afterwards. Applying them to a copy of the original import (tests/graph/apply-batches.plush stands in for
# Graph) gives the planned store. A license added and removed again is not requested.
cp "$SOURCE_DIR"/tests/graph/*.json .
$PLUSH --tenant orig.db -c 'Import-Tenant skus.json, users.json, groups-list-example7.json, deleted-users.json -Format graph | Out-Null' 2>/dev/null
cat > plan.ps1 <<'PS'
Import-Module Microsoft.Graph.Users
Connect-MgGraph -Scopes "User.ReadWrite.All", "Group.ReadWrite.All" -NoWelcome
$skus = Get-MgSubscribedSku -All
$e3 = ($skus | Where-Object SkuPartNumber -eq 'ENTERPRISEPACK').SkuId
$e1 = ($skus | Where-Object SkuPartNumber -eq 'STANDARDPACK').SkuId
$pbi = ($skus | Where-Object SkuPartNumber -eq 'POWER_BI_PRO').SkuId
$flow = ($skus | Where-Object SkuPartNumber -eq 'FLOW_FREE').SkuId
# LeeG has no usage location: set it, then license her.
Update-MgUser -UserId LeeG@contoso.com -UsageLocation DE
Set-MgUserLicense -UserId LeeG@contoso.com -AddLicenses @(@{SkuId = $pbi}) -RemoveLicenses @() | Out-Null
# IsaiahL: E1 without Yammer instead of Flow, in one call.
Set-MgUserLicense -UserId IsaiahL@contoso.com -AddLicenses @(@{SkuId = $e1; DisabledPlans = @('7547a3fe-08ee-4ccb-b430-5077c5041653')}) -RemoveLicenses @($flow) | Out-Null
# DiegoS changes department; PattiF gets Power BI and loses it again: nothing to send for her licenses.
Update-MgUser -UserId DiegoS@contoso.com -Department Sales
Set-MgUserLicense -UserId PattiF@contoso.com -AddLicenses @(@{SkuId = $pbi}) -RemoveLicenses @() | Out-Null
Set-MgUserLicense -UserId PattiF@contoso.com -AddLicenses @() -RemoveLicenses @($pbi) | Out-Null
# AlexW keeps E3 through his group: his direct E3 goes.
Set-MgUserLicense -UserId AlexW@contoso.com -AddLicenses @() -RemoveLicenses @($e3) | Out-Null
# PattiF into the E3 group, MeganB out of it; the E1 group also gives Power BI; GradyA is restored.
$patti = Get-MgUser -UserId PattiF@contoso.com
$megan = Get-MgUser -UserId MeganB@contoso.com
New-MgGroupMember -GroupId 5caf712c-8483-4b3d-8384-d8da988c0ca4 -DirectoryObjectId $patti.Id
Remove-MgGroupMemberByRef -GroupId 5caf712c-8483-4b3d-8384-d8da988c0ca4 -DirectoryObjectId $megan.Id
Set-MgGroupLicense -GroupId aae8ec2a-5a08-4013-ae70-fafbb5c20de1 -AddLicenses @(@{SkuId = $pbi}) -RemoveLicenses @() | Out-Null
Restore-MgDirectoryDeletedItem -DirectoryObjectId c90fc3e5-dd0e-4c1c-9c1d-3a4c5f2a0d5e | Out-Null
PS
echo "-- the dry run"
cp orig.db whatif.db
$PLUSH --tenant whatif.db --what-if --graph-requests whatif.jsonl plan.ps1
echo "status $?"
cmp -s orig.db whatif.db && echo "the store is as it was"
jq -c '.requests[] | [.id, .method, .url, .dependsOn, .body]' whatif.jsonl
echo "-- batches: $(wc -l < whatif.jsonl), requests per batch: $(jq -c '.requests | length' whatif.jsonl | paste -sd' ')"
echo "-- the real run writes the same requests, and so does Export-GraphRequest after it"
cp orig.db planned.db
$PLUSH --tenant planned.db --graph-requests run.jsonl plan.ps1 > /dev/null
cmp run.jsonl whatif.jsonl && echo "run.jsonl = whatif.jsonl"
$PLUSH --tenant planned.db -c 'Export-GraphRequest again.jsonl' > /dev/null
cmp again.jsonl whatif.jsonl && echo "again.jsonl = whatif.jsonl"
echo "-- applied to a copy of the import, the requests give the planned store"
cp orig.db applied.db
$PLUSH --tenant applied.db "$SOURCE_DIR"/tests/graph/apply-batches.plush whatif.jsonl
compare='
Get-User | Select-Object Id, UserPrincipalName, DisplayName, Department, UsageLocation, UserType, AccountEnabled, Licenses | ConvertTo-Csv
Get-User -Deleted | Select-Object Id, UserPrincipalName | ConvertTo-Csv
Get-User | ForEach-Object { Get-UserLicense $_ } | ConvertTo-Csv
Get-License | Select-Object SkuPartNumber, Total, Assigned, Available | ConvertTo-Csv
Get-Group | Select-Object Id, MemberCount, Licenses | ConvertTo-Csv
Get-Group | ForEach-Object { $g = $_.Id; Get-GroupMember $g | ForEach-Object { $g .. " " .. $_.Id } }
Get-Group | ForEach-Object { Get-GroupLicense $_.Id } | ConvertTo-Csv'
$PLUSH --tenant orig.db -c "$compare" > orig.txt
$PLUSH --tenant planned.db -c "$compare" > planned.txt
$PLUSH --tenant applied.db -c "$compare" > applied.txt
cmp -s orig.txt planned.txt || echo "the plan changes the store ($(diff orig.txt planned.txt | grep -c '^>') lines differ)"
diff planned.txt applied.txt && echo "applied = planned ($(wc -l < planned.txt) lines)"
echo "-- -Since: no change from then on, nothing to send"
$PLUSH --tenant planned.db -c 'Export-GraphRequest none.jsonl -Since 2026-11-23T00:00:00Z'
echo "-- -Last: only the last audit entry (the restore)"
$PLUSH --tenant planned.db -c 'Export-GraphRequest last.jsonl -Last 1'
jq -c '.requests[] | [.method, .url]' last.jsonl
