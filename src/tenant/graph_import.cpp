// Loading Microsoft Graph shaped JSON (subscribedSkus, users, groups; a {"value": [...]} page or an array).
#include <set>

#include "tenant/clock.h"
#include "tenant/tenant_transfer.h"
#include "tenant/text.h"

namespace plush::tenant {

using nlohmann::json;

namespace {

std::string str(const json& j, const char* key) {
  auto it = j.find(key);
  return it != j.end() && it->is_string() ? it->get<std::string>() : std::string();
}

const json& list(const json& j, const char* key) {
  static const json none = json::array();
  auto it = j.find(key);
  return it != j.end() && it->is_array() ? *it : none;
}

int64_t number(const json& j, const char* key) {
  auto it = j.find(key);
  return it != j.end() && it->is_number_integer() ? it->get<int64_t>() : 0;
}

// An assignment's skuId; an item that is not an object has none (and is refused naming its field).
json skuIdOf(const json& item) { return item.is_object() ? item.value("skuId", json()) : json(); }

std::vector<std::string> lowered(const json& values) {
  std::vector<std::string> out;
  for (const json& v : values)
    if (v.is_string()) out.push_back(lower(v.get<std::string>()));
  return out;
}

// The items of a page: an array, {"value": [...]}, or an object of such pages by kind.
void collect(const json& doc, std::vector<const json*>& items) {
  if (doc.is_array()) {
    for (const json& item : doc) items.push_back(&item);
  } else if (doc.is_object() && doc.contains("value")) {
    collect(doc["value"], items);
  } else if (doc.is_object()) {
    for (const char* kind : {"subscribedSkus", "groups", "users"})
      if (doc.contains(kind)) collect(doc[kind], items);
  }
}

enum class Kind { Sku, Group, User, Unknown };

Kind kindOf(const json& item) {
  if (!item.is_object()) return Kind::Unknown;
  if (item.contains("userPrincipalName")) return Kind::User;
  if (item.contains("skuId") && (item.contains("prepaidUnits") || item.contains("skuPartNumber"))) return Kind::Sku;
  if (item.contains("displayName") && (item.contains("securityEnabled") || item.contains("groupTypes") ||
                                       item.contains("members") || item.contains("assignedLicenses")))
    return Kind::Group;
  return Kind::Unknown;
}

}  // namespace

void TenantImport::graphSku(const json& sku, const std::string& where) {
  Product p{str(sku, "skuPartNumber"), lower(str(sku, "skuId")), "", str(sku, "appliesTo") == "Company" ? "Company" : "User", {}, {}};
  if (p.SkuPartNumber.empty() || !isGuid(p.SkuId)) bad(where, "a subscribedSku needs skuPartNumber and a GUID skuId");
  std::vector<int64_t> known = store_.findProducts(ProductKey::SkuId, p.SkuId);
  std::set<std::string> automatic;
  if (!known.empty()) {
    const Product& k = engine_.product(known.front());
    p.DisplayName = k.DisplayName;
    p.Requires = k.Requires;
    for (const ServicePlan& sp : k.ServicePlans)
      if (sp.Automatic) automatic.insert(sp.Name);
  }
  if (p.DisplayName.empty()) p.DisplayName = p.SkuPartNumber;
  for (const json& sp : list(sku, "servicePlans")) {
    std::string name = str(sp, "servicePlanName");
    p.ServicePlans.push_back(ServicePlan{name, lower(str(sp, "servicePlanId")), name, automatic.count(name) > 0});
  }
  if (p.ServicePlans.empty() && !known.empty()) p.ServicePlans = engine_.product(known.front()).ServicePlans;
  int64_t pk = putProduct(p);
  const json& units = sku.contains("prepaidUnits") ? sku["prepaidUnits"] : json::object();
  // One subscription per status bucket, with a stable id so a second import updates it.
  for (auto [bucket, status] : {std::pair{"enabled", ""}, std::pair{"warning", "Warning"}, std::pair{"suspended", "Suspended"}}) {
    int64_t quantity = number(units, bucket);
    std::string id = "graph-" + p.SkuId + "-" + bucket;
    if (quantity <= 0 && !store_.findSubscription(id)) continue;
    SubscriptionRecord r;
    r.productPk = pk;
    r.sub = Subscription{id, p.SkuPartNumber, quantity, status, "Admin", "", "2000-01-01", "", false, false};
    putSubscription(r);
  }
}

void TenantImport::graphGroup(const json& g, const std::string& where) {
  std::string id = lower(str(g, "id"));
  int64_t pk = groupFor(id, str(g, "displayName"), str(g, "description"));
  const json& licenses = list(g, "assignedLicenses");
  for (size_t i = 0; i < licenses.size(); ++i)
    store_.putGroupLicense(GroupLicenseRecord{
        pk, productBySkuId(skuIdOf(licenses[i]), where + ".assignedLicenses[" + std::to_string(i) + "].skuId"),
        lowered(list(licenses[i], "disabledPlans"))});
}

void TenantImport::graphUser(const json& j, const std::string& where) {
  User u;
  u.UserPrincipalName = str(j, "userPrincipalName");
  if (u.UserPrincipalName.empty()) bad(where, "userPrincipalName is empty");
  u.Id = isGuid(str(j, "id")) ? lower(str(j, "id")) : newGuid();
  u.DisplayName = str(j, "displayName").empty() ? u.UserPrincipalName : str(j, "displayName");
  u.Department = str(j, "department");
  u.UsageLocation = upper(str(j, "usageLocation"));
  u.UserType = str(j, "userType") == "Guest" ? "Guest" : "Member";
  u.AccountEnabled = j.contains("accountEnabled") && j["accountEnabled"].is_boolean() ? j["accountEnabled"].get<bool>() : true;
  if (j.contains("signInActivity") && j["signInActivity"].is_object()) {
    std::string last = str(j["signInActivity"], "lastSignInDateTime");
    if (!last.empty()) u.LastSignIn = normalizeInstant(last, where + ".signInActivity.lastSignInDateTime");
  }
  if (!str(j, "deletedDateTime").empty()) u.DeletedOn = normalizeInstant(str(j, "deletedDateTime"), where + ".deletedDateTime");
  UserRecord r = putUser(u);
  std::vector<AssignmentRecord> rows;
  const json& states = list(j, "licenseAssignmentStates");
  const json& source = states.empty() ? list(j, "assignedLicenses") : states;
  for (size_t i = 0; i < source.size(); ++i) {
    const json& a = source[i];
    std::string w = where + (states.empty() ? ".assignedLicenses[" : ".licenseAssignmentStates[") + std::to_string(i) + "]";
    int64_t groupPk = 0;
    if (!str(a, "assignedByGroup").empty()) {
      groupPk = groupFor(lower(str(a, "assignedByGroup")), "", "");
      store_.addMember(groupPk, r.pk);
    }
    bool error = str(a, "state") == "Error";
    std::string id = str(a, "error") == "None" ? "" : str(a, "error");
    rows.push_back(AssignmentRecord{r.pk, productBySkuId(skuIdOf(a), w + ".skuId"), groupPk,
                                    lowered(list(a, "disabledPlans")), error ? "Error" : "Active", error ? id : "",
                                    error ? "Imported from Microsoft Graph: " + id : ""});
  }
  putAssignments(r, rows);
}

ImportReport TenantImport::graph(const json& doc) {
  std::vector<const json*> items;
  collect(doc, items);
  if (items.empty()) bad("value", "no subscribedSkus, users or groups found (expected an array or {\"value\": [...]})");
  for (Kind pass : {Kind::Sku, Kind::Group, Kind::User})
    for (size_t i = 0; i < items.size(); ++i) {
      const json& item = *items[i];
      Kind kind = kindOf(item);
      std::string where = "value[" + std::to_string(i) + "]";
      if (kind == Kind::Unknown && pass == Kind::Sku) bad(where, "neither a subscribedSku, a user nor a group");
      if (kind != pass) continue;
      if (poll) poll(static_cast<int64_t>(i) + 1);
      if (kind == Kind::Sku) graphSku(item, where);
      else if (kind == Kind::Group) graphGroup(item, where);
      else graphUser(item, where);
    }
  for (const json* item : items) {  // members named on groups, once users exist
    if (kindOf(*item) != Kind::Group) continue;
    int64_t pk = groupFor(lower(str(*item, "id")), str(*item, "displayName"), "");
    for (const json& m : list(*item, "members")) {
      std::optional<UserRecord> u = store_.findUser(UserKey::Upn, str(m, "userPrincipalName"));
      if (!u) u = store_.findUser(UserKey::Id, str(m, "id"));
      if (u) store_.addMember(pk, u->pk);
    }
  }
  return report_;
}

}  // namespace plush::tenant
