// Loading plush's own export (Export-Tenant): a restore into a fresh store, or a merge by identity.
#include "tenant/clock.h"
#include "tenant/roles.h"
#include "tenant/tenant_transfer.h"
#include "tenant/json_fields.h"
#include "tenant/text.h"

namespace plush::tenant {

using nlohmann::json;
using namespace jsonfields;

namespace {

std::string at(const char* array, size_t i) { return std::string(array) + "[" + std::to_string(i) + "]"; }

}  // namespace

// A restore takes the backup's tenant whole; a merge keeps the target's name, id and settings.
void PlushImport::tenantSettings(const json& t) {
  if (!restore_) return;
  TenantRecord now = store_.tenant();
  store_.saveTenant(TenantRecord{str(t, "name").empty() ? now.name : str(t, "name"),
                                 str(t, "id").empty() ? now.id : str(t, "id"), upper(str(t, "defaultUsageLocation")),
                                 t.value("allowAdHocSubscriptions", now.allowAdHoc)});
  engine_.forget();  // cached data written: the engine forgets right after (see LicenseEngine::generation)
}

void PlushImport::products(const json& products) {
  for (size_t i = 0; i < products.size(); ++i) {
    const json& p = products[i];
    Product product{str(p, "skuPartNumber"), lower(str(p, "skuId")), str(p, "displayName"),
                    str(p, "appliesTo") == "Company" ? "Company" : "User", {}, {}};
    if (product.SkuPartNumber.empty() || !isGuid(product.SkuId)) bad(at("products", i), "needs skuPartNumber and a GUID skuId");
    for (const json& sp : list(p, "servicePlans"))
      product.ServicePlans.push_back(ServicePlan{str(sp, "name"), lower(str(sp, "id")), str(sp, "displayName"),
                                                 sp.value("automatic", false), str(sp, "provisioningStatus"),
                                                 str(sp, "appliesTo")});
    for (const json& r : list(p, "requires"))
      if (r.is_string()) product.Requires.push_back(r.get<std::string>());
    int64_t pk = 0;
    count(store_.findProducts(ProductKey::SkuId, product.SkuId).empty(), putProduct(product, pk));
    if (p.contains("graph") && p["graph"].is_object()) {
      const json& g = p["graph"];
      SkuFacts f{str(g, "id"), str(g, "accountId"), str(g, "accountName"), lowered(list(g, "subscriptionIds")),
                 g.value("consumedUnits", int64_t{0}), g.value("assignedElsewhere", int64_t{0})};
      store_.saveSkuFacts(pk, f);
    }
  }
}

void PlushImport::rules(const json& r) {
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

void PlushImport::subscriptions(const json& subs) {
  for (size_t i = 0; i < subs.size(); ++i) {
    const json& s = subs[i];
    SubscriptionRecord r;
    r.productPk = productBySkuId(s.value("skuId", json()), at("subscriptions", i) + ".skuId");
    r.sub = Subscription{str(s, "id").empty() ? newGuid() : str(s, "id"), engine_.product(r.productPk).SkuPartNumber,
                         s.value("quantity", int64_t{0}), str(s, "manualStatus"), str(s, "source").empty() ? "Admin" : str(s, "source"),
                         str(s, "purchasedBy"), str(s, "startsOn"), str(s, "expiresOn"), s.value("trial", false),
                         s.value("takenOver", false)};
    bool added = !store_.findSubscription(r.sub.Id);
    count(added, putSubscription(r));
  }
}

void PlushImport::groups(const json& groups) {
  for (size_t i = 0; i < groups.size(); ++i) {
    const json& g = groups[i];
    bool created = false;
    int64_t pk = groupFor(lower(str(g, "id")), str(g, "displayName"), str(g, "description"), true, created);
    bool changed = !created && renameGroup(pk, str(g, "displayName"), str(g, "description"));
    std::vector<GroupLicenseRecord> licenses;
    const json& l = list(g, "licenses");
    for (size_t k = 0; k < l.size(); ++k)
      licenses.push_back(GroupLicenseRecord{
          pk, productBySkuId(l[k].value("skuId", json()), at("groups", i) + "." + at("licenses", k) + ".skuId"),
          lowered(list(l[k], "disabledPlans"))});
    changed = putGroupLicenses(pk, licenses) || changed;
    count(created, changed);
  }
}

void PlushImport::user(const json& j, const std::string& where) {
  User u;
  u.Id = lower(str(j, "id"));
  u.UserPrincipalName = str(j, "userPrincipalName");
  if (u.UserPrincipalName.empty()) bad(where, "userPrincipalName is missing");
  u.DisplayName = str(j, "displayName").empty() ? u.UserPrincipalName : str(j, "displayName");
  u.Department = str(j, "department");
  u.UsageLocation = upper(str(j, "usageLocation"));
  u.UserType = str(j, "userType") == "Guest" ? "Guest" : "Member";
  u.AccountEnabled = j.value("accountEnabled", true);
  u.LastSignIn = str(j, "lastSignIn");
  u.DeletedOn = str(j, "deletedOn");
  bool added = false, changed = false;
  UserRecord r = putUser(u, added, changed);
  std::vector<std::string> held = store_.rolesOf(r.pk);
  for (const json& role : list(j, "roles")) {
    std::string name = role.is_string() ? canonicalRole(role.get<std::string>()) : "";
    if (name.empty()) bad(where + ".roles", "'" + role.dump() + "' is not an admin role");
    if (std::find(held.begin(), held.end(), name) == held.end()) store_.addRole(name, r.pk), changed = true;
  }
  for (const json& g : list(j, "groups")) {
    bool created = false;
    int64_t pk = groupFor(g.is_string() ? lower(g.get<std::string>()) : "", "", "", true, created);
    if (!store_.isMember(pk, r.pk)) store_.addMember(pk, r.pk), changed = true;
  }
  std::vector<AssignmentRecord> rows;
  const json& assignments = list(j, "assignments");
  for (size_t i = 0; i < assignments.size(); ++i) {
    const json& a = assignments[i];
    std::string w = where + "." + at("assignments", i);
    int64_t groupPk = 0;
    if (a.contains("group") && a["group"].is_string()) {
      bool created = false;
      groupPk = groupFor(lower(a["group"].get<std::string>()), "", "", true, created);
    }
    std::string state = str(a, "state");
    if (state != "Error" && state != "Disabled") state = "Active";
    rows.push_back(AssignmentRecord{r.pk, productBySkuId(a.value("skuId", json()), w + ".skuId"), groupPk,
                                    lowered(list(a, "disabledPlans")), state, str(a, "error"), str(a, "message"),
                                    str(a, "lastUpdated")});
  }
  changed = putAssignments(r, rows) || changed;
  count(added, changed);
}

// Bots by id, else by the name of a bot in use; each day's billed sessions as the export has them.
void PlushImport::bots(const json& bots) {
  for (size_t i = 0; i < bots.size(); ++i) {
    const json& b = bots[i];
    std::string where = at("bots", i), id = lower(str(b, "id")), name = str(b, "name"), removedOn = str(b, "removedOn");
    if (name.empty() || !isGuid(id)) bad(where, "a bot needs a name and a GUID id");
    std::optional<BotRecord> found = store_.findBot(BotKey::Id, id);
    if (!found && removedOn.empty()) found = store_.findBot(BotKey::Name, name);
    bool added = !found, changed = false;
    if (!found) {
      BotRecord r;
      if (std::optional<UserRecord> owner = store_.findUserRow(UserKey::Upn, str(b, "owner"))) r.ownerPk = owner->pk;
      r.bot = Bot{id, name, "", str(b, "environment").empty() ? "Default" : str(b, "environment"),
                  str(b, "createdOn").empty() ? "" : normalizeDate(str(b, "createdOn"), where + ".createdOn")};
      r.pk = store_.insertBot(r);
      if (!removedOn.empty()) store_.markBotRemoved(r.pk, normalizeDate(removedOn, where + ".removedOn"));
      found = r;
    }
    const json& usage = list(b, "usage");
    for (size_t k = 0; k < usage.size(); ++k) {
      const json& day = usage[k];
      std::string w = where + "." + at("usage", k);
      if (!day.is_array() || day.size() != 2 || !day[0].is_string() || !day[1].is_number_integer() ||
          day[1].get<int64_t>() < 0)
        bad(w, "a day's usage is [\"YYYY-MM-DD\", billed sessions]");
      std::string date = normalizeDate(day[0].get<std::string>(), w);
      int64_t sessions = day[1].get<int64_t>();
      if (store_.botUsageOn(found->pk, date) == sessions) continue;
      store_.putBotUsage(BotUsageRecord{found->pk, date, sessions});
      changed = true;
    }
    count(added, changed);
  }
}

// A restore carries the backup's log over, each entry with its own time; a merge keeps the target's.
void PlushImport::audit(const json& entries) {
  if (!restore_) return;
  store_.clearAudit();
  for (const json& e : entries)
    store_.appendAudit(AuditEntry{str(e, "time"), str(e, "actor"), str(e, "action"), str(e, "target"), str(e, "detail"),
                                  0, e.contains("before") && e["before"].is_object() ? e["before"].dump() : "",
                                  str(e, "login")});
}

void checkPlushExport(const json& doc, const std::string& path) {
  if (!doc.is_object() || str(doc, "format") != "plush-tenant")
    fail("InvalidJson", category::InvalidData, path + ": format",
         path + ": format: this is not a plush tenant export (try -Format graph).");
}

ImportReport PlushImport::run(const json& doc) {
  checkPlushExport(doc, path_);
  if (doc.contains("tenant")) tenantSettings(doc["tenant"]);
  products(list(doc, "products"));
  if (doc.contains("rules") && doc["rules"].is_object()) rules(doc["rules"]);
  subscriptions(list(doc, "subscriptions"));
  groups(list(doc, "groups"));
  const json& users = list(doc, "users");
  for (size_t i = 0; i < users.size(); ++i) {
    if (poll) poll(static_cast<int64_t>(i) + 1);
    user(users[i], at("users", i));
  }
  bots(list(doc, "bots"));
  audit(list(doc, "audit"));
  for (int64_t pk : store_.subscribedProductPks())
    if (std::optional<SkuFacts> f = store_.skuFacts(pk)) recountAssigned(pk, f->unseenAssigned);
  engine_.forget();
  return report_;
}

}  // namespace plush::tenant
