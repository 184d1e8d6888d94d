// The admin roles of SPEC §6 and which of them may do what.
#pragma once

#include <string>
#include <vector>

namespace plush::tenant {

namespace role {
inline constexpr const char* GlobalAdministrator = "GlobalAdministrator";
inline constexpr const char* BillingAdministrator = "BillingAdministrator";
inline constexpr const char* LicenseAdministrator = "LicenseAdministrator";
inline constexpr const char* UserAdministrator = "UserAdministrator";
inline constexpr const char* GlobalReader = "GlobalReader";
}  // namespace role

enum class Action {
  Read,            // any role
  TenantSettings,  // Set-Tenant, Import-Tenant, Import-Product, admin roles
  Subscriptions,   // buy, change quantity/status, take over
  Licenses,        // assign, remove, reprocess, usage location
  Users,           // create, change, remove, restore users
  Groups,          // groups and membership
  GuestLicenses,   // rule 10
  Capacity,        // register and remove bots, record their billed sessions
};

const std::vector<std::string>& allRoles();
std::vector<std::string> rolesAllowedTo(Action action);
std::string describe(Action action);  // "assign licenses", for AccessDenied messages
bool isRole(const std::string& name);
std::string canonicalRole(const std::string& name);  // case-insensitive; "" if none

}  // namespace plush::tenant
