// Loading a whole tenant from JSON: reading the file, and the writes both import formats share.
#include "tenant/tenant_transfer.h"

#include <algorithm>
#include <fstream>
#include <sstream>

#include "format/json_reader.h"

#include "tenant/text.h"

namespace plush::tenant {

using nlohmann::json;

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

void ImportWriter::bad(const std::string& where, const std::string& why) const {
  fail("InvalidJson", category::InvalidData, path_ + ": " + where, path_ + ": " + where + ": " + why + ".");
}

void ImportWriter::count(bool added, bool changed) {
  ++(added ? report_.added : changed ? report_.updated : report_.unchanged);
}

int64_t ImportWriter::productBySkuId(const json& value, const std::string& where) {
  std::string id = value.is_string() ? lower(value.get<std::string>()) : "";
  std::vector<int64_t> found = store_.findProducts(ProductKey::SkuId, id);
  if (found.empty()) bad(where, "no product has the skuId '" + id + "' (import its subscribedSku or Import-Product first)");
  return found.front();
}

bool ImportWriter::putProduct(const Product& p, int64_t& pk) {
  std::vector<int64_t> found = store_.findProducts(ProductKey::SkuId, p.SkuId);
  if (!found.empty() && engine_.product(found.front()) == p) {
    pk = found.front();
    return false;
  }
  pk = store_.upsertProduct(p);
  engine_.forget();
  return true;
}

bool ImportWriter::putSubscription(SubscriptionRecord r) {
  std::optional<SubscriptionRecord> found = store_.findSubscription(r.sub.Id);
  if (found) {
    const Subscription &a = found->sub, &b = r.sub;
    bool same = found->productPk == r.productPk && a.Quantity == b.Quantity && a.Status == b.Status &&
                a.Source == b.Source && a.PurchasedBy == b.PurchasedBy && a.StartsOn == b.StartsOn &&
                a.ExpiresOn == b.ExpiresOn && a.Trial == b.Trial && a.TakenOver == b.TakenOver;
    if (same) return false;
    r.pk = found->pk;
    store_.updateSubscription(r);
  } else {
    store_.insertSubscription(r);
  }
  engine_.forget();  // the engine caches each product's subscriptions
  return true;
}

int64_t ImportWriter::groupFor(const std::string& id, const std::string& name, const std::string& description,
                               bool byName, bool& created) {
  created = false;
  std::vector<GroupRecord> found = isGuid(id) ? store_.findGroups(GroupKey::Id, id) : std::vector<GroupRecord>{};
  if (found.empty() && byName) found = store_.findGroups(GroupKey::Name, name.empty() ? id : name);
  if (!found.empty()) return found.front().pk;
  created = true;
  std::string shown = name.empty() ? id : name;
  if (!store_.findGroups(GroupKey::Name, shown).empty()) {
    warn(path_ + ": two groups are named '" + shown + "'; the one with id " + id + " is kept as '" + shown + " (" +
         id + ")'");
    shown += " (" + id + ")";
  }
  return store_.insertGroup(Group{isGuid(id) ? lower(id) : newGuid(), shown, description, 0, {}});
}

bool ImportWriter::renameGroup(int64_t pk, const std::string& name, const std::optional<std::string>& description) {
  Group g = store_.groupByPk(pk)->group;
  Group next = g;
  if (!name.empty()) next.DisplayName = name;
  if (description) next.Description = *description;
  if (next.DisplayName == g.DisplayName && next.Description == g.Description) return false;
  std::vector<GroupRecord> named = store_.findGroups(GroupKey::Name, next.DisplayName);
  if (!named.empty() && named.front().pk != pk) {
    if (g.DisplayName.find(next.DisplayName + " (") == 0) next.DisplayName = g.DisplayName;  // kept apart before
    else {
      warn(path_ + ": two groups are named '" + next.DisplayName + "'; the one with id " + g.Id + " is kept as '" +
           next.DisplayName + " (" + g.Id + ")'");
      next.DisplayName += " (" + g.Id + ")";
    }
    if (next.DisplayName == g.DisplayName && next.Description == g.Description) return false;
  }
  store_.updateGroup(pk, next);
  return true;
}

bool ImportWriter::putGroupLicenses(int64_t groupPk, const std::vector<GroupLicenseRecord>& licenses) {
  std::vector<GroupLicenseRecord> held = store_.groupLicenses(groupPk);
  bool changed = false;
  for (const GroupLicenseRecord& h : held)
    if (std::none_of(licenses.begin(), licenses.end(), [&](const auto& l) { return l.productPk == h.productPk; })) {
      store_.deleteGroupLicense(groupPk, h.productPk);
      changed = true;
    }
  for (const GroupLicenseRecord& l : licenses) {
    auto same = std::find_if(held.begin(), held.end(), [&](const auto& h) {
      return h.productPk == l.productPk && sameSet(h.disabledPlanIds, l.disabledPlanIds);
    });
    if (same != held.end()) continue;
    store_.putGroupLicense(l);
    changed = true;
  }
  return changed;
}

namespace {

bool sameUser(const User& a, const User& b) {
  return a.Id == b.Id && a.UserPrincipalName == b.UserPrincipalName && a.DisplayName == b.DisplayName &&
         a.Department == b.Department && a.UsageLocation == b.UsageLocation && a.UserType == b.UserType &&
         a.AccountEnabled == b.AccountEnabled && a.LastSignIn == b.LastSignIn && a.DeletedOn == b.DeletedOn;
}

}  // namespace

UserRecord ImportWriter::putUser(const User& u, bool& added, bool& changed) {
  std::optional<UserRecord> found;
  if (isGuid(u.Id)) found = store_.findUserRow(UserKey::Id, u.Id);
  if (!found) found = store_.findUserRow(UserKey::Upn, u.UserPrincipalName);
  added = !found;
  changed = false;
  if (!found) {
    User fresh = u;
    if (!isGuid(fresh.Id)) fresh.Id = newGuid();
    return *store_.userRowByPk(store_.insertUser(fresh));
  }
  UserRecord r = *found;
  User next = u;
  if (!adoptIds_ || !isGuid(next.Id) || (!iequals(next.Id, r.user.Id) && store_.findUserRow(UserKey::Id, next.Id)))
    next.Id = r.user.Id;
  if (!iequals(next.UserPrincipalName, r.user.UserPrincipalName)) {
    std::optional<UserRecord> other = store_.findUserRow(UserKey::Upn, next.UserPrincipalName);
    if (other && other->pk != r.pk)
      bad(next.UserPrincipalName, "the user with id " + next.Id + " is named " + next.UserPrincipalName +
                                      ", but another user (id " + other->user.Id + ") already has that name");
  }
  if (sameUser(r.user, next)) return r;
  changed = true;
  bool wasActive = r.user.DeletedOn.empty(), isActive = next.DeletedOn.empty();
  if (wasActive && !isActive) engine_.adjustForDeletion(r, -1);
  r.user = next;
  store_.updateUser(r);
  if (!wasActive && isActive) engine_.adjustForDeletion(r, +1);
  return r;
}

bool ImportWriter::putAssignments(const UserRecord& u, std::vector<AssignmentRecord> rows) {
  for (auto& a : rows) a.userPk = u.pk;
  return engine_.write(u, store_.assignments(u.pk), rows);
}

void ImportWriter::recountAssigned(int64_t productPk, int64_t elsewhere) {
  int64_t target = store_.countHolders(productPk) + elsewhere, current = store_.assignedCount(productPk);
  if (target != current) store_.adjustAssigned(productPk, target - current);
}

}  // namespace plush::tenant
