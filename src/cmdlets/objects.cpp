// Tenant entities as shell objects: each type with its property order, pushed onto the Lua stack.
#include "cmdlets/objects.h"

namespace plush::cmdlets {

using shell::setField;

void declareTenantTypes(lua_State* L) {
  shell::declareType(L, "Tenant", {"Name", "Id", "DefaultUsageLocation", "AllowAdHocSubscriptions", "Users", "Groups", "Products"});
  shell::declareType(L, "Product", {"SkuPartNumber", "SkuId", "DisplayName", "AppliesTo", "ServicePlans", "Requires"});
  shell::declareType(L, "ServicePlan", {"Name", "Id", "DisplayName", "Automatic"});
  shell::declareType(L, "Subscription", {"Id", "Product", "Quantity", "Status", "Source", "PurchasedBy", "StartsOn", "ExpiresOn", "Trial"});
  shell::declareType(L, "License", {"Product", "SkuPartNumber", "Total", "Assigned", "Available", "ExpiringSoon", "Warning",
                                    "Suspended", "LockedOut", "AssignedElsewhere"});
  shell::declareType(L, "UserLicense", {"User", "SkuPartNumber", "AssignedBy", "State", "Error", "DisabledPlans", "EnabledPlans"});
  shell::declareType(L, "User", {"Id", "UserPrincipalName", "DisplayName", "Department", "UsageLocation", "UserType",
                                 "AccountEnabled", "State", "LastSignIn", "Licenses"});
  shell::declareType(L, "Group", {"Id", "DisplayName", "Description", "MemberCount", "Licenses"});
  shell::declareType(L, "GroupLicense", {"Group", "SkuPartNumber", "DisabledPlans", "EnabledPlans", "Active", "Errors"});
  shell::declareType(L, "LicenseError", {"User", "SkuPartNumber", "AssignedBy", "Error", "Message"});
  shell::declareType(L, "AuditEntry", {"Time", "Actor", "Action", "Target", "Detail"});
  shell::declareType(L, "AdminRole", {"Name", "Members"});
  shell::declareType(L, "ImportReport", {"Added", "Updated", "Unchanged", "ServicePlans"});
  shell::declareType(L, "TenantImport", {"Added", "Updated", "Unchanged"});
  shell::declareType(L, "TenantCopy", {"From", "To", "Tables", "Rows"});
  shell::declareType(L, "ReprocessReport", {"Evaluated", "Fixed", "InError"});
  shell::declareType(L, "TenantCapacity", {"Kind", "Month", "Unit", "Total", "Consumed", "Available", "PercentUsed",
                                           "DailyRate", "Projected", "ProjectedPercent", "UsageThrough",
                                           "Suspended", "Grants", "DisplayName", "Source"});
  shell::declareType(L, "Bot", {"Name", "Owner", "Environment", "CreatedOn", "OwnerLicensed", "Id"});
  shell::declareType(L, "BotUsage", {"Bot", "Month", "BilledSessions", "Days", "UsageThrough", "PercentOfTenant",
                                     "Owner", "Environment", "Removed"});
  shell::declareType(L, "BotUsageDay", {"Date", "Bot", "BilledSessions"});
  shell::declareType(L, "BotUsageImport", {"Path", "Rows", "Added", "Updated", "Unchanged", "From", "To"});
}

namespace {

void optionalText(lua_State* L, const char* name, const std::string& value) {
  if (!value.empty()) setField(L, name, value);
}

void optionalInteger(lua_State* L, const char* name, const std::optional<int64_t>& value) {
  if (value) setField(L, name, static_cast<long long>(*value));
}

void optionalNumber(lua_State* L, const char* name, const std::optional<double>& value) {
  if (value) shell::setNumber(L, name, *value);
}

void pushPlans(lua_State* L, const std::vector<tenant::ServicePlan>& plans) {
  lua_createtable(L, static_cast<int>(plans.size()), 0);
  for (size_t i = 0; i < plans.size(); ++i) {
    lua_createtable(L, 0, 4);
    shell::pushTypeMetatable(L, "ServicePlan");
    lua_setmetatable(L, -2);
    setField(L, "Name", plans[i].Name);
    setField(L, "Id", plans[i].Id);
    setField(L, "DisplayName", plans[i].DisplayName);
    setField(L, "Automatic", plans[i].Automatic);
    lua_rawseti(L, -2, static_cast<lua_Integer>(i + 1));
  }
  lua_getglobal(L, "__plush");
  lua_getfield(L, -1, "ListMeta");
  lua_setmetatable(L, -3);
  lua_pop(L, 1);
}

}  // namespace

void pushTenantInfo(shell::Call& call, const tenant::TenantInfo& t) {
  lua_State* L = call.lua();
  call.pushObject("Tenant", 9);
  setField(L, "Name", t.Name);
  setField(L, "Id", t.Id);
  optionalText(L, "DefaultUsageLocation", t.DefaultUsageLocation);
  setField(L, "AllowAdHocSubscriptions", t.AllowAdHocSubscriptions);
  setField(L, "Users", static_cast<long long>(t.UserCount));
  setField(L, "Groups", static_cast<long long>(t.GroupCount));
  setField(L, "Products", static_cast<long long>(t.ProductCount));
  setField(L, "Identities", t.Identities);
  setField(L, "Login", t.Login);
}

void pushProduct(shell::Call& call, const tenant::Product& p) {
  lua_State* L = call.lua();
  call.pushObject("Product", 6);
  setField(L, "SkuPartNumber", p.SkuPartNumber);
  setField(L, "SkuId", p.SkuId);
  setField(L, "DisplayName", p.DisplayName);
  setField(L, "AppliesTo", p.AppliesTo);
  pushPlans(L, p.ServicePlans);
  lua_setfield(L, -2, "ServicePlans");
  setField(L, "Requires", p.Requires);
}

void pushSubscription(shell::Call& call, const tenant::Subscription& s) {
  lua_State* L = call.lua();
  call.pushObject("Subscription", 9);
  setField(L, "Id", s.Id);
  setField(L, "Product", s.Product);
  setField(L, "Quantity", static_cast<long long>(s.Quantity));
  setField(L, "Status", s.Status);
  setField(L, "Source", s.Source);
  optionalText(L, "PurchasedBy", s.PurchasedBy);
  optionalText(L, "StartsOn", s.StartsOn);
  optionalText(L, "ExpiresOn", s.ExpiresOn);
  setField(L, "Trial", s.Trial);
}

void pushLicense(shell::Call& call, const tenant::LicenseRow& l) {
  lua_State* L = call.lua();
  call.pushObject("License", 10);
  setField(L, "Product", l.Product);
  setField(L, "SkuPartNumber", l.SkuPartNumber);
  setField(L, "Total", static_cast<long long>(l.Total));
  setField(L, "Assigned", static_cast<long long>(l.Assigned));
  setField(L, "Available", static_cast<long long>(l.Available));
  setField(L, "ExpiringSoon", static_cast<long long>(l.ExpiringSoon));
  setField(L, "Warning", static_cast<long long>(l.Warning));
  setField(L, "Suspended", static_cast<long long>(l.Suspended));
  setField(L, "LockedOut", static_cast<long long>(l.LockedOut));
  setField(L, "AssignedElsewhere", static_cast<long long>(l.AssignedElsewhere));
}

void pushUserLicense(shell::Call& call, const tenant::UserLicenseRow& l) {
  lua_State* L = call.lua();
  call.pushObject("UserLicense", 7);
  setField(L, "User", l.User);
  setField(L, "SkuPartNumber", l.SkuPartNumber);
  setField(L, "AssignedBy", l.AssignedBy);
  setField(L, "State", l.State);
  optionalText(L, "Error", l.Error);
  setField(L, "DisabledPlans", l.DisabledPlans);
  setField(L, "EnabledPlans", l.EnabledPlans);
}

void pushUser(shell::Call& call, const tenant::User& u) { pushUser(call.lua(), u); }

void pushUser(lua_State* L, const tenant::User& u) {
  lua_createtable(L, 0, 10);
  shell::pushTypeMetatable(L, "User");
  lua_setmetatable(L, -2);
  setField(L, "Id", u.Id);
  setField(L, "UserPrincipalName", u.UserPrincipalName);
  setField(L, "DisplayName", u.DisplayName);
  optionalText(L, "Department", u.Department);
  optionalText(L, "UsageLocation", u.UsageLocation);
  setField(L, "UserType", u.UserType);
  setField(L, "AccountEnabled", u.AccountEnabled);
  setField(L, "State", u.State);
  optionalText(L, "LastSignIn", u.LastSignIn);
  setField(L, "Licenses", u.Licenses);
}

void pushGroup(shell::Call& call, const tenant::Group& g) {
  lua_State* L = call.lua();
  call.pushObject("Group", 5);
  setField(L, "Id", g.Id);
  setField(L, "DisplayName", g.DisplayName);
  optionalText(L, "Description", g.Description);
  setField(L, "MemberCount", static_cast<long long>(g.MemberCount));
  setField(L, "Licenses", g.Licenses);
}

void pushGroupLicense(shell::Call& call, const tenant::GroupLicenseRow& l) {
  lua_State* L = call.lua();
  call.pushObject("GroupLicense", 6);
  setField(L, "Group", l.Group);
  setField(L, "SkuPartNumber", l.SkuPartNumber);
  setField(L, "DisabledPlans", l.DisabledPlans);
  setField(L, "EnabledPlans", l.EnabledPlans);
  setField(L, "Active", static_cast<long long>(l.Active));
  setField(L, "Errors", static_cast<long long>(l.Errors));
}

void pushLicenseError(shell::Call& call, const tenant::LicenseErrorRow& e) {
  lua_State* L = call.lua();
  call.pushObject("LicenseError", 5);
  setField(L, "User", e.User);
  setField(L, "SkuPartNumber", e.SkuPartNumber);
  setField(L, "AssignedBy", e.AssignedBy);
  setField(L, "Error", e.Error);
  setField(L, "Message", e.Message);
}

void pushAuditEntry(shell::Call& call, const tenant::AuditEntry& e) {
  lua_State* L = call.lua();
  call.pushObject("AuditEntry", 5);
  setField(L, "Time", e.Time);
  setField(L, "Actor", e.Actor);
  setField(L, "Action", e.Action);
  setField(L, "Target", e.Target);
  setField(L, "Detail", e.Detail);
  if (!e.Login.empty()) setField(L, "Login", e.Login);  // only while identities are bound
}

void pushAdminBinding(shell::Call& call, const tenant::AdminBinding& b) {
  lua_State* L = call.lua();
  call.pushObject("AdminBinding", 2);
  setField(L, "Login", b.Login);
  setField(L, "User", b.User);
}

void pushAdminRole(shell::Call& call, const tenant::AdminRole& r) {
  lua_State* L = call.lua();
  call.pushObject("AdminRole", 2);
  setField(L, "Name", r.Name);
  setField(L, "Members", r.Members);
}

void pushTenantCapacity(shell::Call& call, const tenant::TenantCapacityRow& c) {
  lua_State* L = call.lua();
  call.pushObject("TenantCapacity", 15);
  setField(L, "Kind", c.Kind);
  optionalText(L, "Month", c.Month);
  setField(L, "Unit", c.Unit);
  setField(L, "Total", static_cast<long long>(c.Total));
  optionalInteger(L, "Consumed", c.Consumed);
  optionalInteger(L, "Available", c.Available);
  optionalNumber(L, "PercentUsed", c.PercentUsed);
  optionalNumber(L, "DailyRate", c.DailyRate);
  optionalInteger(L, "Projected", c.Projected);
  optionalNumber(L, "ProjectedPercent", c.ProjectedPercent);
  optionalText(L, "UsageThrough", c.UsageThrough);
  setField(L, "Suspended", static_cast<long long>(c.Suspended));
  setField(L, "Grants", c.Grants);
  setField(L, "DisplayName", c.DisplayName);
  optionalText(L, "Source", c.Source);
}

void pushBot(shell::Call& call, const tenant::Bot& b) {
  lua_State* L = call.lua();
  call.pushObject("Bot", 6);
  setField(L, "Name", b.Name);
  optionalText(L, "Owner", b.Owner);
  setField(L, "Environment", b.Environment);
  setField(L, "CreatedOn", b.CreatedOn);
  setField(L, "OwnerLicensed", b.OwnerLicensed);
  setField(L, "Id", b.Id);
}

void pushBotUsage(shell::Call& call, const tenant::BotUsageRow& u) {
  lua_State* L = call.lua();
  call.pushObject("BotUsage", 9);
  setField(L, "Bot", u.Bot);
  setField(L, "Month", u.Month);
  setField(L, "BilledSessions", static_cast<long long>(u.BilledSessions));
  setField(L, "Days", static_cast<long long>(u.Days));
  optionalText(L, "UsageThrough", u.UsageThrough);
  optionalNumber(L, "PercentOfTenant", u.PercentOfTenant);
  optionalText(L, "Owner", u.Owner);
  setField(L, "Environment", u.Environment);
  setField(L, "Removed", u.Removed);
}

void pushBotUsageDay(shell::Call& call, const tenant::BotUsageDay& d) {
  lua_State* L = call.lua();
  call.pushObject("BotUsageDay", 3);
  setField(L, "Date", d.Date);
  setField(L, "Bot", d.Bot);
  setField(L, "BilledSessions", static_cast<long long>(d.BilledSessions));
}

void pushBotUsageImport(shell::Call& call, const tenant::BotUsageImport& r) {
  lua_State* L = call.lua();
  call.pushObject("BotUsageImport", 7);
  setField(L, "Path", r.Path);
  setField(L, "Rows", static_cast<long long>(r.Rows));
  setField(L, "Added", static_cast<long long>(r.Added));
  setField(L, "Updated", static_cast<long long>(r.Updated));
  setField(L, "Unchanged", static_cast<long long>(r.Unchanged));
  optionalText(L, "From", r.From);
  optionalText(L, "To", r.To);
}

}  // namespace plush::cmdlets
