// Session: Export-Tenant (plush's own JSON, streamed out, one object per user) and Import-Tenant.
#include <fstream>
#include <nlohmann/json.hpp>

#include "tenant/graph_import.h"
#include "tenant/session.h"
#include "tenant/session_change.h"
#include "tenant/tenant_transfer.h"
#include "tenant/text.h"

namespace plush::tenant {

using nlohmann::json;

namespace {

json productJson(const Product& p, const std::optional<SkuFacts>& facts) {
  json plans = json::array();
  for (const ServicePlan& sp : p.ServicePlans) {
    json plan = {{"name", sp.Name}, {"id", sp.Id}, {"displayName", sp.DisplayName}, {"automatic", sp.Automatic}};
    if (!sp.ProvisioningStatus.empty()) plan["provisioningStatus"] = sp.ProvisioningStatus;
    if (!sp.AppliesTo.empty()) plan["appliesTo"] = sp.AppliesTo;
    plans.push_back(plan);
  }
  json out = {{"skuPartNumber", p.SkuPartNumber}, {"skuId", p.SkuId}, {"displayName", p.DisplayName},
              {"appliesTo", p.AppliesTo}, {"servicePlans", plans}, {"requires", p.Requires}};
  if (facts)
    out["graph"] = {{"id", facts->objectId}, {"accountId", facts->accountId}, {"accountName", facts->accountName},
                    {"subscriptionIds", facts->subscriptionIds}, {"consumedUnits", facts->consumedUnits},
                    {"assignedElsewhere", facts->unseenAssigned}};
  return out;
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
                           {"message", a.message}, {"lastUpdated", a.lastUpdated}});
  return {{"id", u.Id}, {"userPrincipalName", u.UserPrincipalName}, {"displayName", u.DisplayName},
          {"department", u.Department}, {"usageLocation", u.UsageLocation}, {"userType", u.UserType},
          {"accountEnabled", u.AccountEnabled}, {"lastSignIn", u.LastSignIn}, {"deletedOn", u.DeletedOn},
          {"roles", store.rolesOf(r.pk)}, {"groups", groups}, {"assignments", assignments}};
}

// A bot with its billed sessions per day as [day, sessions] pairs (a removed bot too: its usage counts).
json botJson(TenantStore& store, const BotRecord& b) {
  json usage = json::array();
  for (const BotUsageRecord& u : store.botUsage(b.pk, "0000-01-01", "9999-12-31")) usage.push_back({u.day, u.sessions});
  return {{"id", b.bot.Id}, {"name", b.bot.Name}, {"owner", b.bot.Owner}, {"environment", b.bot.Environment},
          {"createdOn", b.bot.CreatedOn}, {"removedOn", b.bot.RemovedOn}, {"usage", usage}};
}

json auditJson(const AuditEntry& e) {
  json out = {{"time", e.Time}, {"actor", e.Actor}, {"action", e.Action}, {"target", e.Target}, {"detail", e.Detail}};
  if (!e.Before.empty()) out["before"] = json::parse(e.Before, nullptr, false);
  if (!e.Login.empty()) out["login"] = e.Login;
  return out;
}

}  // namespace

void Session::exportTenant(const std::string& path) {
  require(Action::Read);
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  if (!out) fail("InvalidArgument", category::InvalidArgument, path, "The file " + path + " cannot be written.");
  TenantRecord t = store_->tenant();
  out << "{\"format\":\"plush-tenant\",\"version\":2,\n\"tenant\":"
      << json{{"name", t.name}, {"id", t.id}, {"defaultUsageLocation", t.defaultUsageLocation},
              {"allowAdHocSubscriptions", t.allowAdHoc}}.dump()
      << ",\n\"products\":[";
  const char* sep = "\n";
  for (int64_t pk : store_->productPks())
    out << std::exchange(sep, ",\n") << productJson(engine_->product(pk), store_->skuFacts(pk)).dump();
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
  out << "],\n\"bots\":[";
  sep = "\n";
  for (const BotRecord& b : store_->bots(true)) out << std::exchange(sep, ",\n") << botJson(*store_, b).dump();
  out << "],\n\"audit\":[";
  sep = "\n";
  forEachAudit(AuditQuery{}, [&](const AuditEntry& e) {
    out << std::exchange(sep, ",\n") << auditJson(e).dump();
    return true;
  });
  out << "]}\n";
  if (!out) fail("InvalidArgument", category::InvalidArgument, path, "Writing " + path + " failed.");
}

