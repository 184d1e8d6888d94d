-- Default views of the Microsoft Graph PowerShell SDK's objects, as the SDK's own tables show them.
local P = __plush

P.views.MicrosoftGraphUser = {"DisplayName", "Id", "Mail", "UserPrincipalName"}
P.views.MicrosoftGraphSubscribedSku = {"SkuPartNumber", "SkuId", "CapabilityStatus", "ConsumedUnits", "AppliesTo"}
P.views.MicrosoftGraphGroup = {"DisplayName", "Id", "Description", "GroupTypes"}
P.views.MicrosoftGraphDirectoryObject = {"Id", "DeletedDateTime"}
P.views.MicrosoftGraphLicenseDetails = {"Id", "SkuId", "SkuPartNumber"}
P.views.MicrosoftGraphAssignedLicense = {"SkuId", "DisabledPlans"}
P.views.MicrosoftGraphLicenseAssignmentState = {"SkuId", "AssignedByGroup", "State", "Error", "DisabledPlans"}
P.views.MicrosoftGraphServicePlanInfo = {"ServicePlanName", "ServicePlanId", "ProvisioningStatus", "AppliesTo"}
P.displayKeys.MicrosoftGraphAssignedLicense = "SkuId"
P.displayKeys.MicrosoftGraphLicenseAssignmentState = "SkuId"
P.displayKeys.MicrosoftGraphServicePlanInfo = "ServicePlanName"
P.displayKeys.MicrosoftGraphLicenseUnitsDetail = "Enabled"
P.displayKeys.MicrosoftGraphSignInActivity = "LastSignInDateTime"
