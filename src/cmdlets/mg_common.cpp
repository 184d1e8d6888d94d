// The Graph PowerShell cmdlets' shared parts: connection, Graph-worded errors, selections, SDK objects.
#include "cmdlets/mg_common.h"

#include <algorithm>

#include "cmdlets/graph_shapes.h"
#include "tenant/text.h"

namespace plush::cmdlets::mg {

using shell::setField;

void requireConnected(const Connection& c) {
  if (!c.connected)
    tenant::fail("AuthenticationNeeded", tenant::category::InvalidOperation, "Connect-MgGraph",
                 "Authentication needed. Please call Connect-MgGraph.", "Connect-MgGraph -Scopes User.ReadWrite.All");
}

void failBadRequest(const std::string& target, const std::string& message) {
  tenant::fail("InvalidArgument", tenant::category::InvalidArgument, target, message);
}

void failNotFound(const std::string& id) {
  tenant::fail("NotFound", tenant::category::ObjectNotFound, id, "There is no object " + id + " in the tenant.");
}

namespace {

struct GraphWords {
  const char* status;
  const char* code;
  std::string message;  // empty: plush's own
};

GraphWords wordsFor(const tenant::ErrorRecord& r) {
  const std::string& id = r.id;
  if (id == "UserNotFound" || id == "GroupNotFound" || id == "NotFound")
    return {"404 (NotFound)", "Request_ResourceNotFound",
            "Resource '" + r.target + "' does not exist or one of its queried reference-property objects are not present."};
  if (id == "AccessDenied") return {"403 (Forbidden)", "Authorization_RequestDenied", "Insufficient privileges to complete the operation."};
  if (id == "UsageLocationRequired")
    return {"400 (BadRequest)", "Request_BadRequest", "License assignment cannot be done for user with invalid usage location."};
  if (id == "InheritedLicense")
    return {"400 (BadRequest)", "Request_BadRequest",
            "User license is inherited from a group membership and it cannot be removed directly from the user."};
  if (id == "ProductNotFound")
    return {"400 (BadRequest)", "Request_BadRequest", "License " + r.target + " does not correspond to a valid company License."};
  if (id == "CountViolation" && tenant::isGuid(r.target))
    return {"400 (BadRequest)", "Request_BadRequest", "Subscription with SKU " + r.target + " does not have any available licenses."};
  return {"400 (BadRequest)", "Request_BadRequest", ""};
}

}  // namespace

shell::ErrorInfo graphError(const tenant::ErrorRecord& r) {
  if (r.id == "AuthenticationNeeded") return {r.id, r.category, r.target, r.message, r.recommendation};
  GraphWords w = wordsFor(r);
  std::string message = w.message.empty() ? r.message : w.message + " (" + r.message + ")";
  return {r.id, r.category, r.target, message + "\n\nStatus: " + w.status + "\nErrorCode: " + w.code, r.recommendation};
}

Selection::Selection(const std::vector<std::string>& requested, const std::vector<std::string>& defaults,
                     const std::vector<std::string>& known, const char* graphType) {
  names_.insert("id");
  for (const std::string& d : defaults) names_.insert(tenant::lower(d));
  if (requested.empty()) return;
  names_ = {"id"};
  for (const std::string& r : requested) {
    for (const std::string& part : tenant::splitList(r, ',')) {
      std::string name = tenant::lower(part);
      name.erase(0, name.find_first_not_of(' '));
      name.erase(name.find_last_not_of(' ') + 1);
      if (name == "*") {
        for (const std::string& k : known) names_.insert(tenant::lower(k));
        continue;
      }
      if (std::none_of(known.begin(), known.end(), [&](const std::string& k) { return tenant::lower(k) == name; }))
        failBadRequest(part, "Could not find a property named '" + part + "' on type '" + graphType + "'.");
      names_.insert(name);
    }
  }
}

bool Selection::has(const char* property) const { return names_.count(tenant::lower(property)) > 0; }

const std::vector<std::string>& userProperties() {
  static const std::vector<std::string> props = {
      "Id", "DisplayName", "UserPrincipalName", "Mail", "GivenName", "Surname", "JobTitle", "BusinessPhones",
      "MobilePhone", "OfficeLocation", "PreferredLanguage", "AccountEnabled", "Department", "UsageLocation",
      "UserType", "AssignedLicenses", "LicenseAssignmentStates", "SignInActivity", "DeletedDateTime", "MemberOf",
      "AdditionalProperties"};
  return props;
}

// GET /users without $select returns these (user resource type, "returned by default").
const std::vector<std::string>& userDefaults() {
  static const std::vector<std::string> props = {"businessPhones", "displayName", "givenName", "jobTitle", "mail",
                                                 "mobilePhone", "officeLocation", "preferredLanguage", "surname",
                                                 "userPrincipalName", "id"};
  return props;
}

// Every property of Graph's v1.0 user resource (what $select may name), plush keeping some of them.
const std::vector<std::string>& userSelectable() {
  static const std::vector<std::string> props = {
      "aboutMe", "accountEnabled", "ageGroup", "assignedLicenses", "assignedPlans", "authorizationInfo", "birthday",
      "businessPhones", "city", "companyName", "consentProvidedForMinor", "country", "createdDateTime",
      "creationType", "customSecurityAttributes", "deletedDateTime", "department", "displayName",
      "employeeHireDate", "employeeId", "employeeLeaveDateTime", "employeeOrgData", "employeeType",
      "externalUserState", "externalUserStateChangeDateTime", "faxNumber", "givenName", "hireDate", "id",
      "identities", "imAddresses", "interests", "isResourceAccount", "jobTitle", "lastPasswordChangeDateTime",
      "legalAgeGroupClassification", "licenseAssignmentStates", "mail", "mailboxSettings", "mailNickname",
      "mobilePhone", "mySite", "officeLocation", "onPremisesDistinguishedName", "onPremisesDomainName",
      "onPremisesExtensionAttributes", "onPremisesImmutableId", "onPremisesLastSyncDateTime",
      "onPremisesProvisioningErrors", "onPremisesSamAccountName", "onPremisesSecurityIdentifier",
      "onPremisesSyncEnabled", "onPremisesUserPrincipalName", "otherMails", "passwordPolicies", "passwordProfile",
      "pastProjects", "postalCode", "preferredDataLocation", "preferredLanguage", "preferredName",
      "provisionedPlans", "proxyAddresses", "responsibilities", "schools", "securityIdentifier",
      "showInAddressList", "signInActivity", "signInSessionsValidFromDateTime", "skills", "state",
      "streetAddress", "surname", "usageLocation", "userPrincipalName", "userType"};
  return props;
}

const std::vector<std::string>& groupProperties() {
  static const std::vector<std::string> props = {"Id", "DisplayName", "Description", "GroupTypes", "MailEnabled",
                                                 "SecurityEnabled", "AssignedLicenses", "DeletedDateTime",
                                                 "AdditionalProperties"};
  return props;
}

// GET /groups without $select: assignedLicenses is not among them (group resource type).
const std::vector<std::string>& groupDefaults() {
  static const std::vector<std::string> props = {"id", "displayName", "description", "groupTypes", "mailEnabled",
                                                 "securityEnabled", "deletedDateTime"};
  return props;
}

void declareTypes(lua_State* L) {
  shell::declareType(L, "MicrosoftGraphUser", userProperties());
  shell::declareType(L, "MicrosoftGraphAssignedLicense", {"DisabledPlans", "SkuId"});
  shell::declareType(L, "MicrosoftGraphLicenseAssignmentState",
                     {"AssignedByGroup", "DisabledPlans", "Error", "LastUpdatedDateTime", "SkuId", "State"});
  shell::declareType(L, "MicrosoftGraphSignInActivity", {"LastSignInDateTime"});
  shell::declareType(L, "MicrosoftGraphSubscribedSku",
                     {"Id", "AccountId", "AccountName", "AppliesTo", "CapabilityStatus", "ConsumedUnits",
                      "PrepaidUnits", "ServicePlans", "SkuId", "SkuPartNumber", "SubscriptionIds",
                      "AdditionalProperties"});
  shell::declareType(L, "MicrosoftGraphLicenseUnitsDetail", {"Enabled", "LockedOut", "Suspended", "Warning"});
  shell::declareType(L, "MicrosoftGraphServicePlanInfo", {"AppliesTo", "ProvisioningStatus", "ServicePlanId",
                                                          "ServicePlanName"});
  shell::declareType(L, "MicrosoftGraphLicenseDetails", {"Id", "ServicePlans", "SkuId", "SkuPartNumber"});
  shell::declareType(L, "MicrosoftGraphGroup", groupProperties());
  shell::declareType(L, "MicrosoftGraphDirectoryObject", {"Id", "DeletedDateTime", "AdditionalProperties"});
  shell::declareType(L, "MicrosoftGraphContext", {"ClientId", "TenantId", "Scopes", "AuthType", "Account",
                                                  "AppName", "Environment"});
}

namespace {

void pushObjectOf(lua_State* L, const char* type) {
  lua_newtable(L);
  shell::pushTypeMetatable(L, type);
  lua_setmetatable(L, -2);
}

void setText(lua_State* L, const char* name, const std::string& value) {
  if (!value.empty()) setField(L, name, value);
}

// AdditionalProperties: the SDK's dictionary of what its model has no property for.
void pushAdditional(lua_State* L, const std::vector<std::pair<const char*, std::string>>& entries) {
  std::vector<const char*> keys;
  for (const auto& e : entries) keys.push_back(e.first);
  graph::pushShaped(L, keys, "Hashtable");
  for (const auto& [key, value] : entries) graph::set(L, key, value);
}

void pushAssignedLicenses(lua_State* L, const std::vector<tenant::AssignedLicense>& licenses) {
  graph::pushList(L, licenses.size(), [&](size_t i) {
    pushObjectOf(L, "MicrosoftGraphAssignedLicense");
    setField(L, "DisabledPlans", licenses[i].DisabledPlans);
    setField(L, "SkuId", licenses[i].SkuId);
  });
}

void pushStates(lua_State* L, const std::vector<tenant::LicenseAssignmentState>& states) {
  graph::pushList(L, states.size(), [&](size_t i) {
    const tenant::LicenseAssignmentState& s = states[i];
    pushObjectOf(L, "MicrosoftGraphLicenseAssignmentState");
    setText(L, "AssignedByGroup", s.AssignedByGroup);
    setField(L, "DisabledPlans", s.DisabledPlans);
    setField(L, "Error", s.Error);
    setText(L, "LastUpdatedDateTime", s.LastUpdated);
    setField(L, "SkuId", s.SkuId);
    setField(L, "State", s.State);
  });
}

}  // namespace

void pushUser(shell::Call& c, const tenant::User& u, const Selection& s, const tenant::UserGraphLicenses* licenses) {
  lua_State* L = c.lua();
  c.pushObject("MicrosoftGraphUser", 12);
  setField(L, "Id", u.Id);
  if (s.has("displayName")) setText(L, "DisplayName", u.DisplayName);
  if (s.has("userPrincipalName")) setText(L, "UserPrincipalName", u.UserPrincipalName);
  if (s.has("businessPhones")) setField(L, "BusinessPhones", std::vector<std::string>{});
  if (s.has("accountEnabled")) setField(L, "AccountEnabled", u.AccountEnabled);
  if (s.has("department")) setText(L, "Department", u.Department);
  if (s.has("usageLocation")) setText(L, "UsageLocation", u.UsageLocation);
  if (s.has("userType")) setText(L, "UserType", u.UserType);
  if (s.has("deletedDateTime")) setText(L, "DeletedDateTime", u.DeletedOn);
  if (s.has("signInActivity")) {
    pushObjectOf(L, "MicrosoftGraphSignInActivity");
    setText(L, "LastSignInDateTime", u.LastSignIn);
    lua_setfield(L, -2, "SignInActivity");
  }
  if (licenses && s.has("assignedLicenses")) {
    pushAssignedLicenses(L, licenses->assigned);
    lua_setfield(L, -2, "AssignedLicenses");
  }
  if (licenses && s.has("licenseAssignmentStates")) {
    pushStates(L, licenses->states);
    lua_setfield(L, -2, "LicenseAssignmentStates");
  }
  pushAdditional(L, {});
  lua_setfield(L, -2, "AdditionalProperties");
}

void pushSubscribedSku(shell::Call& c, const tenant::SubscribedSku& sku) {
  lua_State* L = c.lua();
  const tenant::Product& p = sku.product;
  c.pushObject("MicrosoftGraphSubscribedSku", 12);
  setText(L, "Id", sku.Id);
  setText(L, "AccountId", sku.AccountId);
  setText(L, "AccountName", sku.AccountName);
  setField(L, "AppliesTo", p.AppliesTo);
  setText(L, "CapabilityStatus", sku.CapabilityStatus);
  setField(L, "ConsumedUnits", static_cast<long long>(sku.ConsumedUnits));
  pushObjectOf(L, "MicrosoftGraphLicenseUnitsDetail");
  setField(L, "Enabled", static_cast<long long>(sku.Enabled));
  setField(L, "LockedOut", static_cast<long long>(sku.LockedOut));
  setField(L, "Suspended", static_cast<long long>(sku.Suspended));
  setField(L, "Warning", static_cast<long long>(sku.Warning));
  lua_setfield(L, -2, "PrepaidUnits");
  graph::pushList(L, p.ServicePlans.size(), [&](size_t i) {
    const tenant::ServicePlan& plan = p.ServicePlans[i];
    pushObjectOf(L, "MicrosoftGraphServicePlanInfo");
    setField(L, "AppliesTo", plan.AppliesTo.empty() ? p.AppliesTo : plan.AppliesTo);
    setField(L, "ProvisioningStatus", plan.ProvisioningStatus.empty() ? "Success" : plan.ProvisioningStatus);
    setField(L, "ServicePlanId", plan.Id);
    setField(L, "ServicePlanName", plan.Name);
  });
  lua_setfield(L, -2, "ServicePlans");
  setField(L, "SkuId", p.SkuId);
  setField(L, "SkuPartNumber", p.SkuPartNumber);
  setField(L, "SubscriptionIds", sku.SubscriptionIds);
  pushAdditional(L, {});
  lua_setfield(L, -2, "AdditionalProperties");
}

void pushGroup(shell::Call& c, const tenant::Group& g, const Selection& s,
               const std::vector<tenant::AssignedLicense>* licenses) {
  lua_State* L = c.lua();
  c.pushObject("MicrosoftGraphGroup", 9);
  setField(L, "Id", g.Id);
  if (s.has("displayName")) setText(L, "DisplayName", g.DisplayName);
  if (s.has("description")) setText(L, "Description", g.Description);
  if (s.has("groupTypes")) setField(L, "GroupTypes", std::vector<std::string>{});
  if (s.has("mailEnabled")) setField(L, "MailEnabled", false);
  if (s.has("securityEnabled")) setField(L, "SecurityEnabled", true);
  if (licenses && s.has("assignedLicenses")) {
    pushAssignedLicenses(L, *licenses);
    lua_setfield(L, -2, "AssignedLicenses");
  }
  pushAdditional(L, {});
  lua_setfield(L, -2, "AdditionalProperties");
}

// What Graph lists as a directoryObject: the user's own properties travel in AdditionalProperties.
void pushUserAsDirectoryObject(shell::Call& c, const tenant::User& u) {
  lua_State* L = c.lua();
  c.pushObject("MicrosoftGraphDirectoryObject", 3);
  setField(L, "Id", u.Id);
  setText(L, "DeletedDateTime", u.DeletedOn);
  pushAdditional(L, {{"@odata.type", "#microsoft.graph.user"},
                     {"displayName", u.DisplayName},
                     {"userPrincipalName", u.UserPrincipalName}});
  lua_setfield(L, -2, "AdditionalProperties");
}

// licenseDetails: a held product with each plan's state for this user (Disabled when turned off).
void pushLicenseDetails(shell::Call& c, const tenant::SubscribedSku& sku, const tenant::AssignedLicense& held) {
  lua_State* L = c.lua();
  const tenant::Product& p = sku.product;
  c.pushObject("MicrosoftGraphLicenseDetails", 4);
  graph::pushList(L, p.ServicePlans.size(), [&](size_t i) {
    const tenant::ServicePlan& plan = p.ServicePlans[i];
    bool off = std::count(held.DisabledPlans.begin(), held.DisabledPlans.end(), tenant::lower(plan.Id)) > 0;
    pushObjectOf(L, "MicrosoftGraphServicePlanInfo");
    setField(L, "AppliesTo", plan.AppliesTo.empty() ? p.AppliesTo : plan.AppliesTo);
    setField(L, "ProvisioningStatus", off ? "Disabled" : plan.ProvisioningStatus.empty() ? "Success" : plan.ProvisioningStatus);
    setField(L, "ServicePlanId", plan.Id);
    setField(L, "ServicePlanName", plan.Name);
  });
  lua_setfield(L, -2, "ServicePlans");
  setField(L, "SkuId", p.SkuId);
  setField(L, "SkuPartNumber", p.SkuPartNumber);
}

namespace {

// The value of `key` in the table on top, whatever the key's case (hashtables are case-insensitive).
bool pushKey(lua_State* L, const char* key) {
  std::string want = tenant::lower(key);
  lua_pushnil(L);
  while (lua_next(L, -2)) {
    if (lua_type(L, -2) == LUA_TSTRING && tenant::lower(lua_tostring(L, -2)) == want) {
      lua_remove(L, -2);
      return true;
    }
    lua_pop(L, 1);
  }
  lua_getfield(L, -1, key);  // an object's declared property (its metatable knows the spelling)
  if (!lua_isnil(L, -1)) return true;
  lua_pop(L, 1);
  return false;
}

std::vector<std::string> stringsOnTop(lua_State* L) {
  std::vector<std::string> out;
  if (lua_isstring(L, -1)) out.emplace_back(lua_tostring(L, -1));
  else if (lua_istable(L, -1)) {
    lua_Integer n = luaL_len(L, -1);
    for (lua_Integer i = 1; i <= n; ++i) {
      lua_rawgeti(L, -1, i);
      if (lua_isstring(L, -1)) out.emplace_back(lua_tostring(L, -1));
      lua_pop(L, 1);
    }
  }
  return out;
}

}  // namespace

namespace {

// The list on top: each item a hashtable or object with SkuId and DisabledPlans.
std::vector<AddLicense> addLicensesOnTop(lua_State* L, const char* what) {
  std::vector<AddLicense> out;
  if (!lua_istable(L, -1)) return out;
  lua_Integer n = luaL_len(L, -1);
  for (lua_Integer i = 1; i <= n; ++i) {
    lua_rawgeti(L, -1, i);
    AddLicense a;
    if (lua_istable(L, -1)) {
      if (pushKey(L, "SkuId")) {
        if (lua_isstring(L, -1)) a.skuId = lua_tostring(L, -1);
        lua_pop(L, 1);
      }
      if (pushKey(L, "DisabledPlans")) {
        a.disabledPlans = stringsOnTop(L);
        lua_pop(L, 1);
      }
    }
    lua_pop(L, 1);
    if (a.skuId.empty()) {
      lua_pop(L, 1);
      failBadRequest(what, std::string("Each of ") + what + " is @{SkuId = '<guid>'; DisabledPlans = @(...)}: item " +
                               std::to_string(i) + " has no SkuId.");
    }
    out.push_back(std::move(a));
  }
  return out;
}

}  // namespace

// Graph names products by SkuId, and only those the tenant subscribes to.
std::string subscribedSkuId(tenant::Session& session, const std::string& value) {
  std::string id = tenant::lower(value);
  if (!tenant::isGuid(id)) {
    std::string hint;
    try {
      hint = session.product(value).SkuId;
    } catch (const tenant::TenantError&) {
    }
    tenant::fail("InvalidArgument", tenant::category::InvalidArgument, value,
                 "'" + value + "' is not a SkuId: Graph's assignLicense names products by SkuId (a GUID).",
                 hint.empty() ? "(Get-MgSubscribedSku -All).SkuId" : "Use " + hint + " for " + value);
  }
  bool subscribed = false;
  try {
    subscribed = session.subscribedSku(id).subscribed;
  } catch (const tenant::TenantError&) {
  }
  if (!subscribed)
    tenant::fail("ProductNotFound", tenant::category::ObjectNotFound, id,
                 "The tenant has no subscription to " + id + ".", "Get-MgSubscribedSku -All");
  return id;
}

LicenseChanges licenseChanges(shell::Call& c) {
  lua_State* L = c.lua();
  LicenseChanges out;
  if (c.has("BodyParameter")) {
    c.pushArgument("BodyParameter");
    if (pushKey(L, "addLicenses")) {
      out.add = addLicensesOnTop(L, "addLicenses");
      lua_pop(L, 1);
    }
    if (pushKey(L, "removeLicenses")) {
      out.remove = stringsOnTop(L);
      lua_pop(L, 1);
    }
    lua_pop(L, 1);
    return out;
  }
  c.pushArgument("AddLicenses");
  out.add = addLicensesOnTop(L, "-AddLicenses");
  lua_pop(L, 1);
  out.remove = c.strings("RemoveLicenses");
  return out;
}

}  // namespace plush::cmdlets::mg

namespace plush::cmdlets {

void registerMgCmdlets(lua_State* L, TenantContext& ctx) {
  mg::declareTypes(L);
  auto connection = std::make_shared<mg::Connection>();
  mg::registerDirectoryCmdlets(L, ctx, connection);
  mg::registerUserCmdlets(L, ctx, connection);
  mg::registerGroupCmdlets(L, ctx, connection);
}

}  // namespace plush::cmdlets
