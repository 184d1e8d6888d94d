// The tenant's objects as the cmdlets see them (field names are SPEC §3's output properties).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "tenant/filter.h"

namespace plush::tenant {

struct TenantInfo {
  std::string Name, Id, DefaultUsageLocation;
  bool AllowAdHocSubscriptions = false;
  int64_t UserCount = 0, GroupCount = 0, ProductCount = 0;
  // Bound: admin bindings exist and a session acts as an admin bound to its login (PostgreSQL: the
  // database login; SQLite: the OS account). Claimed: none exist, and --as names any admin.
  std::string Identities, Login;
};

struct ServicePlan {
  std::string Name, Id, DisplayName;
  bool Automatic = false;
  // As Microsoft Graph's subscribedSku says of the plan (servicePlanInfo); empty when not imported:
  std::string ProvisioningStatus;  // Success | Disabled | PendingInput | PendingActivation | PendingProvisioning
  std::string AppliesTo;           // User | Company; empty: the product's
  bool operator==(const ServicePlan&) const = default;
};

struct Product {
  std::string SkuPartNumber, SkuId, DisplayName, AppliesTo;  // AppliesTo: User | Company
  std::vector<ServicePlan> ServicePlans;
  std::vector<std::string> Requires;  // SkuPartNumbers the tenant must own
  bool operator==(const Product&) const = default;
};

struct Subscription {
  std::string Id, Product;  // Product: SkuPartNumber
  int64_t Quantity = 0;
  std::string Status;  // Enabled | Warning | Suspended | Deleted
  std::string Source;  // Admin | SelfService | Trial | Partner | Volume
  std::string PurchasedBy, StartsOn, ExpiresOn;  // dates "2026-12-31"; ExpiresOn may be empty
  bool Trial = false;
  bool TakenOver = false;  // a SelfService purchase an admin took over (rule 9)
};

struct LicenseRow {
  std::string Product, SkuPartNumber;  // Product: display name
  int64_t Total = 0, Assigned = 0, Available = 0, ExpiringSoon = 0, Warning = 0, Suspended = 0;
  int64_t LockedOut = 0;          // licenses of cancelled subscriptions (Graph's prepaidUnits.lockedOut)
  int64_t AssignedElsewhere = 0;  // of Assigned: Graph's consumedUnits held by users not in the store
};

struct UserLicenseRow {
  std::string User, SkuPartNumber;          // User: UserPrincipalName
  std::vector<std::string> AssignedBy;      // "Direct" and/or group names
  std::string State;                        // Active | Error | Suspended
  std::string Error;                        // error id when State is Error
  std::vector<std::string> DisabledPlans;   // plan names
  std::vector<std::string> EnabledPlans;    // plan names
};

struct User {
  std::string Id, UserPrincipalName, DisplayName, Department, UsageLocation;
  std::string UserType = "Member";  // Member | Guest
  bool AccountEnabled = true;
  std::string State = "Active";  // Active | SoftDeleted
  std::string LastSignIn;        // ISO time, empty if never
  std::string DeletedOn;         // ISO time of the soft delete, empty if not deleted
  std::vector<std::string> Licenses;  // SkuPartNumbers held
};

struct Group {
  std::string Id, DisplayName, Description;
  int64_t MemberCount = 0;
  std::vector<std::string> Licenses;  // SkuPartNumbers assigned to the group
};

struct GroupLicenseRow {
  std::string Group, SkuPartNumber;
  std::vector<std::string> DisabledPlans, EnabledPlans;  // plan names
  int64_t Active = 0, Errors = 0;  // members holding it / members in error
};

struct LicenseErrorRow {
  std::string User, SkuPartNumber, AssignedBy, Error, Message;
};

struct AuditEntry {
  std::string Time, Actor, Action, Target, Detail;
  int64_t Sequence = 0;  // grows with every entry; a mark for "what changed since"
  // What the change found before it (JSON; empty when it records none): the facts of its target
  // that Microsoft Graph holds too, so the requests that repeat the change can be worked out.
  std::string Before;
  std::string Login;  // the login that made the change, while identities are bound; else empty
};

// A user's licenses as Microsoft Graph gives them (user.assignedLicenses, user.licenseAssignmentStates).
struct AssignedLicense {  // one per product held (directly or through groups), as Graph's assignedLicense
  std::string SkuId;
  std::vector<std::string> DisabledPlans;  // plan ids
};

struct LicenseAssignmentState {  // one per source of a product, as Graph's licenseAssignmentState
  std::string SkuId, AssignedByGroup;      // AssignedByGroup: the group's id; empty when direct
  std::string State;                       // Active | ActiveWithError | Disabled | Error
  std::string Error;                       // None, or CountViolation, MutuallyExclusiveViolation, ..., Other
  std::string LastUpdated;                 // ISO time; empty when unknown
  std::vector<std::string> DisabledPlans;  // plan ids
};

struct UserGraphLicenses {
  std::vector<AssignedLicense> assigned;
  std::vector<LicenseAssignmentState> states;
};

// A product with its licenses as Graph's subscribedSku.
struct SubscribedSku {
  Product product;
  bool subscribed = false;  // the tenant has (or had) a subscription to it
  std::string Id, AccountId, AccountName, CapabilityStatus;  // empty when not subscribed
  std::vector<std::string> SubscriptionIds;
  int64_t ConsumedUnits = 0, Enabled = 0, Warning = 0, Suspended = 0, LockedOut = 0;
};

struct AdminRole {
  std::string Name;
  std::vector<std::string> Members;  // UPNs
};

// A login (a PostgreSQL login, or an OS account for a SQLite store) allowed to act as an admin.
struct AdminBinding {
  std::string Login, User;  // User: the admin's UPN
};

// ---- requests ----

struct NewTenantOptions {
  std::string name = "Tenant";
  std::string defaultUsageLocation = "US";
  std::string adminUpn;       // empty: admin@<name>.onmicrosoft.com in lower case
  std::string catalogPath;    // stdlib/catalog.json; empty: no products
  std::string demoPath;       // stdlib/demo.json; empty: an empty tenant
  std::string now;            // the clock for the demo's audit rows; empty: system clock
};

struct NewSubscription {
  std::string product;
  int64_t quantity = 0;
  bool trial = false;
  std::string expiresOn;   // empty: none (trials: 30 days after start)
  std::string startsOn;    // empty: today
  std::string source;      // empty: Admin (Trial when trial)
  std::string purchasedBy; // a UPN; for SelfService purchases
};

struct SubscriptionChanges {
  std::optional<int64_t> quantity;
  std::optional<std::string> status;     // a manual status; "" or "Auto" = follow the clock again
  std::optional<std::string> expiresOn;
  bool takeOver = false;
  bool force = false;  // allow Quantity below Assigned
};

struct SetUserLicenseRequest {
  std::vector<std::string> add, remove;          // product identities
  std::optional<std::vector<std::string>> disabledPlans;  // replaces the disabled set of added products
  std::vector<std::string> disablePlans, enablePlans;      // change the set (added and held products)
  std::optional<std::string> usageLocation;      // set a missing location in the same step
  bool replace = false;                          // remove direct licenses not named in add
  bool rows = true;                              // false: return no rows (saves reading them back)
  // Graph's addLicenses: the disabled plans of each added product (by product identity), set even when
  // empty; replaces the disabled set of that product (-DisabledPlans does it for every added product).
  std::vector<std::pair<std::string, std::vector<std::string>>> disabledPlansOf;
};

struct UserQuery {
  std::string identity;     // UPN or Id; empty = all
  std::string filter;       // OData subset
  // Unset: any; "": users without one (Get-User -UsageLocation $null); else this value or pattern.
  std::optional<std::string> department, usageLocation;
  std::string product, userType;
  bool licensed = false, unlicensed = false;
  bool deleted = false;     // soft-deleted users instead of active ones
  size_t first = 0;         // > 0: only the first this many (by UPN); the store reads no more
  // Where-Object's test pushed into the read (cmdlets/pushed_where.h): it selects at least every
  // user the block passes, and the block still runs on each user read.
  std::optional<FilterNode> pushed;
};

struct NewUser {
  std::string userPrincipalName, displayName, usageLocation, department;
  std::string userType = "Member";
  bool accountEnabled = true;
};

struct UserChanges {
  std::optional<std::string> displayName, usageLocation, department, userType, lastSignIn;
  std::optional<bool> accountEnabled;
};

struct AuditQuery {
  std::string since, actor, target;
  int64_t last = 0;  // 0 = all
  int64_t afterSequence = 0;  // only entries written after this mark (Session::auditSequence())
};

struct ImportReport {
  int64_t added = 0, updated = 0, unchanged = 0, plans = 0;
  std::vector<std::string> warnings;  // what was read but could not be kept as it was, with its place
};

// What a bulk run could not license: `users` refused a product and still without it; `shortfall`
// licenses more would cover them all, by `recommendation`.
struct RunShortfall {
  std::string skuPartNumber;
  int64_t users = 0, shortfall = 0;
  std::string recommendation;
};

struct ReprocessReport {
  int64_t evaluated = 0, fixed = 0, inError = 0;
};

}  // namespace plush::tenant
