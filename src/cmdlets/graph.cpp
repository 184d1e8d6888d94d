// Microsoft Graph shapes for ConvertTo-Json: users (assignedLicenses, licenseAssignmentStates,
// signInActivity), products and licenses (subscribedSku) and groups (assignedLicenses, members).
#include "cmdlets/graph.h"

#include "cmdlets/graph_shapes.h"
#include "tenant/session.h"

namespace plush::cmdlets {

namespace {

TenantContext& contextOf(lua_State* L) {
  return *static_cast<TenantContext*>(lua_touserdata(L, lua_upvalueindex(1)));
}

std::string fieldOf(lua_State* L, const char* name) {
  lua_getfield(L, 1, name);
  std::string value = luaL_checkstring(L, -1);
  lua_pop(L, 1);
  return value;
}

void pushAssigned(lua_State* L, const std::vector<tenant::AssignedLicense>& licenses) {
  graph::pushList(L, licenses.size(), [&](size_t i) {
    graph::pushShaped(L, {"skuId", "disabledPlans"});
    graph::set(L, "skuId", licenses[i].SkuId);
    graph::pushStrings(L, licenses[i].DisabledPlans);
    lua_setfield(L, -2, "disabledPlans");
  });
}

int graphUser(lua_State* L) {
  auto& session = contextOf(L).session();
  std::string id = fieldOf(L, "Id");
  tenant::User u = session.anyUser(id);
  tenant::UserGraphLicenses licenses = session.graphLicenses(id);
  graph::pushShaped(L, {"id", "userPrincipalName", "displayName", "department", "usageLocation", "userType",
                        "accountEnabled", "deletedDateTime", "signInActivity", "assignedLicenses",
                        "licenseAssignmentStates"});
  graph::set(L, "id", u.Id);
  graph::set(L, "userPrincipalName", u.UserPrincipalName);
  graph::set(L, "displayName", u.DisplayName);
  graph::set(L, "department", u.Department);
  graph::set(L, "usageLocation", u.UsageLocation);
  graph::set(L, "userType", u.UserType);
  lua_pushboolean(L, u.AccountEnabled);
  lua_setfield(L, -2, "accountEnabled");
  graph::set(L, "deletedDateTime", u.DeletedOn);
  if (!u.LastSignIn.empty()) {
    graph::pushShaped(L, {"lastSignInDateTime"});
    graph::set(L, "lastSignInDateTime", u.LastSignIn);
    lua_setfield(L, -2, "signInActivity");
  }
  pushAssigned(L, licenses.assigned);
  lua_setfield(L, -2, "assignedLicenses");
  graph::pushList(L, licenses.states.size(), [&](size_t i) {
    const tenant::LicenseAssignmentState& s = licenses.states[i];
    graph::pushShaped(L, {"skuId", "assignedByGroup", "state", "error", "disabledPlans", "lastUpdatedDateTime"});
    graph::set(L, "skuId", s.SkuId);
    graph::set(L, "assignedByGroup", s.AssignedByGroup);
    graph::set(L, "state", s.State);
    graph::set(L, "error", s.Error);
    graph::pushStrings(L, s.DisabledPlans);
    lua_setfield(L, -2, "disabledPlans");
    graph::set(L, "lastUpdatedDateTime", s.LastUpdated);
  });
  lua_setfield(L, -2, "licenseAssignmentStates");
  return 1;
}

// A product and its licenses as Graph's subscribedSku; a catalog product the tenant never subscribed
// to has no id, account or capabilityStatus.
void pushSubscribedSku(lua_State* L, const tenant::SubscribedSku& s) {
  const tenant::Product& p = s.product;
  graph::pushShaped(L, {"id", "accountId", "accountName", "skuId", "skuPartNumber", "appliesTo", "capabilityStatus",
                        "consumedUnits", "prepaidUnits", "servicePlans", "subscriptionIds"});
  graph::set(L, "id", s.Id);
  graph::set(L, "accountId", s.AccountId);
  graph::set(L, "accountName", s.AccountName);
  graph::set(L, "skuId", p.SkuId);
  graph::set(L, "skuPartNumber", p.SkuPartNumber);
  graph::set(L, "appliesTo", p.AppliesTo);
  graph::set(L, "capabilityStatus", s.CapabilityStatus);
  lua_pushinteger(L, s.ConsumedUnits);
  lua_setfield(L, -2, "consumedUnits");
  graph::pushShaped(L, {"enabled", "suspended", "warning", "lockedOut"});
  for (auto [key, value] : {std::pair{"enabled", s.Enabled}, std::pair{"suspended", s.Suspended},
                            std::pair{"warning", s.Warning}, std::pair{"lockedOut", s.LockedOut}}) {
    lua_pushinteger(L, value);
    lua_setfield(L, -2, key);
  }
  lua_setfield(L, -2, "prepaidUnits");
  graph::pushList(L, p.ServicePlans.size(), [&](size_t i) {
    const tenant::ServicePlan& plan = p.ServicePlans[i];
    graph::pushShaped(L, {"servicePlanId", "servicePlanName", "provisioningStatus", "appliesTo"});
    graph::set(L, "servicePlanId", plan.Id);
    graph::set(L, "servicePlanName", plan.Name);
    graph::set(L, "provisioningStatus", plan.ProvisioningStatus.empty() ? "Success" : plan.ProvisioningStatus);
    graph::set(L, "appliesTo", plan.AppliesTo.empty() ? p.AppliesTo : plan.AppliesTo);
  });
  lua_setfield(L, -2, "servicePlans");
  graph::pushStrings(L, s.SubscriptionIds);
  lua_setfield(L, -2, "subscriptionIds");
}

int graphProduct(lua_State* L) {
  pushSubscribedSku(L, contextOf(L).session().subscribedSku(fieldOf(L, "SkuId")));
  return 1;
}

int graphLicense(lua_State* L) {
  pushSubscribedSku(L, contextOf(L).session().subscribedSku(fieldOf(L, "SkuPartNumber")));
  return 1;
}

// A security group as Graph lists it with $expand=members: the members by id.
int graphGroup(lua_State* L) {
  auto& session = contextOf(L).session();
  tenant::Group g = session.group(fieldOf(L, "Id"));
  std::vector<std::string> members;
  session.forEachGroupMember(g.Id, [&](const tenant::User& u) { return members.push_back(u.Id), true; });
  graph::pushShaped(L, {"id", "displayName", "description", "securityEnabled", "mailEnabled", "groupTypes",
                        "assignedLicenses", "members"});
  graph::set(L, "id", g.Id);
  graph::set(L, "displayName", g.DisplayName);
  graph::set(L, "description", g.Description);
  lua_pushboolean(L, 1);
  lua_setfield(L, -2, "securityEnabled");
  lua_pushboolean(L, 0);
  lua_setfield(L, -2, "mailEnabled");
  graph::pushStrings(L, {});
  lua_setfield(L, -2, "groupTypes");
  pushAssigned(L, session.groupAssignedLicenses(g.Id));
  lua_setfield(L, -2, "assignedLicenses");
  graph::pushList(L, members.size(), [&](size_t i) {
    graph::pushShaped(L, {"@odata.type", "id"});
    graph::set(L, "@odata.type", "#microsoft.graph.user");
    graph::set(L, "id", members[i]);
  });
  lua_setfield(L, -2, "members");
  return 1;
}

void setView(lua_State* L, TenantContext& context, const char* type, lua_CFunction view) {
  lua_pushlightuserdata(L, &context);
  lua_pushcclosure(L, view, 1);
  lua_setfield(L, -2, type);
}

}  // namespace

void registerGraphViews(lua_State* L, TenantContext& context) {
  lua_getglobal(L, "__plush");
  lua_getfield(L, -1, "graphView");
  if (lua_isnil(L, -1)) {
    lua_pop(L, 1);
    lua_newtable(L);
    lua_pushvalue(L, -1);
    lua_setfield(L, -3, "graphView");
  }
  setView(L, context, "User", graph::guarded<graphUser>);
  setView(L, context, "Product", graph::guarded<graphProduct>);
  setView(L, context, "License", graph::guarded<graphLicense>);
  setView(L, context, "Group", graph::guarded<graphGroup>);
  lua_pop(L, 2);
}

}  // namespace plush::cmdlets
