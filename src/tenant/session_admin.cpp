// Session: admin roles (who may do what, SPEC §6), the logins bound to admins, and reading the audit log.
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
  if (r == role::GlobalAdministrator) keepBoundGlobalAdministrator(u.user.UserPrincipalName);
  audit("Remove-AdminRoleMember", u.user.UserPrincipalName, r);
  change.commit();
  if (u.pk == actorPk_) actorRoles_ = store_->rolesOf(u.pk);
}

std::vector<AdminBinding> Session::adminBindings() {
  require(Action::Read);
  std::vector<AdminBinding> out;
  for (const auto& [login, pk] : store_->bindings()) out.push_back(AdminBinding{login, upnOf(pk)});
  return out;
}

// Bindings exist only with a GlobalAdministrator among them, or the tenant could be locked for good.
bool Session::boundGlobalAdministratorRemains() {
  std::vector<std::pair<std::string, int64_t>> bindings = store_->bindings();
  if (bindings.empty()) return true;
  for (const auto& [login, pk] : bindings) {
    std::optional<UserRecord> admin = store_->userRowByPk(pk);
    std::vector<std::string> roles = store_->rolesOf(pk);
    if (admin && admin->user.DeletedOn.empty() &&
        std::find(roles.begin(), roles.end(), role::GlobalAdministrator) != roles.end())
      return true;
  }
  return false;
}

// Removing a bound GlobalAdministrator's role, or the admin, must leave another bound one.
void Session::keepBoundGlobalAdministrator(const std::string& upn) {
  if (!boundGlobalAdministratorRemains())
    fail("NoBoundGlobalAdministrator", category::InvalidOperation, upn,
         upn + " is the only GlobalAdministrator bound to a login; without them no bound admin could change the "
         "bindings.", "Add-AdminBinding -User <another GlobalAdministrator> -Login <their login>");
}

void Session::addAdminBinding(const std::string& user, const std::string& login) {
  require(Action::TenantSettings);
  Change change(*this);
  if (login.empty() || std::any_of(login.begin(), login.end(), [](unsigned char c) { return c < 0x20 || c == 0x7f; }))
    failInvalidArgument(login, "-Login must name a login (a PostgreSQL login, or an OS account for a SQLite store).");
  UserRecord u = resolveUser(user);
  const std::string& upn = u.user.UserPrincipalName;
  if (store_->rolesOf(u.pk).empty())
    fail("NotAnAdmin", category::InvalidOperation, upn, upn + " holds no admin role; only admins are bound to logins.",
         "Add-AdminRoleMember -Role <role> -User " + upn);
  for (const auto& [bound, pk] : store_->bindings())
    if (bound == login && pk == u.pk) return change.commit();  // bound already
  store_->addBinding(login, u.pk);
  if (!boundGlobalAdministratorRemains())
    fail("NoBoundGlobalAdministrator", category::InvalidOperation, upn,
         "The first binding must be a GlobalAdministrator's: once bindings exist, only bound admins can act, and "
         "one of them must be able to change the bindings.",
         "Add-AdminBinding -User <a GlobalAdministrator's UPN> -Login <their login>");
  audit("Add-AdminBinding", upn, "login " + login);
  change.commit();
}

void Session::removeAdminBinding(const std::string& user, const std::string& login) {
  require(Action::TenantSettings);
  Change change(*this);
  UserRecord u = resolveUser(user, Deleted::Either);
  const std::string& upn = u.user.UserPrincipalName;
  std::vector<std::pair<std::string, int64_t>> bindings = store_->bindings();
  if (std::find(bindings.begin(), bindings.end(), std::make_pair(login, u.pk)) == bindings.end())
    fail("NotFound", category::ObjectNotFound, upn, "The login " + login + " is not bound to " + upn + ".",
         "Get-AdminBinding");
  store_->removeBinding(login, u.pk);
  if (!boundGlobalAdministratorRemains())
    fail("NoBoundGlobalAdministrator", category::InvalidOperation, upn,
         "This is the last binding of a GlobalAdministrator; without it no bound admin could change the bindings.",
         "Add-AdminBinding -User <another GlobalAdministrator> -Login <their login>, or remove the other bindings first");
  audit("Remove-AdminBinding", upn, "login " + login);
  change.commit();
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
