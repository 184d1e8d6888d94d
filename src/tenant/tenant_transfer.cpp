// Loading a whole tenant from JSON: plush's own export (Graph shapes are in graph_import.cpp).
#include "tenant/tenant_transfer.h"

#include <fstream>
#include <sstream>

#include "format/json_reader.h"

#include "tenant/clock.h"
#include "tenant/roles.h"
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

std::vector<std::string> lowered(const json& values) {
  std::vector<std::string> out;
  for (const json& v : values)
    if (v.is_string()) out.push_back(lower(v.get<std::string>()));
  return out;
}

std::string at(const char* array, size_t i) { return std::string(array) + "[" + std::to_string(i) + "]"; }

}  // namespace

json readJsonFile(const std::string& path, const std::function<bool()>& interrupted) {
  std::ifstream in(path, std::ios::binary);
  if (!in) fail("InvalidJson", category::ObjectNotFound, path, "The file " + path + " cannot be read.");
  std::ostringstream text;
  text << in.rdbuf();
  try {
    return format::parseJsonDocument(text.str(), interrupted);
  } catch (const format::JsonParseError& e) {
    const format::JsonError& where = e.error();
    if (where.interrupted)
      fail("Interrupted", category::OperationStopped, path, "The import was interrupted; nothing of it was kept.");
    std::string place = path + ":" + std::to_string(where.line) + ":" + std::to_string(where.column);
    fail("InvalidJson", category::InvalidData, place, place + ": not valid JSON: " + where.message + ".");
  }
}

void TenantImport::bad(const std::string& where, const std::string& why) const {
  fail("InvalidJson", category::InvalidData, path_ + ": " + where, path_ + ": " + where + ": " + why + ".");
}

int64_t TenantImport::productBySkuId(const json& value, const std::string& where) {
  std::string id = value.is_string() ? lower(value.get<std::string>()) : "";
  std::vector<int64_t> found = store_.findProducts(ProductKey::SkuId, id);
  if (found.empty()) bad(where, "no product has the skuId '" + id + "' (import its subscribedSku or Import-Product first)");
  return found.front();
}

int64_t TenantImport::putProduct(const Product& p) {
  std::vector<int64_t> found = store_.findProducts(ProductKey::SkuId, p.SkuId);
  if (!found.empty()) {
    const Product& known = engine_.product(found.front());
    bool same = known.SkuPartNumber == p.SkuPartNumber && known.DisplayName == p.DisplayName &&
                known.AppliesTo == p.AppliesTo && known.ServicePlans.size() == p.ServicePlans.size();
    if (same) return ++report_.unchanged, found.front();
  }
  ++(found.empty() ? report_.added : report_.updated);
  int64_t pk = store_.upsertProduct(p);
  engine_.forget();
  return pk;
}

int64_t TenantImport::groupFor(const std::string& id, const std::string& name, const std::string& description) {
  std::vector<GroupRecord> found = store_.findGroups(GroupKey::Id, id);
  if (found.empty() && !name.empty()) found = store_.findGroups(GroupKey::Name, name);
  if (!found.empty()) return found.front().pk;
  ++report_.added;
  return store_.insertGroup(Group{id.empty() ? newGuid() : lower(id), name.empty() ? id : name, description, 0, {}});
}

// Adds or updates by UPN; a change of deletion state moves the counts with it (rule 8).
UserRecord TenantImport::putUser(const User& u) {
  std::optional<UserRecord> found = store_.findUser(UserKey::Upn, u.UserPrincipalName);
  if (!found) {
    ++report_.added;
    return *store_.userByPk(store_.insertUser(u));
  }
  ++report_.updated;
  UserRecord r = *found;
  bool wasActive = r.user.DeletedOn.empty(), isActive = u.DeletedOn.empty();
  if (wasActive && !isActive) engine_.adjustForDeletion(r, -1);
  std::string id = r.user.Id;
  r.user = u;
  r.user.Id = id;  // the store's object id stays: other rows may name it
  store_.updateUser(r);
  if (!wasActive && isActive) engine_.adjustForDeletion(r, +1);
  return r;
}

void TenantImport::putAssignments(const UserRecord& u, std::vector<AssignmentRecord> rows) {
  for (auto& a : rows) a.userPk = u.pk;
  engine_.write(u, store_.assignments(u.pk), rows);
}

void TenantImport::putSubscription(SubscriptionRecord r) {
  if (std::optional<SubscriptionRecord> found = store_.findSubscription(r.sub.Id)) {
    r.pk = found->pk;
    store_.updateSubscription(r);
    ++report_.updated;
  } else {
    store_.insertSubscription(r);
    ++report_.added;
  }
  engine_.forget();  // the engine caches each product's subscriptions
}

