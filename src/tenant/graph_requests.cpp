// Export-GraphRequest: the audit log's changes since a mark as Microsoft Graph $batch bodies.
#include "tenant/graph_requests.h"

#include <algorithm>
#include <set>

#include "tenant/graph_facts.h"
#include "tenant/license_engine.h"
#include "tenant/text.h"

namespace plush::tenant {

using nlohmann::json;

namespace {

// What the first change after the mark found, per fact (later changes found what earlier ones left).
struct Before {
  std::optional<bool> deleted;
  std::map<std::string, json> fields;
  std::optional<json> licenses;
  std::map<std::string, bool> memberOf;  // group id -> was a member
};

void remember(Before& b, const json& facts) {
  if (facts.contains("deleted") && !b.deleted) b.deleted = facts["deleted"].get<bool>();
  if (facts.contains("fields"))
    for (const auto& [field, value] : facts["fields"].items()) b.fields.emplace(field, value);
  if (facts.contains("licenses") && !b.licenses) b.licenses = facts["licenses"];
  if (facts.contains("memberOf"))
    for (const auto& [group, was] : facts["memberOf"].items()) b.memberOf.emplace(lower(group), was.get<bool>());
}

// Objects in the order the log first names them, so the same log gives the same requests.
struct Touched {
  std::vector<std::string> order;
  std::map<std::string, Before> facts;
  Before& at(const std::string& id) {
    if (!facts.count(id)) order.push_back(id);
    return facts[id];
  }
};

json request(const std::string& method, const std::string& url, std::optional<json> body = std::nullopt) {
  json r = {{"id", ""}, {"method", method}, {"url", url}};
  if (body) {
    r["headers"] = {{"Content-Type", "application/json"}};
    r["body"] = *body;
  }
  return r;
}

json assignLicense(const json& before, const json& now) {
  json add = json::array(), remove = json::array();
  for (const auto& [sku, plans] : now.items()) {
    std::vector<std::string> was = before.contains(sku) ? before[sku].get<std::vector<std::string>>() : std::vector<std::string>{};
    if (!before.contains(sku) || !sameSet(was, plans.get<std::vector<std::string>>()))
      add.push_back({{"disabledPlans", plans}, {"skuId", sku}});
  }
  for (const auto& [sku, plans] : before.items())
    if (!now.contains(sku)) remove.push_back(sku);
  if (add.empty() && remove.empty()) return json();
  return {{"addLicenses", add}, {"removeLicenses", remove}};
}

json userFields(const User& u) {
  return {{"usageLocation", u.UsageLocation.empty() ? json(nullptr) : json(u.UsageLocation)},
          {"displayName", u.DisplayName},
          {"department", u.Department.empty() ? json(nullptr) : json(u.Department)},
          {"accountEnabled", u.AccountEnabled},
          {"userType", u.UserType}};
}

// Requests in the order they go out: groups' own changes, users whose requests must follow one another,
// users' single requests, memberships, and deletions of groups last.
struct Phases {
  std::vector<json> groups, singles, memberships, groupDeletions;
  std::vector<std::vector<json>> chains;
};

std::string kindOf(const json& r) {
  std::string method = r["method"], url = r["url"];
  if (url.find("/assignLicense") != std::string::npos) return url.rfind("/groups/", 0) == 0 ? "assignLicense (groups)" : "assignLicense";
  if (url.find("/members/") != std::string::npos) return method == "POST" ? "members/$ref added" : "members/$ref removed";
  if (url.find("/restore") != std::string::npos) return "restore";
  return method + (url.rfind("/groups/", 0) == 0 ? " /groups" : url.rfind("/directory/", 0) == 0 ? " /directory/deletedItems" : " /users");
}

void planUser(TenantStore& store, LicenseEngine& engine, const std::string& id, const Before& b,
              const std::set<std::string>& madeHere, Phases& out, GraphRequestPlan& plan) {
  std::optional<UserRecord> now = store.findUserRow(UserKey::Id, id);
  if (madeHere.count(id)) {
    if (now) plan.notSent.push_back("user " + now->user.UserPrincipalName + ": created in plush, so it has no object in "
                                    "the real tenant; create it there (Graph needs its password), then import again");
    return;
  }
  std::string url = "/users/" + id;
  bool deletedNow = now && !now->user.DeletedOn.empty(), deletedBefore = b.deleted.value_or(deletedNow);
  std::vector<json> chain;
  if (!now) {  // deleted for good
    if (!deletedBefore) chain.push_back(request("DELETE", url));
    chain.push_back(request("DELETE", "/directory/deletedItems/" + id));
  } else if (deletedNow) {
    if (!deletedBefore) chain.push_back(request("DELETE", url));
  } else {
    // A POST without a body still names its headers and an empty body (Graph's JSON batching).
    if (deletedBefore) chain.push_back(request("POST", "/directory/deletedItems/" + id + "/restore", json::object()));
    json fields = userFields(now->user), patch = json::object();
    for (const auto& [field, was] : b.fields)
      if (fields.contains(field) && fields[field] != was) patch[field] = fields[field];
    bool located = patch.contains("usageLocation");
    if (!patch.empty()) chain.push_back(request("PATCH", url, patch));
    if (b.licenses) {
      json body = assignLicense(*b.licenses, facts::directLicenses(engine, store.assignments(now->pk)));
      if (!body.is_null()) {
        bool ordered = !chain.empty() && (located || deletedBefore);
        if (!ordered && !chain.empty()) {  // a PATCH that sets no location: nothing to wait for
          for (json& r : chain) out.singles.push_back(std::move(r));
          chain.clear();
        }
        chain.push_back(request("POST", url + "/assignLicense", body));
      }
    }
    for (const auto& [group, was] : b.memberOf) {
      std::vector<GroupRecord> g = store.findGroups(GroupKey::Id, group);
      if (g.empty() || madeHere.count(group)) continue;  // deleted with the group, or not in Graph yet
      bool is = store.isMember(g.front().pk, now->pk);
      if (is == was) continue;
      out.memberships.push_back(
          is ? request("POST", "/groups/" + group + "/members/$ref",
                       json{{"@odata.id", "https://graph.microsoft.com/v1.0/directoryObjects/" + id}})
             : request("DELETE", "/groups/" + group + "/members/" + id + "/$ref"));
    }
  }
  if (chain.size() == 1) out.singles.push_back(std::move(chain.front()));
  else if (!chain.empty()) out.chains.push_back(std::move(chain));
}

void planGroup(TenantStore& store, LicenseEngine& engine, const std::string& id, const Before& b,
               const std::set<std::string>& madeHere, Phases& out, GraphRequestPlan& plan) {
  std::vector<GroupRecord> now = store.findGroups(GroupKey::Id, id);
  if (madeHere.count(id)) {
    if (!now.empty()) plan.notSent.push_back("group " + now.front().group.DisplayName + ": created in plush; create it "
                                             "in the real tenant, then import again");
    return;
  }
  std::string url = "/groups/" + id;
  if (now.empty()) return out.groupDeletions.push_back(request("DELETE", url));
  const Group& g = now.front().group;
  json fields = {{"displayName", g.DisplayName}, {"description", g.Description.empty() ? json(nullptr) : json(g.Description)}};
  json patch = json::object();
  for (const auto& [field, was] : b.fields)
    if (fields.contains(field) && fields[field] != was) patch[field] = fields[field];
  if (!patch.empty()) out.groups.push_back(request("PATCH", url, patch));
  if (b.licenses) {
    json body = assignLicense(*b.licenses, facts::groupLicenses(engine, store.groupLicenses(now.front().pk)));
    if (!body.is_null()) out.groups.push_back(request("POST", url + "/assignLicense", body));
  }
}

struct Batcher {
  GraphRequestPlan& plan;
  json current = json::array();
  bool sequential = false;

