// Session: Export-Tenant / Import-Tenant in plush's own JSON (streamed out, one object per user).
#include <fstream>
#include <nlohmann/json.hpp>

#include "tenant/session.h"
#include "tenant/session_change.h"
#include "tenant/tenant_transfer.h"
#include "tenant/text.h"

namespace plush::tenant {

using nlohmann::json;

namespace {

json productJson(const Product& p) {
  json plans = json::array();
  for (const ServicePlan& sp : p.ServicePlans)
    plans.push_back({{"name", sp.Name}, {"id", sp.Id}, {"displayName", sp.DisplayName}, {"automatic", sp.Automatic}});
  return {{"skuPartNumber", p.SkuPartNumber}, {"skuId", p.SkuId}, {"displayName", p.DisplayName},
          {"appliesTo", p.AppliesTo}, {"servicePlans", plans}, {"requires", p.Requires}};
}

json rulesJson(const RuleBook& r) {
  json unavailable = json::object();
  for (const auto& [plan, places] : r.planUnavailableIn) unavailable[plan] = std::vector<std::string>(places.begin(), places.end());
  return {{"planRequires", r.planRequires}, {"exclusiveFamilies", r.exclusiveFamilies}, {"planUnavailableIn", unavailable}};
}

json subscriptionJson(const SubscriptionRecord& r, const std::string& skuId) {
  const Subscription& s = r.sub;
  return {{"id", s.Id}, {"skuId", skuId}, {"skuPartNumber", s.Product}, {"quantity", s.Quantity},
          {"manualStatus", s.Status}, {"source", s.Source}, {"purchasedBy", s.PurchasedBy}, {"startsOn", s.StartsOn},
          {"expiresOn", s.ExpiresOn}, {"trial", s.Trial}, {"takenOver", s.TakenOver}};
}

json userJson(TenantStore& store, LicenseEngine& engine, const UserRecord& r) {
  const User& u = r.user;
  json groups = json::array(), assignments = json::array();
  for (int64_t g : store.groupsOf(r.pk)) groups.push_back(store.groupByPk(g)->group.Id);
  for (const AssignmentRecord& a : store.assignments(r.pk))
    assignments.push_back({{"skuId", engine.product(a.productPk).SkuId},
                           {"group", a.groupPk ? json(store.groupByPk(a.groupPk)->group.Id) : json(nullptr)},
                           {"disabledPlans", a.disabledPlanIds}, {"state", a.state}, {"error", a.error},
                           {"message", a.message}});
  return {{"id", u.Id}, {"userPrincipalName", u.UserPrincipalName}, {"displayName", u.DisplayName},
          {"department", u.Department}, {"usageLocation", u.UsageLocation}, {"userType", u.UserType},
          {"accountEnabled", u.AccountEnabled}, {"lastSignIn", u.LastSignIn}, {"deletedOn", u.DeletedOn},
          {"roles", store.rolesOf(r.pk)}, {"groups", groups}, {"assignments", assignments}};
}

}  // namespace

void Session::exportTenant(const std::string& path) {
  require(Action::Read);
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  if (!out) fail("InvalidArgument", category::InvalidArgument, path, "The file " + path + " cannot be written.");
  TenantRecord t = store_->tenant();
  out << "{\"format\":\"plush-tenant\",\"version\":1,\n\"tenant\":"
      << json{{"name", t.name}, {"id", t.id}, {"defaultUsageLocation", t.defaultUsageLocation},
              {"allowAdHocSubscriptions", t.allowAdHoc}}.dump()
      << ",\n\"products\":[";
  const char* sep = "\n";
  for (int64_t pk : store_->productPks()) out << std::exchange(sep, ",\n") << productJson(engine_->product(pk)).dump();
  out << "],\n\"rules\":" << rulesJson(engine_->rules()).dump() << ",\n\"subscriptions\":[";
  sep = "\n";
  for (const SubscriptionRecord& r : store_->subscriptions(std::nullopt))
    out << std::exchange(sep, ",\n") << subscriptionJson(r, engine_->product(r.productPk).SkuId).dump();
  out << "],\n\"groups\":[";
  sep = "\n";
  for (const GroupRecord& g : store_->groups()) {
    json licenses = json::array();
    for (const GroupLicenseRecord& l : store_->groupLicenses(g.pk))
      licenses.push_back({{"skuId", engine_->product(l.productPk).SkuId}, {"disabledPlans", l.disabledPlanIds}});
    out << std::exchange(sep, ",\n")
        << json{{"id", g.group.Id}, {"displayName", g.group.DisplayName}, {"description", g.group.Description},
                {"licenses", licenses}}.dump();
  }
  out << "],\n\"users\":[";
  sep = "\n";
  for (bool deleted : {false, true}) {
    UserSelection sel;
    sel.query.deleted = deleted;
    store_->forEachUser(sel, [&](const UserRecord& r) {
      out << std::exchange(sep, ",\n") << userJson(*store_, *engine_, r).dump();
      return true;
    });
  }
  out << "]}\n";
  if (!out) fail("InvalidArgument", category::InvalidArgument, path, "Writing " + path + " failed.");
}

ImportReport Session::importTenant(const std::string& path, const std::string& format) {
  require(Action::TenantSettings);
  if (!iequals(format, "plush") && !iequals(format, "graph"))
    failInvalidArgument(format, "'" + format + "' is not an import format; use plush or graph.");
  json doc = readJsonFile(path, interrupted_);
  Change change(*this);
  TenantImport import(*store_, *engine_, path);
  import.poll = [this](int64_t step) { pollInterrupt(step); };
  ImportReport report;
  try {
    report = iequals(format, "graph") ? import.graph(doc) : import.plush(doc);
  } catch (const nlohmann::json::exception& e) {
    // A field of another type than the format says (a number where an object belongs, ...).
    std::string why = e.what();
    why.erase(0, why.find(']') + 1);
    fail("InvalidJson", category::InvalidData, path, path + ": a field has a value of the wrong type:" + why + ".");
  }
  engine_->forget();
  audit("Import-Tenant", path,
        format + ": " + std::to_string(report.added) + " added, " + std::to_string(report.updated) + " updated");
  change.commit();
  return report;
}

}  // namespace plush::tenant