void TenantImport::plushUser(const json& j, const std::string& where) {
  User u;
  u.Id = lower(str(j, "id"));
  u.UserPrincipalName = str(j, "userPrincipalName");
  if (u.UserPrincipalName.empty()) bad(where, "userPrincipalName is missing");
  if (!isGuid(u.Id)) u.Id = newGuid();
  u.DisplayName = str(j, "displayName").empty() ? u.UserPrincipalName : str(j, "displayName");
  u.Department = str(j, "department");
  u.UsageLocation = upper(str(j, "usageLocation"));
  u.UserType = str(j, "userType") == "Guest" ? "Guest" : "Member";
  u.AccountEnabled = j.value("accountEnabled", true);
  u.LastSignIn = str(j, "lastSignIn");
  u.DeletedOn = str(j, "deletedOn");
  UserRecord r = putUser(u);
  for (const json& role : list(j, "roles")) {
    std::string name = role.is_string() ? canonicalRole(role.get<std::string>()) : "";
    if (name.empty()) bad(where + ".roles", "'" + role.dump() + "' is not an admin role");
    store_.addRole(name, r.pk);
  }
  for (const json& g : list(j, "groups")) store_.addMember(groupFor(g.is_string() ? g.get<std::string>() : "", "", ""), r.pk);
  std::vector<AssignmentRecord> rows;
  const json& assignments = list(j, "assignments");
  for (size_t i = 0; i < assignments.size(); ++i) {
    const json& a = assignments[i];
    std::string w = where + "." + at("assignments", i);
    int64_t groupPk = a.contains("group") && a["group"].is_string() ? groupFor(a["group"].get<std::string>(), "", "") : 0;
    rows.push_back(AssignmentRecord{r.pk, productBySkuId(a.value("skuId", json()), w + ".skuId"), groupPk,
                                    lowered(list(a, "disabledPlans")), str(a, "state") == "Error" ? "Error" : "Active",
                                    str(a, "error"), str(a, "message")});
  }
  putAssignments(r, rows);
}

ImportReport TenantImport::plush(const json& doc) {
  if (!doc.is_object() || str(doc, "format") != "plush-tenant")
    bad("format", "this is not a plush tenant export (try -Format graph)");
  if (doc.contains("tenant")) {
    const json& t = doc["tenant"];
    TenantRecord now = store_.tenant();
    store_.saveTenant(TenantRecord{str(t, "name").empty() ? now.name : str(t, "name"),
                                   str(t, "id").empty() ? now.id : str(t, "id"), upper(str(t, "defaultUsageLocation")),
                                   t.value("allowAdHocSubscriptions", now.allowAdHoc)});
    engine_.forget();  // cached data written: the engine forgets right after (see LicenseEngine::generation)
  }
  const json& products = list(doc, "products");
  for (size_t i = 0; i < products.size(); ++i) {
    const json& p = products[i];
    Product product{str(p, "skuPartNumber"), lower(str(p, "skuId")), str(p, "displayName"),
                    str(p, "appliesTo") == "Company" ? "Company" : "User", {}, {}};
    if (product.SkuPartNumber.empty() || !isGuid(product.SkuId)) bad(at("products", i), "needs skuPartNumber and a GUID skuId");
    for (const json& sp : list(p, "servicePlans"))
      product.ServicePlans.push_back(ServicePlan{str(sp, "name"), lower(str(sp, "id")), str(sp, "displayName"),
                                                 sp.value("automatic", false)});
    for (const json& r : list(p, "requires"))
      if (r.is_string()) product.Requires.push_back(r.get<std::string>());
    putProduct(product);
  }
  if (doc.contains("rules") && doc["rules"].is_object()) {
    const json& r = doc["rules"];
    RuleBook rules;
    try {
      if (r.contains("planRequires")) rules.planRequires = r["planRequires"].get<std::map<std::string, std::vector<std::string>>>();
      if (r.contains("exclusiveFamilies")) rules.exclusiveFamilies = r["exclusiveFamilies"].get<std::vector<std::vector<std::string>>>();
      if (r.contains("planUnavailableIn")) rules.planUnavailableIn = r["planUnavailableIn"].get<std::map<std::string, std::set<std::string>>>();
    } catch (const json::exception& e) {
      bad("rules", e.what());
    }
    store_.saveRuleBook(rules);
    engine_.forget();
  }
  const json& subs = list(doc, "subscriptions");
  for (size_t i = 0; i < subs.size(); ++i) {
    const json& s = subs[i];
    SubscriptionRecord r;
    r.productPk = productBySkuId(s.value("skuId", json()), at("subscriptions", i) + ".skuId");
    r.sub = Subscription{str(s, "id").empty() ? newGuid() : str(s, "id"), engine_.product(r.productPk).SkuPartNumber,
                         s.value("quantity", int64_t{0}), str(s, "manualStatus"), str(s, "source").empty() ? "Admin" : str(s, "source"),
                         str(s, "purchasedBy"), str(s, "startsOn"), str(s, "expiresOn"), s.value("trial", false),
                         s.value("takenOver", false)};
    if (r.sub.StartsOn.empty()) bad(at("subscriptions", i), "startsOn is missing");
    putSubscription(r);
  }
  const json& groups = list(doc, "groups");
  for (size_t i = 0; i < groups.size(); ++i) {
    const json& g = groups[i];
    int64_t pk = groupFor(str(g, "id"), str(g, "displayName"), str(g, "description"));
    const json& licenses = list(g, "licenses");
    for (size_t k = 0; k < licenses.size(); ++k)
      store_.putGroupLicense(GroupLicenseRecord{
          pk, productBySkuId(licenses[k].value("skuId", json()), at("groups", i) + "." + at("licenses", k) + ".skuId"),
          lowered(list(licenses[k], "disabledPlans"))});
  }
  const json& users = list(doc, "users");
  for (size_t i = 0; i < users.size(); ++i) {
    if (poll) poll(static_cast<int64_t>(i) + 1);
    plushUser(users[i], at("users", i));
  }
  return report_;
}

}  // namespace plush::tenant
