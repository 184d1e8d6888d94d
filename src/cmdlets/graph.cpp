// Microsoft Graph shapes for ConvertTo-Json: users (assignedLicenses, licenseAssignmentStates) and
// products and licenses (subscribedSku: skuId, prepaidUnits, consumedUnits, servicePlans).
#include "cmdlets/graph.h"

#include <algorithm>
#include <map>

#include "tenant/session.h"

namespace plush::cmdlets {

namespace {

TenantContext& contextOf(lua_State* L) {
  return *static_cast<TenantContext*>(lua_touserdata(L, lua_upvalueindex(1)));
}

// A Graph object: a table whose keys keep the order given (the runtime's shape), so JSON reads well.
void pushShaped(lua_State* L, const std::vector<const char*>& keys) {
  lua_newtable(L);
  lua_getglobal(L, "__plush");
  lua_getfield(L, -1, "shape");
  lua_createtable(L, static_cast<int>(keys.size()), 0);
  for (size_t i = 0; i < keys.size(); ++i) {
    lua_pushstring(L, keys[i]);
    lua_rawseti(L, -2, static_cast<lua_Integer>(i + 1));
  }
  lua_pushstring(L, "GraphObject");
  lua_call(L, 2, 1);
  lua_setmetatable(L, -3);
  lua_pop(L, 1);
}

void pushArray(lua_State* L, const std::vector<std::string>& values) {
  lua_createtable(L, static_cast<int>(values.size()), 0);
  for (size_t i = 0; i < values.size(); ++i) {
    lua_pushstring(L, values[i].c_str());
    lua_rawseti(L, -2, static_cast<lua_Integer>(i + 1));
  }
  lua_getglobal(L, "__plush");
  lua_getfield(L, -1, "ListMeta");
  lua_setmetatable(L, -3);
  lua_pop(L, 1);
}

void setString(lua_State* L, const char* key, const std::string& value) {
  if (value.empty()) lua_pushnil(L);
  else lua_pushstring(L, value.c_str());
  lua_setfield(L, -2, key);
}

std::vector<std::string> planIds(const tenant::Product& product, const std::vector<std::string>& names) {
  std::vector<std::string> ids;
  for (const auto& name : names) {
    for (const auto& plan : product.ServicePlans) {
      if (plan.Name == name) ids.push_back(plan.Id);
    }
  }
  return ids;
}

// One license of a user as Graph's licenseAssignmentState (one per source: direct or each group).
void pushAssignmentStates(lua_State* L, tenant::Session& session, const tenant::UserLicenseRow& row,
                          const tenant::Product& product, lua_Integer& n) {
  auto disabled = planIds(product, row.DisabledPlans);
  for (const auto& source : row.AssignedBy) {
    pushShaped(L, {"skuId", "assignedByGroup", "state", "error", "disabledPlans"});
    setString(L, "skuId", product.SkuId);
    if (source != "Direct") setString(L, "assignedByGroup", session.group(source).Id);
    setString(L, "state", row.State);
    setString(L, "error", row.Error.empty() ? "None" : row.Error);
    pushArray(L, disabled);
    lua_setfield(L, -2, "disabledPlans");
    lua_rawseti(L, -2, ++n);
  }
}

int graphUser(lua_State* L) {
  auto& session = contextOf(L).session();
  lua_getfield(L, 1, "Id");
  std::string id = luaL_checkstring(L, -1);
  lua_pop(L, 1);
  tenant::User user = session.user(id);
  auto rows = session.userLicenses(id);
  pushShaped(L, {"id", "userPrincipalName", "displayName", "department", "usageLocation", "userType",
                 "accountEnabled", "assignedLicenses", "licenseAssignmentStates"});
  setString(L, "id", user.Id);
  setString(L, "userPrincipalName", user.UserPrincipalName);
  setString(L, "displayName", user.DisplayName);
  setString(L, "department", user.Department);
  setString(L, "usageLocation", user.UsageLocation);
  setString(L, "userType", user.UserType);
  lua_pushboolean(L, user.AccountEnabled);
  lua_setfield(L, -2, "accountEnabled");
  pushArray(L, {});
  pushArray(L, {});
  lua_Integer assigned = 0, states = 0;
  for (const auto& row : rows) {
    tenant::Product product = session.product(row.SkuPartNumber);
    bool direct = std::find(row.AssignedBy.begin(), row.AssignedBy.end(), "Direct") != row.AssignedBy.end();
    if (direct && row.State == "Active") {
      pushShaped(L, {"skuId", "disabledPlans"});
      setString(L, "skuId", product.SkuId);
      pushArray(L, planIds(product, row.DisabledPlans));
      lua_setfield(L, -2, "disabledPlans");
      lua_rawseti(L, -3, ++assigned);
    }
    pushAssignmentStates(L, session, row, product, states);
  }
  lua_setfield(L, -3, "licenseAssignmentStates");
  lua_setfield(L, -2, "assignedLicenses");
  return 1;
}

// A product with its license counts as Graph's subscribedSku.
void pushSubscribedSku(lua_State* L, const tenant::Product& product, const tenant::LicenseRow* counts) {
  pushShaped(L, {"skuId", "skuPartNumber", "appliesTo", "capabilityStatus", "consumedUnits", "prepaidUnits",
                 "servicePlans"});
  setString(L, "skuId", product.SkuId);
  setString(L, "skuPartNumber", product.SkuPartNumber);
  setString(L, "appliesTo", product.AppliesTo);
  long long enabled = counts ? counts->Total - counts->Warning : 0;
  setString(L, "capabilityStatus", !counts ? "Enabled" : enabled > 0 ? "Enabled" : counts->Warning > 0 ? "Warning" : "Suspended");
  lua_pushinteger(L, counts ? counts->Assigned : 0);
  lua_setfield(L, -2, "consumedUnits");
  pushShaped(L, {"enabled", "suspended", "warning", "lockedOut"});
  lua_pushinteger(L, enabled);
  lua_setfield(L, -2, "enabled");
  lua_pushinteger(L, counts ? counts->Suspended : 0);
  lua_setfield(L, -2, "suspended");
  lua_pushinteger(L, counts ? counts->Warning : 0);
  lua_setfield(L, -2, "warning");
  lua_pushinteger(L, 0);
  lua_setfield(L, -2, "lockedOut");
  lua_setfield(L, -2, "prepaidUnits");
  lua_createtable(L, static_cast<int>(product.ServicePlans.size()), 0);
  lua_Integer i = 0;
  for (const auto& plan : product.ServicePlans) {
    pushShaped(L, {"servicePlanId", "servicePlanName", "provisioningStatus", "appliesTo"});
    setString(L, "servicePlanId", plan.Id);
    setString(L, "servicePlanName", plan.Name);
    setString(L, "provisioningStatus", "Success");
    setString(L, "appliesTo", product.AppliesTo);
    lua_rawseti(L, -2, ++i);
  }
  lua_setfield(L, -2, "servicePlans");
}

std::string fieldOf(lua_State* L, const char* name) {
  lua_getfield(L, 1, name);
  std::string value = luaL_checkstring(L, -1);
  lua_pop(L, 1);
  return value;
}

int graphProduct(lua_State* L) {
  auto& session = contextOf(L).session();
  tenant::Product product = session.product(fieldOf(L, "SkuId"));
  auto rows = session.licenses(product.SkuId);
  pushSubscribedSku(L, product, rows.empty() ? nullptr : &rows.front());
  return 1;
}

int graphLicense(lua_State* L) {
  auto& session = contextOf(L).session();
  std::string sku = fieldOf(L, "SkuPartNumber");
  tenant::Product product = session.product(sku);
  auto rows = session.licenses(sku);
  pushSubscribedSku(L, product, rows.empty() ? nullptr : &rows.front());
  return 1;
}

template <lua_CFunction F>
int guardedView(lua_State* L) {
  try {
    return F(L);
  } catch (const std::exception& e) {
    lua_pushstring(L, e.what());
  }
  return lua_error(L);
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
  setView(L, context, "User", guardedView<graphUser>);
  setView(L, context, "Product", guardedView<graphProduct>);
  setView(L, context, "License", guardedView<graphLicense>);
  lua_pop(L, 2);
}

}  // namespace plush::cmdlets