// A fresh store: what New-Tenant (or the first use) made, and nothing since.
bool Session::freshTenant() {
  return store_->countUsers() <= 1 && store_->countGroups() == 0 && store_->subscriptions(std::nullopt).empty() &&
         store_->lastAuditSequence() <= 1;
}

// A store an Import-Tenant -Format graph loaded before: importing Graph's files again refreshes it.
bool Session::importedFromGraph() {
  bool found = false;
  forEachAudit(AuditQuery{}, [&](const AuditEntry& e) {
    found = e.Action == "Import-Tenant" && e.Detail.rfind("graph:", 0) == 0;
    return !found;
  });
  return found;
}

ImportReport Session::importTenant(const std::vector<std::string>& paths, const std::string& format, bool merge) {
  require(Action::TenantSettings);
  bool graph = iequals(format, "graph");
  if (!graph && !iequals(format, "plush"))
    failInvalidArgument(format, "'" + format + "' is not an import format; use plush or graph.");
  if (paths.empty()) failInvalidArgument("Path", "Import-Tenant needs a file.");
  if (!graph && paths.size() > 1)
    failInvalidArgument(paths[1], "A plush export is one file; several files are for -Format graph.");
  std::vector<GraphFile> files;
  for (const std::string& path : paths) files.push_back(GraphFile{path, readJsonFile(path, interrupted_)});
  if (!graph) checkPlushExport(files.front().doc, paths.front());
  bool restore = !graph && !merge;
  if (restore && !freshTenant()) {
    TenantRecord t = store_->tenant();
    fail("TenantNotEmpty", category::InvalidOperation, paths.front(),
         "The store already holds the tenant " + t.name + " (" + std::to_string(store_->countUsers()) +
             " users); restoring " + paths.front() + " into it would mix two tenants.",
         "New-Tenant -Path restore.db -Name " + t.name + "; Connect-Tenant restore.db; Import-Tenant " + paths.front() +
             "   (or Import-Tenant " + paths.front() + " -Merge to add its objects to this tenant)");
  }
  if (graph && !merge && !freshTenant() && !importedFromGraph()) {
    TenantRecord t = store_->tenant();
    std::string files = join(paths, ", ");
    fail("TenantNotEmpty", category::InvalidOperation, files,
         "The store holds the tenant " + t.name + " (" + std::to_string(store_->countUsers()) +
             " users), which was not imported from Microsoft Graph; loading " + files + " into it would mix two tenants.",
         "New-Tenant -Path graph.db -Name " + t.name + "; Connect-Tenant graph.db; Import-Tenant " + files +
             " -Format graph   (or add -Merge to load them into this tenant)");
  }
  Change change(*this);
  ImportReport report;
  try {
    if (graph) {
      GraphImport import(*store_, *engine_);
      import.poll = [this](int64_t step) { pollInterrupt(step); };
      report = import.run(files);
    } else {
      if (restore) {  // the fresh store's placeholder admin and its creation entry make way for the backup's
        std::vector<int64_t> placeholders;
        store_->forEachUser(UserSelection{}, [&](const UserRecord& r) { return placeholders.push_back(r.pk), true; });
        for (int64_t pk : placeholders) store_->deleteUser(pk);
      }
      PlushImport import(*store_, *engine_, paths.front(), restore);
      import.poll = [this](int64_t step) { pollInterrupt(step); };
      report = import.run(files.front().doc);
      if (restore) {
        std::optional<UserRecord> same = store_->findUser(UserKey::Upn, actorUpn_);
        openActor(same && same->user.DeletedOn.empty() ? actorUpn_ : "");
      }
    }
  } catch (const nlohmann::json::exception& e) {
    // A field of another type than the format says (a number where an object belongs, ...).
    std::string what = e.what(), why = "a value has the wrong type for its field";
    size_t must = what.find("type must be ");
    if (must != std::string::npos) why = "a value's " + what.substr(must);  // "type must be string, but is number"
    fail("InvalidJson", category::InvalidData, join(paths, ", "), join(paths, ", ") + ": " + why + ".");
  }
  engine_->forget();
  if (report.added + report.updated > 0 || restore)
    audit("Import-Tenant", join(paths, ", "),
          std::string(graph ? "graph" : restore ? "restore" : "merge") + ": " + std::to_string(report.added) +
              " added, " + std::to_string(report.updated) + " updated, " + std::to_string(report.unchanged) + " unchanged");
  change.commit();
  return report;
}

ImportReport Session::importTenant(const std::string& path, const std::string& format) {
  return importTenant(std::vector<std::string>{path}, format, false);
}

}  // namespace plush::tenant
