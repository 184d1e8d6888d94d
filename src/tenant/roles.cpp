// The admin roles of SPEC §6 and which of them may do what.
#include "tenant/roles.h"

#include "tenant/text.h"

namespace plush::tenant {

const std::vector<std::string>& allRoles() {
  static const std::vector<std::string> roles = {role::GlobalAdministrator, role::BillingAdministrator,
                                                 role::LicenseAdministrator, role::UserAdministrator,
                                                 role::GlobalReader};
  return roles;
}

std::vector<std::string> rolesAllowedTo(Action action) {
  switch (action) {
    case Action::Read: return allRoles();
    case Action::TenantSettings: return {role::GlobalAdministrator};
    case Action::Subscriptions: return {role::GlobalAdministrator, role::BillingAdministrator};
    case Action::Licenses:
      return {role::GlobalAdministrator, role::LicenseAdministrator, role::UserAdministrator};
    case Action::Users:
    case Action::Groups: return {role::GlobalAdministrator, role::UserAdministrator};
    case Action::GuestLicenses: return {role::GlobalAdministrator};
    // Capacity is bought (Billing) and used up by what license holders build (License): both
    // watch it; user and group admins have no part in it.
    case Action::Capacity:
      return {role::GlobalAdministrator, role::BillingAdministrator, role::LicenseAdministrator};
  }
  return {};
}

std::string describe(Action action) {
  switch (action) {
    case Action::Read: return "read the tenant";
    case Action::TenantSettings: return "change tenant settings, products and admin roles";
    case Action::Subscriptions: return "buy or change subscriptions";
    case Action::Licenses: return "assign, remove or reprocess licenses";
    case Action::Users: return "create, change, remove or restore users";
    case Action::Groups: return "manage groups and their members";
    case Action::GuestLicenses: return "assign licenses to guests";
    case Action::Capacity: return "register bots or record their capacity usage";
  }
  return "do this";
}

std::string canonicalRole(const std::string& name) {
  for (const std::string& r : allRoles())
    if (iequals(r, name)) return r;
  return "";
}

bool isRole(const std::string& name) { return !canonicalRole(name).empty(); }

}  // namespace plush::tenant