  void flush() {
    if (current.empty()) return;
    plan.batches.push_back({{"requests", current}});
    current = json::array();
  }
  void add(json r, bool inSequence) {
    if (current.size() == kGraphBatchLimit || sequential != inSequence) flush();
    sequential = inSequence;
    r["id"] = std::to_string(current.size() + 1);
    if (inSequence && !current.empty()) r["dependsOn"] = json::array({current.back()["id"]});
    ++plan.byKind[kindOf(r)];
    ++plan.requests;
    current.push_back(std::move(r));
  }
  void parallel(std::vector<json>& requests) {
    for (json& r : requests) add(std::move(r), false);
    flush();
  }
  // A chain never spans two batches: its order would be lost between them.
  void sequences(std::vector<std::vector<json>>& chains) {
    for (auto& chain : chains) {
      if (current.size() + chain.size() > kGraphBatchLimit || !sequential) flush();
      for (json& r : chain) add(std::move(r), true);
    }
    flush();
  }
};

}  // namespace

// Users and groups created in plush have no object in Graph: those created after the mark, or after the
// last Import-Tenant -Format graph before it (what came before that import, the real tenant has too).
GraphRequestPlan planGraphRequests(TenantStore& store, LicenseEngine& engine, int64_t afterSequence) {
  Touched users, groups;
  std::map<std::string, int64_t> created;  // id -> the entry that created it in plush
  int64_t lastGraphImport = 0;
  store.forEachAudit({}, [&](const AuditEntry& e) {
    if (e.Action == "Import-Tenant" && e.Detail.rfind("graph:", 0) == 0 && e.Sequence <= afterSequence)
      lastGraphImport = e.Sequence;
    if (e.Before.empty()) return true;
    json facts = json::parse(e.Before, nullptr, false);
    if (!facts.is_object()) return true;
    std::string user = lower(facts.value("user", "")), group = lower(facts.value("group", ""));
    if (facts.value("exists", true) == false) created[user.empty() ? group : user] = e.Sequence;
    if (e.Sequence <= afterSequence) return true;
    if (!user.empty()) remember(users.at(user), facts);
    if (!group.empty()) remember(groups.at(group), facts);
    return true;
  });
  int64_t known = lastGraphImport ? lastGraphImport : afterSequence;
  std::set<std::string> madeHere;
  for (const auto& [id, sequence] : created)
    if (sequence > known) madeHere.insert(id);
  GraphRequestPlan plan;
  Phases phases;
  for (const std::string& id : groups.order) planGroup(store, engine, id, groups.facts[id], madeHere, phases, plan);
  for (const std::string& id : users.order) planUser(store, engine, id, users.facts[id], madeHere, phases, plan);
  Batcher b{plan};
  b.parallel(phases.groups);
  b.sequences(phases.chains);
  b.parallel(phases.singles);
  b.parallel(phases.memberships);
  b.parallel(phases.groupDeletions);
  return plan;
}

namespace {

std::string duration(int64_t seconds) {
  if (seconds < 60) return std::to_string(seconds) + " s";
  int64_t h = seconds / 3600, m = seconds % 3600 / 60, s = seconds % 60;
  std::string out = h ? std::to_string(h) + " h" : "";
  if (m) out += (out.empty() ? "" : " ") + std::to_string(m) + " min";
  if (s) out += (out.empty() ? "" : " ") + std::to_string(s) + " s";
  return out;
}

std::string thousands(int64_t n) {
  std::string digits = std::to_string(n), out;
  for (size_t i = 0; i < digits.size(); ++i) {
    if (i && (digits.size() - i) % 3 == 0) out += ',';
    out += digits[i];
  }
  return out;
}

}  // namespace

// Identity and access writes: 3,000 per 150 s per app and tenant, 18,000 per 5 min per tenant
// (Graph's service-specific throttling limits); the first window's worth goes at once.
std::string graphRequestSummary(const GraphRequestPlan& plan) {
  int64_t n = plan.requests;
  std::string kinds;
  for (const auto& [kind, count] : plan.byKind) kinds += (kinds.empty() ? "" : ", ") + thousands(count) + " " + kind;
  std::string line = thousands(n) + " Graph request" + (n == 1 ? "" : "s") + " in " +
                     std::to_string(plan.batches.size()) + " batch" + (plan.batches.size() == 1 ? "" : "es") +
                     (kinds.empty() ? "" : " (" + kinds + ")");
  if (n == 0) return line + "; the real tenant needs no change.";
  int64_t appWindows = (n + 2999) / 3000, tenantWindows = (n + 17999) / 18000;
  int64_t seconds = std::max((appWindows - 1) * 150, (tenantWindows - 1) * 300);
  return line + "; at Graph's write limit of 3,000 requests per 150 s per app and tenant they " +
         (seconds == 0 ? std::string("fit in one window: they can all go at once.")
                       : "take at least " + duration(seconds) + " (" + std::to_string(appWindows) + " windows of 150 s).");
}

}  // namespace plush::tenant
