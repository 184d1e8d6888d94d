// Session: admin roles (who may do what, SPEC §6) and reading the audit log.
#include <algorithm>

#include "tenant/session.h"
#include "tenant/session_change.h"
#include "tenant/text.h"

namespace plush::tenant {

namespace {

std::string checkedRole(const std::string& name) {
  std::string r = canonicalRole(name);
  if (r.empty())
    fail("RoleNotFound", category::ObjectNotFound, name,
         "There is no admin role " + name + "; the roles are " + join(allRoles(), ", ") + ".", "Get-AdminRole");
  return r;
}

}  // namespace

std::vector<AdminRole> Session::adminRoles() {
  require(Action::Read);
  std::vector<AdminRole> out;
  for (const std::string& r : allRoles()) {
    AdminRole role{r, {}};
    for (int64_t pk : store_->roleMembers(r)) role.Members.push_back(upnOf(pk));
    out.push_back(std::move(role));
  }
  return out;
}

void Session::addAdminRoleMember(const std::string& roleName, const std::string& user) {
  require(Action::TenantSettings);
  Change change(*this);
  std::string r = checkedRole(roleName);
  UserRecord u = resolveUser(user);
  std::vector<int64_t> members = store_->roleMembers(r);
  if (std::find(members.begin(), members.end(), u.pk) != members.end()) return change.commit();  // holds it already
  store_->addRole(r, u.pk);
  audit("Add-AdminRoleMember", u.user.UserPrincipalName, r);
  if (u.pk == actorPk_) actorRoles_ = store_->rolesOf(u.pk);
  change.commit();
}

// Soft-deleted admins cannot sign in, so they do not keep the tenant administrable.
size_t Session::activeGlobalAdministrators() {
  size_t active = 0;
  for (int64_t pk : store_->roleMembers(role::GlobalAdministrator)) {
    std::optional<UserRecord> admin = store_->userRowByPk(pk);
    if (admin && admin->user.DeletedOn.empty()) ++active;
  }
  return active;
}

void Session::removeAdminRoleMember(const std::string& roleName, const std::string& user) {
  require(Action::TenantSettings);
  Change change(*this);
  std::string r = checkedRole(roleName);
  UserRecord u = resolveUser(user);
  std::vector<int64_t> members = store_->roleMembers(r);
  if (std::find(members.begin(), members.end(), u.pk) == members.end())
    fail("NotFound", category::ObjectNotFound, u.user.UserPrincipalName,
         u.user.UserPrincipalName + " is not a " + r + ".", "Get-AdminRole");
  if (r == role::GlobalAdministrator && activeGlobalAdministrators() == 1)
    fail("LastGlobalAdministrator", category::InvalidOperation, u.user.UserPrincipalName,
         u.user.UserPrincipalName + " is the tenant's only GlobalAdministrator; the role cannot be left empty.",
         "Add-AdminRoleMember -Role GlobalAdministrator -User <another UPN>");
  store_->removeRole(r, u.pk);
  audit("Remove-AdminRoleMember", u.user.UserPrincipalName, r);
  change.commit();
  if (u.pk == actorPk_) actorRoles_ = store_->rolesOf(u.pk);
}

void Session::forEachAudit(const AuditQuery& query, const std::function<bool(const AuditEntry&)>& each) {
  require(Action::Read);
  AuditQuery q = query;
  if (!q.since.empty()) q.since = normalizeInstant(q.since, "Since");
  if (q.last < 0) failInvalidArgument(std::to_string(q.last), "-Last must be a positive number.");
  writePendingAudit();  // a batch's rows are read like the others
  store_->forEachAudit(q, each);
}

int64_t Session::auditSequence() {
  require(Action::Read);
  writePendingAudit();
  return store_->lastAuditSequence();
}

}  // namespace plush::tenant
