// Session: users — the streaming query, creation, changes, soft delete and restore (rule 8).
#include <algorithm>

#include "tenant/graph_facts.h"
#include "tenant/session.h"
#include "tenant/session_change.h"
#include "tenant/text.h"

namespace plush::tenant {

namespace {

std::string checkedLocation(const std::string& value) {
  std::string cc = upper(value);
  if (!cc.empty() && !isCountryCode(cc))
    fail("InvalidUsageLocation", category::InvalidArgument, value,
         "'" + value + "' is not a two-letter country code (ISO 3166), such as US or DE.");
  return cc;
}

std::string checkedUserType(const std::string& value) {
  if (iequals(value, "Member")) return "Member";
  if (iequals(value, "Guest")) return "Guest";
  failInvalidArgument(value, "'" + value + "' is not a UserType; use Member or Guest.");
}

}  // namespace

void Session::forEachUser(const UserQuery& query, const std::function<bool(const User&)>& each) {
  require(Action::Read);
  UserSelection sel;
  sel.query = query;
  if (!query.filter.empty()) sel.filter = parseFilter(query.filter);
  if (!query.product.empty()) sel.productPk = resolveProduct(query.product);
  if (!query.userType.empty()) sel.query.userType = checkedUserType(query.userType);
  sel.deletedAfter = formatInstant(addDays(clock_.now(), -kSoftDeleteDays));
  if (!query.identity.empty()) resolveUser(query.identity, query.deleted ? Deleted::Only : Deleted::No);  // a missing identity is an error
  store_->forEachUser(sel, [&](const UserRecord& r) { return each(r.user); });
}

User Session::user(const std::string& identity) {
  require(Action::Read);
  return store_->userByPk(resolveUser(identity).pk)->user;  // with its Licenses
}

User Session::newUser(const NewUser& request) {
  require(Action::Users);
  Change change(*this);
  const std::string& upn = request.userPrincipalName;
  size_t at = upn.find('@');
  if (at == std::string::npos || at == 0 || at + 1 == upn.size() || upn.find_first_of(" \t,;") != std::string::npos)
    failInvalidArgument(upn, "'" + upn + "' is not a UserPrincipalName such as bob@contoso.com.");
  if (request.displayName.empty()) failInvalidArgument(upn, "A new user needs a DisplayName.");
  if (auto existing = store_->findUser(UserKey::Upn, upn))
    fail("AlreadyExists", category::ResourceExists, upn,
         "A user " + existing->user.UserPrincipalName + " already exists" +
             (existing->user.DeletedOn.empty() ? "." : " (deleted; Restore-User brings it back)."),
         existing->user.DeletedOn.empty() ? "Set-User -Identity " + upn : "Restore-User -Identity " + upn);
  User u;
  u.Id = newGuid();
  u.UserPrincipalName = upn;
  u.DisplayName = request.displayName;
  u.Department = request.department;
  u.UsageLocation = checkedLocation(request.usageLocation);
  u.UserType = checkedUserType(request.userType.empty() ? "Member" : request.userType);
  u.AccountEnabled = request.accountEnabled;
  int64_t pk = store_->insertUser(u);
  audit("New-User", upn, "DisplayName " + u.DisplayName + (u.UsageLocation.empty() ? "" : ", UsageLocation " + u.UsageLocation),
        facts::user(u.Id, {{"exists", false}}));
  change.commit();
  return store_->userByPk(pk)->user;
}

// A change of usage location alone is license work (LicenseAdministrator may); the rest is user work.
User Session::setUser(const std::string& identity, const UserChanges& c) {
  bool onlyLocation = c.usageLocation && !c.displayName && !c.department && !c.userType && !c.lastSignIn &&
                      !c.accountEnabled;
  require(onlyLocation ? Action::Licenses : Action::Users);
  Change change(*this);
  UserRecord u = resolveUser(identity);
  User& user = u.user;
  const User was = user;
  std::vector<std::string> detail;
  auto note = [&](const char* field, const std::string& from, const std::string& to) {
    if (from != to) detail.push_back(std::string(field) + " " + (from.empty() ? "(none)" : from) + " -> " + (to.empty() ? "(none)" : to));
  };
  if (c.displayName) {
    if (c.displayName->empty()) failInvalidArgument(identity, "A DisplayName cannot be empty.");
    note("DisplayName", user.DisplayName, *c.displayName);
    user.DisplayName = *c.displayName;
  }
  if (c.department) { note("Department", user.Department, *c.department); user.Department = *c.department; }
  if (c.userType) { std::string t = checkedUserType(*c.userType); note("UserType", user.UserType, t); user.UserType = t; }
  if (c.accountEnabled) {
    note("AccountEnabled", user.AccountEnabled ? "True" : "False", *c.accountEnabled ? "True" : "False");
    user.AccountEnabled = *c.accountEnabled;
  }
  if (c.lastSignIn) {
    std::string t = c.lastSignIn->empty() ? "" : normalizeInstant(*c.lastSignIn, "LastSignIn");
    note("LastSignIn", user.LastSignIn, t);
    user.LastSignIn = t;
  }
  if (c.usageLocation && checkedLocation(*c.usageLocation) != user.UsageLocation) {
    std::string cc = checkedLocation(*c.usageLocation);
    note("UsageLocation", user.UsageLocation, cc);
    user.UsageLocation = cc;
    // The licenses held must still be allowed where the user now is (rule 2).
    std::vector<AssignmentRecord> rows = store_->assignments(u.pk);
    bool direct = std::any_of(rows.begin(), rows.end(), [](const auto& a) { return a.groupPk == 0; });
    if (cc.empty() && direct)
      fail("UsageLocationRequired", category::InvalidOperation, user.UserPrincipalName,
           user.UserPrincipalName + " holds licenses directly; its usage location cannot be removed.",
           "Set-UserLicense -User " + user.UserPrincipalName + " -Remove <product>");
    ChangeContext context;
    context.direct = false;
    context.location = cc.empty() ? engine_->defaultUsageLocation() : cc;
    if (auto error = engine_->evaluate(u, context, rows, rows)) throw TenantError(*error);
  }
  if (detail.empty()) {  // the same values again: no change, so no audit row
    change.commit();
    return user;
  }
  store_->updateUser(u);
  nlohmann::json fields = nlohmann::json::object();  // Graph's fields of the user that changed, as they were
  auto text = [](const std::string& v) { return v.empty() ? nlohmann::json(nullptr) : nlohmann::json(v); };
  if (user.DisplayName != was.DisplayName) fields["displayName"] = was.DisplayName;
  if (user.Department != was.Department) fields["department"] = text(was.Department);
  if (user.UsageLocation != was.UsageLocation) fields["usageLocation"] = text(was.UsageLocation);
  if (user.UserType != was.UserType) fields["userType"] = was.UserType;
  if (user.AccountEnabled != was.AccountEnabled) fields["accountEnabled"] = was.AccountEnabled;
  audit("Set-User", user.UserPrincipalName, join(detail, "; "), facts::user(user.Id, {{"fields", fields}}));
  change.commit();
  return store_->userByPk(u.pk)->user;
}

void Session::removeUser(const std::string& identity, bool permanent) {
  require(Action::Users);
  Change change(*this);
  std::optional<UserRecord> found = store_->findUser(isGuid(identity) ? UserKey::Id : UserKey::Upn, identity);
  UserRecord u = found && !found->user.DeletedOn.empty() && permanent ? *found : resolveUser(identity);
  std::vector<std::string> roles = store_->rolesOf(u.pk);
  if (std::count(roles.begin(), roles.end(), role::GlobalAdministrator) && u.user.DeletedOn.empty() &&
      activeGlobalAdministrators() == 1)
    fail("LastGlobalAdministrator", category::InvalidOperation, u.user.UserPrincipalName,
         u.user.UserPrincipalName + " is the tenant's only GlobalAdministrator and cannot be removed.",
         "Add-AdminRoleMember -Role GlobalAdministrator -User <another UPN>");
  bool wasDeleted = !u.user.DeletedOn.empty();
  if (u.user.DeletedOn.empty()) engine_->adjustForDeletion(u, -1);  // rule 8: frees its licenses
  if (permanent) {
    store_->deleteUser(u.pk);
  } else {
    u.user.DeletedOn = clock_.nowIso();
    store_->updateUser(u);
  }
  if (std::count(roles.begin(), roles.end(), role::GlobalAdministrator)) keepBoundGlobalAdministrator(u.user.UserPrincipalName);
  audit("Remove-User", u.user.UserPrincipalName, permanent ? "permanently" : "soft-deleted; licenses suspended",
        facts::user(u.user.Id, {{"deleted", wasDeleted}}));
  change.commit();
}

// Rule 8: past its 30 days a soft-deleted user is deleted for good, as Microsoft 365 does. Its
// assignments stopped counting at the soft delete, so no count moves. The tenant does this, not
// the acting admin, so the audit names the system. A busy store is left for the next opening.
// A session clock ahead of the wall clock (--now for planning) purges nothing that real time has
// not yet reached: a user restorable today stays restorable.
void Session::purgeExpiredDeletions(const std::string& wallClock) {
  Instant until = std::min(clock_.now(), Clock(wallClock).now());
  std::string cutoff = formatInstant(addDays(until, -kSoftDeleteDays));
  if (store_->usersDeletedBy(cutoff).empty()) return;
  try {
    Change change(*this);
    for (const UserRecord& u : store_->usersDeletedBy(cutoff)) {
      store_->deleteUser(u.pk);
      store_->appendAudit(AuditEntry{clock_.nowIso(), "System", "Remove-User", u.user.UserPrincipalName,
                                     "permanently; soft-deleted on " + u.user.DeletedOn + ", more than " +
                                         std::to_string(kSoftDeleteDays) + " days ago"});
    }
    change.commit();
  } catch (const TenantError& e) {
    if (e.record.id != "StoreBusy" && e.record.id != "StoreReadOnly") throw;  // purged by a later run
  }
}

// Rule 8: the licenses come back even when that over-assigns a product.
User Session::restoreUser(const std::string& identity) {
  require(Action::Users);
  Change change(*this);
  UserRecord u = resolveUser(identity, Deleted::Only);
  u.user.DeletedOn.clear();
  store_->updateUser(u);
  engine_->adjustForDeletion(u, +1);
  audit("Restore-User", u.user.UserPrincipalName, "licenses restored", facts::user(u.user.Id, {{"deleted", true}}));
  change.commit();
  return store_->userByPk(u.pk)->user;
}

}  // namespace plush::tenant
