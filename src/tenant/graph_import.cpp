// Loading Microsoft Graph shaped JSON: subscribedSkus, users and groups, several files at once.
#include "tenant/graph_import.h"

#include <algorithm>

#include "tenant/clock.h"
#include "tenant/json_fields.h"
#include "tenant/text.h"

namespace plush::tenant {

using nlohmann::json;
using namespace jsonfields;

namespace {

bool has(const json& j, const char* key) { return j.is_object() && j.contains(key); }

// A present string value, or "" for null: for fields whose absence means "not selected".
std::optional<std::string> field(const json& j, const char* key) {
  auto it = j.find(key);
  if (it == j.end()) return std::nullopt;
  return it->is_string() ? it->get<std::string>() : std::string();
}

// "1 member", "3 members".
std::string counted(int64_t n, const std::string& noun) { return std::to_string(n) + " " + noun + (n == 1 ? "" : "s"); }

std::string trimmed(std::string s) {
  size_t a = s.find_first_not_of(" \t"), b = s.find_last_not_of(" \t");
  return a == std::string::npos ? "" : s.substr(a, b - a + 1);
}

// The kind of object a page's @odata.context names ("…/$metadata#subscribedSkus", "#users(id,…)",
// "#groups(…)", "#directoryObjects/microsoft.graph.user" for /directory/deletedItems/microsoft.graph.user).
enum class PageKind { Unknown, Sku, Group, User };

PageKind pageKind(const std::string& context) {
  size_t hash = context.find("#");
  if (hash == std::string::npos) return PageKind::Unknown;
  std::string what = lower(context.substr(hash + 1));
  if (what.rfind("subscribedskus", 0) == 0) return PageKind::Sku;
  if (what.rfind("users", 0) == 0 || what.find("microsoft.graph.user") != std::string::npos) return PageKind::User;
  if (what.rfind("groups", 0) == 0 || what.find("microsoft.graph.group") != std::string::npos) return PageKind::Group;
  return PageKind::Unknown;
}

const char* kBuckets[][2] = {{"enabled", ""}, {"warning", "Warning"}, {"suspended", "Suspended"}, {"lockedOut", "LockedOut"}};

}  // namespace

void GraphImport::collectPage(const json& page, const std::string& file, const std::string& where) {
  PageKind context = PageKind::Unknown;
  const json* values = &page;
  if (page.is_object()) {
    context = pageKind(str(page, "@odata.context"));
    if (has(page, "@odata.nextLink"))
      warn(file + ": " + (where.empty() ? "" : where + ": ") + "the page has an @odata.nextLink: Graph has more " +
           "objects than this file holds (only this page is imported; fetch every page, e.g. Get-MgUser -All)");
    values = &page["value"];
    if (!values->is_array()) {
      setFile(file);
      bad(where.empty() ? "value" : where + ".value", "is not an array");
    }
  }
  Kind kind = context == PageKind::Sku ? Kind::Sku : context == PageKind::Group ? Kind::Group
            : context == PageKind::User ? Kind::User : Kind::Unknown;
  std::string prefix = page.is_object() ? (where.empty() ? "value" : where + ".value") : where;
  for (size_t i = 0; i < values->size(); ++i) {
    std::string at = prefix + "[" + std::to_string(i) + "]";
    setFile(file);
    Kind k = kindOf((*values)[i], kind, at);
    items_.push_back(Item{&(*values)[i], file, at, k});
  }
}

void GraphImport::collect(const GraphFile& f) {
  setFile(f.path);
  const json& doc = f.doc;
  if (doc.is_array() || (doc.is_object() && doc.contains("value"))) return collectPage(doc, f.path, "");
  if (doc.is_object()) {
    bool pages = false;
    for (const char* name : {"subscribedSkus", "groups", "users"})
      if (doc.contains(name)) {
        pages = true;
        collectPage(doc[name], f.path, name);
      }
    if (pages) return;
    if (!doc.empty()) {  // one object, as GET /users/{id} returns it
      items_.push_back(Item{&doc, f.path, "the object", kindOf(doc, Kind::Unknown, "the object")});
      return;
    }
  }
  bad("the document", "not a Microsoft Graph page: expected {\"value\": [...]}, an array or one object");
}

// The item's own @odata.type, else the page's kind, else its fields.
GraphImport::Kind GraphImport::kindOf(const json& item, Kind pageKind, const std::string& where) {
  if (!item.is_object()) bad(where, "is not an object");
  std::string type = lower(str(item, "@odata.type"));
  if (type == "#microsoft.graph.user") return Kind::User;
  if (type == "#microsoft.graph.group") return Kind::Group;
  if (type == "#microsoft.graph.subscribedsku") return Kind::Sku;
  if (!type.empty()) return ++skippedObjects_, Kind::Skip;  // devices, contacts, service principals
  if (pageKind != Kind::Unknown) return pageKind;
  if (has(item, "userPrincipalName")) return Kind::User;
  if (has(item, "skuId") && (has(item, "prepaidUnits") || has(item, "skuPartNumber") || has(item, "consumedUnits") ||
                             has(item, "servicePlans")))
    return Kind::Sku;
  for (const char* marker : {"groupTypes", "securityEnabled", "mailEnabled", "members", "membershipRule", "displayName"})
    if (has(item, marker)) return Kind::Group;
  std::string id = lower(str(item, "id"));
  if (isGuid(id) && has(item, "assignedLicenses")) {  // $select=id,assignedLicenses: a user's or a group's
    if (store_.findUserRow(UserKey::Id, id)) return Kind::User;
    if (!store_.findGroups(GroupKey::Id, id).empty()) return Kind::Group;
    bad(where, "only an id and assignedLicenses: a user or a group? Import the page as Graph returned it (with its "
               "@odata.context), or select userPrincipalName or displayName too");
  }
  bad(where, "neither a subscribedSku, a user nor a group");
}

void GraphImport::sku(const Item& it) {
  const json& j = *it.json;
  Product p{str(j, "skuPartNumber"), lower(str(j, "skuId")), "", "User", {}, {}};
  if (p.SkuPartNumber.empty() || !isGuid(p.SkuId)) bad(it.where, "a subscribedSku needs skuPartNumber and a GUID skuId");
  std::vector<int64_t> known = store_.findProducts(ProductKey::SkuId, p.SkuId);
  Product base = known.empty() ? Product{} : engine_.product(known.front());
  bool wasSubscribed = !known.empty() && (!store_.subscriptions(known.front()).empty() || store_.skuFacts(known.front()));
  p.DisplayName = base.DisplayName.empty() ? p.SkuPartNumber : base.DisplayName;
  p.Requires = base.Requires;
  p.AppliesTo = has(j, "appliesTo") ? str(j, "appliesTo") : base.AppliesTo.empty() ? "User" : base.AppliesTo;
  if (p.AppliesTo != "User" && p.AppliesTo != "Company") bad(it.where + ".appliesTo", "'" + p.AppliesTo + "' is not User or Company");
  if (has(j, "servicePlans")) {
    const json& plans = list(j, "servicePlans");
    for (size_t i = 0; i < plans.size(); ++i) {
      ServicePlan sp{str(plans[i], "servicePlanName"), lower(str(plans[i], "servicePlanId")), "", false,
                     str(plans[i], "provisioningStatus"), str(plans[i], "appliesTo")};
      if (sp.Name.empty() || !isGuid(sp.Id))
        bad(it.where + ".servicePlans[" + std::to_string(i) + "]", "a service plan needs servicePlanName and a GUID servicePlanId");
      for (const ServicePlan& k : base.ServicePlans)  // what the catalog knows that Graph does not say
        if (iequals(k.Id, sp.Id) || k.Name == sp.Name) sp.DisplayName = k.DisplayName, sp.Automatic = k.Automatic;
      if (sp.DisplayName.empty()) sp.DisplayName = sp.Name;
      p.ServicePlans.push_back(sp);
    }
  } else {
    p.ServicePlans = base.ServicePlans;
  }
  int64_t pk = 0;
  bool changed = putProduct(p, pk);
  if (has(j, "prepaidUnits")) {
    const json& units = j["prepaidUnits"];
    int64_t counted[4] = {0, 0, 0, 0};
    for (size_t b = 0; b < 4; ++b) {
      auto v = units.is_object() ? units.find(kBuckets[b][0]) : units.end();
      if (units.is_object() && v != units.end() && !v->is_null()) {
        if (!v->is_number_integer() || v->get<int64_t>() < 0)
          bad(it.where + ".prepaidUnits." + kBuckets[b][0], "is not a count of licenses");
        counted[b] = v->get<int64_t>();
      }
      std::string id = "graph-" + p.SkuId + "-" + lower(kBuckets[b][0]);
      if (counted[b] == 0 && !store_.findSubscription(id)) continue;
      SubscriptionRecord r;
      r.productPk = pk;
      r.sub = Subscription{id, p.SkuPartNumber, counted[b], kBuckets[b][1], "Admin", "", "", "", false, false};
      changed = putSubscription(r) || changed;
    }
    std::string status = str(j, "capabilityStatus"), implied = capabilityStatusOf(counted[0], counted[1], counted[2], counted[3]);
    if (!status.empty() && status != implied)
      warn(it.file + ": " + it.where + ": capabilityStatus is " + status + " but its prepaidUnits make it " + implied +
           "; plush keeps the units and shows " + implied);
  }
  SkuFacts facts = store_.skuFacts(pk).value_or(SkuFacts{});
  SkuFacts before = facts;
  if (has(j, "id")) facts.objectId = str(j, "id");
  if (has(j, "accountId")) facts.accountId = str(j, "accountId");
  if (has(j, "accountName")) facts.accountName = str(j, "accountName");
  if (has(j, "subscriptionIds")) {
    facts.subscriptionIds.clear();
    for (const json& s : list(j, "subscriptionIds"))
      if (s.is_string()) facts.subscriptionIds.push_back(lower(s.get<std::string>()));
  }
  if (has(j, "consumedUnits")) {
    if (!j["consumedUnits"].is_number_integer() || j["consumedUnits"].get<int64_t>() < 0)
      bad(it.where + ".consumedUnits", "is not a count of licenses");
    facts.consumedUnits = j["consumedUnits"].get<int64_t>();
    importedSkus_.insert(pk);
  }
  bool factsChanged = !store_.skuFacts(pk) || facts.objectId != before.objectId || facts.accountId != before.accountId ||
                      facts.accountName != before.accountName || facts.subscriptionIds != before.subscriptionIds ||
                      facts.consumedUnits != before.consumedUnits;
  if (factsChanged) store_.saveSkuFacts(pk, facts);
  Seen& seen = skus_[pk];
  seen.added = seen.added || !wasSubscribed;
  seen.changed = seen.changed || changed || factsChanged;
}

void GraphImport::group(const Item& it) {
  const json& j = *it.json;
  std::string id = lower(str(j, "id"));
  if (!isGuid(id)) bad(it.where + ".id", "a group needs its GUID id");
  if (!str(j, "deletedDateTime").empty()) return void(++skippedDeletedGroups_);
  bool created = false;
  int64_t pk = groupFor(id, str(j, "displayName"), str(j, "description"), false, created);
  bool changed = !created && renameGroup(pk, str(j, "displayName"), field(j, "description"));
  if (has(j, "assignedLicenses")) {
    std::vector<GroupLicenseRecord> licenses;
    const json& l = list(j, "assignedLicenses");
    for (size_t i = 0; i < l.size(); ++i)
      licenses.push_back(GroupLicenseRecord{
          pk, productBySkuId(l[i].value("skuId", json()), it.where + ".assignedLicenses[" + std::to_string(i) + "].skuId"),
          lowered(list(l[i], "disabledPlans"))});
    changed = putGroupLicenses(pk, licenses) || changed;
  }
  Seen& seen = groups_[pk];
  seen.added = seen.added || created;
  seen.changed = seen.changed || changed;
}

std::vector<AssignmentRecord> GraphImport::statedAssignments(const json& states, const UserRecord& u,
                                                             const std::string& where) {
  std::vector<AssignmentRecord> rows;
  for (size_t i = 0; i < states.size(); ++i) {
    const json& a = states[i];
    std::string w = where + ".licenseAssignmentStates[" + std::to_string(i) + "]";
    AssignmentRecord row{u.pk, productBySkuId(a.value("skuId", json()), w + ".skuId"), 0, lowered(list(a, "disabledPlans")),
                         "Active", "", "", ""};
    std::string group = lower(str(a, "assignedByGroup"));
    if (!group.empty()) {
      bool created = false;
      row.groupPk = groupFor(group, "", "", false, created);  // named by its id until its group is read
      groups_[row.groupPk].added = groups_[row.groupPk].added || created;
      store_.addMember(row.groupPk, u.pk);
    }
    // Graph's own examples write " Active " and " None": the words are what counts.
    std::string state = trimmed(str(a, "state")), error = trimmed(str(a, "error"));
    if (error == "None") error.clear();
    if (state == "ActiveWithError" || state == "Error") {
      if (error.empty()) error = "Other";
      row.error = error;
      if (state == "Error") {
        row.state = "Error";
        row.message = "Microsoft Graph reports this assignment in error (" + error + ").";
      }
    } else if (state == "Disabled") {
      row.state = "Disabled";
    } else if (state != "Active") {
      bad(w + ".state", "'" + state + "' is not one of Active, ActiveWithError, Disabled, Error");
    }
    if (!str(a, "lastUpdatedDateTime").empty())
      row.lastUpdated = normalizeInstant(str(a, "lastUpdatedDateTime"), w + ".lastUpdatedDateTime");
    for (const AssignmentRecord& other : rows)
      if (other.productPk == row.productPk && other.groupPk == row.groupPk)
        bad(w, "the same product from the same source is listed twice");
    rows.push_back(row);
  }
  return rows;
}

void GraphImport::user(const Item& it) {
  const json& j = *it.json;
  std::string id = lower(str(j, "id")), upn = str(j, "userPrincipalName");
  std::string deleted = str(j, "deletedDateTime");
  if (!deleted.empty() && isGuid(id)) {  // Entra ID keeps a deleted user's name behind its id (no dashes)
    std::string prefix;
    for (char c : id)
      if (c != '-') prefix += c;
    if (upn.size() > prefix.size() && lower(upn.substr(0, prefix.size())) == prefix) upn = upn.substr(prefix.size());
  }
  std::optional<UserRecord> existing;
  if (isGuid(id)) existing = store_.findUserRow(UserKey::Id, id);
  if (!existing && !upn.empty()) existing = store_.findUserRow(UserKey::Upn, upn);
  if (upn.empty() && !existing) bad(it.where, "userPrincipalName is missing (and no imported user has the id '" + id + "')");
  User u = existing ? existing->user : User{};
  if (isGuid(id)) u.Id = id;
  if (!upn.empty()) u.UserPrincipalName = upn;
  if (auto v = field(j, "displayName")) u.DisplayName = *v;
  if (u.DisplayName.empty()) u.DisplayName = u.UserPrincipalName;
  if (auto v = field(j, "department")) u.Department = *v;
  if (auto v = field(j, "usageLocation")) u.UsageLocation = upper(*v);
  if (auto v = field(j, "userType")) u.UserType = *v == "Guest" ? "Guest" : "Member";
  if (has(j, "accountEnabled") && j["accountEnabled"].is_boolean()) u.AccountEnabled = j["accountEnabled"].get<bool>();
  if (has(j, "signInActivity")) {
    std::string last = j["signInActivity"].is_object() ? str(j["signInActivity"], "lastSignInDateTime") : "";
    u.LastSignIn = last.empty() ? "" : normalizeInstant(last, it.where + ".signInActivity.lastSignInDateTime");
  }
  u.DeletedOn = deleted.empty() ? "" : normalizeInstant(deleted, it.where + ".deletedDateTime");
  bool added = false, changed = false;
  UserRecord r = putUser(u, added, changed);
  if (has(j, "licenseAssignmentStates")) {
    std::vector<AssignmentRecord> rows = statedAssignments(list(j, "licenseAssignmentStates"), r, it.where);
    for (const json& l : list(j, "assignedLicenses")) {
      std::string sku = lower(str(l, "skuId"));
      bool stated = std::any_of(rows.begin(), rows.end(), [&](const AssignmentRecord& a) {
        return a.state == "Active" && engine_.product(a.productPk).SkuId == sku;
      });
      if (!stated)
        warn(it.file + ": " + it.where + ": assignedLicenses names " + sku +
             ", which no Active licenseAssignmentState does; the states are kept");
    }
    statedUsers_.insert(r.pk);
    changed = putAssignments(r, rows) || changed;
  } else if (has(j, "assignedLicenses")) {
    assignedOnly_[r.pk] = &it;
  }
  Seen& seen = users_[r.pk];
  seen.added = seen.added || added;
  seen.changed = seen.changed || changed;
}

// Members named by id (or UPN) as $expand=members gives them; the group's list is its membership.
void GraphImport::members(const Item& it) {
  const json& j = *it.json;
  if (!has(j, "members") || !str(j, "deletedDateTime").empty()) return;
  std::vector<GroupRecord> found = store_.findGroups(GroupKey::Id, lower(str(j, "id")));
  if (found.empty()) return;
  int64_t groupPk = found.front().pk;
  std::set<int64_t> wanted;
  std::vector<std::string> missing;
  int64_t others = 0;
  for (const json& m : list(j, "members")) {
    std::string type = lower(str(m, "@odata.type"));
    if (!type.empty() && type != "#microsoft.graph.user") {
      ++others;
      continue;
    }
    std::optional<UserRecord> u;
    if (isGuid(lower(str(m, "id")))) u = store_.findUserRow(UserKey::Id, lower(str(m, "id")));
    if (!u && !str(m, "userPrincipalName").empty()) u = store_.findUserRow(UserKey::Upn, str(m, "userPrincipalName"));
    if (u) wanted.insert(u->pk);
    else missing.push_back(str(m, "id").empty() ? str(m, "userPrincipalName") : str(m, "id"));
  }
  std::string name = store_.groupByPk(groupPk)->group.DisplayName;
  if (others > 0)
    warn(it.file + ": " + it.where + ": " + counted(others, "member") + " of " + name +
         (others == 1 ? " is not a user" : " are not users") +
         " (nested groups, devices, contacts); plush keeps user members only");
  if (!missing.empty())
    warn(it.file + ": " + it.where + ": " + counted(static_cast<int64_t>(missing.size()), "member") + " of " + name +
         " not among the imported users " + (missing.size() == 1 ? "is" : "are") + " left out (" +
         join(std::vector<std::string>(
             missing.begin(), missing.begin() + static_cast<long>(std::min<size_t>(missing.size(), 3))), ", ") +
         (missing.size() > 3 ? ", …" : "") + "); import the users file too");
  std::vector<int64_t> current;
  store_.forEachMember(groupPk, [&](int64_t pk) { return current.push_back(pk), true; });
  bool changed = false;
  for (int64_t pk : current)
    if (!wanted.count(pk)) {
      store_.removeMember(groupPk, pk);
      if (std::optional<UserRecord> u = store_.userRowByPk(pk)) engine_.applyGroup(*u, groupPk, {});
      changed = true;
    }
  for (int64_t pk : wanted)
    if (!store_.isMember(groupPk, pk)) {
      store_.addMember(groupPk, pk);
      changed = true;
    }
  groups_[groupPk].changed = groups_[groupPk].changed || changed;
}

void GraphImport::inferDirect() {
  int64_t inherited = 0;
  for (const auto& [userPk, it] : assignedOnly_) {
    std::set<int64_t> granted;
    for (int64_t g : store_.groupsOf(userPk))
      for (const GroupLicenseRecord& l : store_.groupLicenses(g)) granted.insert(l.productPk);
    std::vector<AssignmentRecord> rows;
    for (const AssignmentRecord& a : store_.assignments(userPk))
      if (a.groupPk != 0) rows.push_back(a);
    const json& l = list(*it->json, "assignedLicenses");
    for (size_t i = 0; i < l.size(); ++i) {
      int64_t pk = productBySkuId(l[i].value("skuId", json()), it->where + ".assignedLicenses[" + std::to_string(i) + "].skuId");
      if (granted.count(pk)) {
        ++inherited;
        continue;
      }
      rows.push_back(AssignmentRecord{userPk, pk, 0, lowered(list(l[i], "disabledPlans")), "Active", "", "", ""});
    }
    UserRecord u = *store_.userRowByPk(userPk);
    if (putAssignments(u, rows)) users_[userPk].changed = true;
  }
  if (inherited > 0)
    warn(counted(inherited, "license") + " in users' assignedLicenses " + (inherited == 1 ? "is" : "are") +
         " also granted by one of their groups; without licenseAssignmentStates " + (inherited == 1 ? "it is" : "they are") +
         " taken as inherited, not direct (export users with $select=...,licenseAssignmentStates to tell them apart)");
}

// Rule 7 for the members whose own states were not read: what the group's licenses give them.
void GraphImport::applyGroups() {
  std::set<int64_t> groups;
  for (const auto& [pk, seen] : groups_) groups.insert(pk);
  for (const auto& [userPk, it] : assignedOnly_)
    for (int64_t g : store_.groupsOf(userPk)) groups.insert(g);
  int64_t step = 0;
  for (int64_t g : groups) {
    std::vector<GroupLicenseRecord> licenses = store_.groupLicenses(g);
    std::vector<int64_t> members;
    store_.forEachMember(g, [&](int64_t pk) { return members.push_back(pk), true; });
    for (int64_t pk : members) {
      if (poll) poll(++step);
      if (statedUsers_.count(pk)) continue;
      std::optional<UserRecord> u = store_.userRowByPk(pk);
      if (u && engine_.applyGroup(*u, g, licenses).changed) {
        groups_[g].changed = true;
        if (users_.count(pk)) users_[pk].changed = true;
      }
    }
  }
}

// A product's kept assigned count is the users here who hold it, plus the consumedUnits Graph
// counted for users this store does not have (an import of subscribedSkus alone keeps them).
void GraphImport::recount() {
  for (int64_t pk : store_.subscribedProductPks()) {
    std::optional<SkuFacts> facts = store_.skuFacts(pk);
    if (!facts) continue;
    int64_t holders = store_.countHolders(pk), unseen = std::max<int64_t>(0, facts->consumedUnits - holders);
    recountAssigned(pk, unseen);
    if (unseen != facts->unseenAssigned) {
      facts->unseenAssigned = unseen;
      store_.saveSkuFacts(pk, *facts);
    }
    if (!importedSkus_.count(pk)) continue;
    const std::string& sku = engine_.product(pk).SkuPartNumber;
    if (unseen > 0)
      warn(sku + ": Graph counts " + std::to_string(facts->consumedUnits) + " licenses assigned (consumedUnits), " +
           std::to_string(holders) + " of them to users imported here; the other " + std::to_string(unseen) +
           " stay assigned (Get-License shows them as AssignedElsewhere)");
    else if (holders > facts->consumedUnits)
      warn(sku + ": the users here hold " + std::to_string(holders) + " licenses, but Graph counted " +
           std::to_string(facts->consumedUnits) + " (consumedUnits); Assigned shows " + std::to_string(holders));
  }
  engine_.forget();
}

void GraphImport::finishReport() {
  for (const auto* seen : {&skus_, &groups_, &users_})
    for (const auto& [pk, s] : *seen) count(s.added, s.changed);
  if (skippedDeletedGroups_ > 0)
    warn(counted(skippedDeletedGroups_, "deleted group") + " (deletedDateTime set) " +
         (skippedDeletedGroups_ == 1 ? "is" : "are") + " not imported: plush keeps live groups only");
  if (skippedObjects_ > 0)
    warn(counted(skippedObjects_, "object") + " of another kind than users, groups and subscribedSkus (@odata.type) " +
         (skippedObjects_ == 1 ? "is" : "are") + " not imported");
}

ImportReport GraphImport::run(const std::vector<GraphFile>& files) {
  for (const GraphFile& f : files) collect(f);
  int64_t step = 0;
  for (Kind pass : {Kind::Sku, Kind::Group, Kind::User})
    for (const Item& it : items_) {
      if (it.kind != pass) continue;
      if (poll) poll(++step);
      setFile(it.file);
      if (pass == Kind::Sku) sku(it);
      else if (pass == Kind::Group) group(it);
      else user(it);
    }
  for (const Item& it : items_)
    if (it.kind == Kind::Group) {
      setFile(it.file);
      members(it);
    }
  inferDirect();
  applyGroups();
  recount();
  finishReport();
  return report_;
}

}  // namespace plush::tenant
