// Engine tests: license rules 4, 5, 7, 8, 9, 10, 13 of SPEC §6 and the roles table.
#include <catch2/catch.hpp>

#include "engine_fixture.h"

using namespace plush::tenant;
using namespace plush::test;

namespace {

SetUserLicenseRequest removing(std::vector<std::string> products) {
  SetUserLicenseRequest r;
  r.remove = std::move(products);
  return r;
}

std::vector<std::string> assignedBy(Session& s, const std::string& user, const std::string& sku) {
  for (const UserLicenseRow& r : s.userLicenses(user))
    if (r.SkuPartNumber == sku) return r.AssignedBy;
  return {};
}

}  // namespace

TEST_CASE("rule 4: a product that needs a tenant product fails without it", "[engine][rule4]") {
  Tenant t;
  auto s = t.open();
  buy(*s, "VIRTUAL_AGENT_USL", 5);
  addUser(*s, "a@contoso.com");
  try {
    s->setUserLicense("a@contoso.com", adding({"VIRTUAL_AGENT_USL"}));
    FAIL("expected DependencyViolation");
  } catch (const TenantError& e) {
    CHECK(e.record.id == "DependencyViolation");
    CHECK(e.record.recommendation == "New-Subscription -Product VIRTUAL_AGENT_BASE -Quantity 1");
  }
  buy(*s, "VIRTUAL_AGENT_BASE", 1);
  s->setUserLicense("a@contoso.com", adding({"VIRTUAL_AGENT_USL"}));
  CHECK(s->licenses("VIRTUAL_AGENT_USL").at(0).Assigned == 1);
}

TEST_CASE("rule 4: a plan that needs another plan; removing or disabling the needed one is refused", "[engine][rule4]") {
  Tenant t;
  auto s = t.open();
  buy(*s, "MCOMEETADV", 5);
  buy(*s, "ENTERPRISEPACK", 5);
  addUser(*s, "a@contoso.com");
  CHECK(errorId([&] { s->setUserLicense("a@contoso.com", adding({"MCOMEETADV"})); }) == "DependencyViolation");
  s->setUserLicense("a@contoso.com", adding({"ENTERPRISEPACK", "MCOMEETADV"}));
  CHECK(errorId([&] { s->setUserLicense("a@contoso.com", removing({"ENTERPRISEPACK"})); }) == "DependencyViolation");
  SetUserLicenseRequest off;
  off.disablePlans = {"MCOSTANDARD"};
  CHECK(errorId([&] { s->setUserLicense("a@contoso.com", off); }) == "DependencyViolation");
  s->setUserLicense("a@contoso.com", removing({"ENTERPRISEPACK", "MCOMEETADV"}));
  CHECK(s->userLicenses("a@contoso.com").empty());
}

TEST_CASE("rule 5: plans of one exclusive family cannot both be enabled", "[engine][rule5]") {
  Tenant t;
  auto s = t.open();
  buy(*s, "EXCHANGESTANDARD", 5);
  buy(*s, "EXCHANGEDESKLESS", 5);
  addUser(*s, "a@contoso.com");
  s->setUserLicense("a@contoso.com", adding({"EXCHANGESTANDARD"}));
  try {
    s->setUserLicense("a@contoso.com", adding({"EXCHANGEDESKLESS"}));
    FAIL("expected MutuallyExclusiveViolation");
  } catch (const TenantError& e) {
    CHECK(e.record.id == "MutuallyExclusiveViolation");
    CHECK(e.record.message.find("EXCHANGE_S_STANDARD") != std::string::npos);
    CHECK(e.record.message.find("EXCHANGE_S_DESKLESS") != std::string::npos);
  }
  SetUserLicenseRequest r = adding({"EXCHANGEDESKLESS"});
  r.disabledPlans = std::vector<std::string>{"EXCHANGE_S_DESKLESS"};
  s->setUserLicense("a@contoso.com", r);  // disabling one plan resolves it
  CHECK(s->userLicenses("a@contoso.com").size() == 2);
}

TEST_CASE("rule 7: a group license reaches every member at once; errors never fail the group", "[engine][rule7]") {
  Tenant t;
  auto s = t.open();
  buy(*s, "POWER_BI_PRO", 2);
  s->newGroup("Sales Team");
  for (const char* u : {"a@contoso.com", "b@contoso.com", "c@contoso.com"}) {
    addUser(*s, u);
    s->addGroupMember("sales team", u);
  }
  auto rows = s->setGroupLicense("Sales Team", {"POWER_BI_PRO"}, {});
  CHECK(rows.at(0).Active == 2);
  CHECK(rows.at(0).Errors == 1);
  auto errors = s->licenseErrors("Sales Team");
  REQUIRE(errors.size() == 1);
  CHECK(errors[0].User == "c@contoso.com");
  CHECK(errors[0].Error == "CountViolation");
  CHECK(errors[0].AssignedBy == "Sales Team");
  CHECK(s->userLicenses("c@contoso.com").at(0).State == "Error");
  CHECK(s->licenses("POWER_BI_PRO").at(0).Assigned == 2);

  buy(*s, "POWER_BI_PRO", 1);
  ReprocessReport report = s->reprocess("Sales Team");
  CHECK(report.fixed == 1);
  CHECK(s->licenseErrors().empty());
  CHECK(s->licenses("POWER_BI_PRO").at(0).Assigned == 3);
}

TEST_CASE("rule 7: direct plus inherited uses one license; inherited cannot be removed directly", "[engine][rule7]") {
  Tenant t;
  auto s = t.open();
  buy(*s, "ENTERPRISEPACK", 5);
  addUser(*s, "a@contoso.com");
  s->newGroup("E3 Users");
  s->addGroupMember("E3 Users", "a@contoso.com");
  s->setGroupLicense("E3 Users", {"ENTERPRISEPACK"}, {}, std::vector<std::string>{"MCOSTANDARD"});
  SetUserLicenseRequest direct = adding({"ENTERPRISEPACK"});
  direct.disabledPlans = std::vector<std::string>{"SHAREPOINTENTERPRISE"};
  UserLicenseRow row = s->setUserLicense("a@contoso.com", direct).at(0);
  CHECK(row.AssignedBy == std::vector<std::string>{"Direct", "E3 Users"});
  CHECK(row.DisabledPlans.empty());  // the union of what each source enables
  CHECK(s->licenses("ENTERPRISEPACK").at(0).Assigned == 1);
  s->setUserLicense("a@contoso.com", removing({"ENTERPRISEPACK"}));
  CHECK(assignedBy(*s, "a@contoso.com", "ENTERPRISEPACK") == std::vector<std::string>{"E3 Users"});
  try {
    s->setUserLicense("a@contoso.com", removing({"ENTERPRISEPACK"}));
    FAIL("expected InheritedLicense");
  } catch (const TenantError& e) {
    CHECK(e.record.id == "InheritedLicense");
    CHECK(e.record.recommendation == "Remove-GroupMember -Group 'E3 Users' -Member a@contoso.com");
  }
  CHECK(errorId([&] { s->removeGroup("E3 Users"); }) == "GroupHasLicenses");
  s->removeGroupMember("E3 Users", "a@contoso.com");
  CHECK(s->userLicenses("a@contoso.com").empty());
  CHECK(s->licenses("ENTERPRISEPACK").at(0).Assigned == 0);
  s->addGroupMember("E3 Users", "a@contoso.com");
  s->setGroupLicense("E3 Users", {}, {"ENTERPRISEPACK"});
  CHECK(s->userLicenses("a@contoso.com").empty());
  s->removeGroup("E3 Users");
  CHECK(s->groups().empty());
}

TEST_CASE("rule 7: a member who cannot get one product gets none of the group's", "[engine][rule7][rule2]") {
  Tenant t;
  auto s = t.open();
  buy(*s, "ENTERPRISEPACK", 5);
  buy(*s, "MCOMEETADV", 5);
  addUser(*s, "havana@contoso.com", "CU");
  addUser(*s, "nowhere@contoso.com", "");
  s->newGroup("Conferencing");
  s->addGroupMember("Conferencing", "havana@contoso.com");
  s->addGroupMember("Conferencing", "nowhere@contoso.com");
  s->setGroupLicense("Conferencing", {"ENTERPRISEPACK", "MCOMEETADV"}, {});
  auto errors = s->licenseErrors("Conferencing");
  REQUIRE(errors.size() == 2);
  CHECK(errors[0].Error == "ProhibitedInUsageLocationViolation");
  CHECK(errors[1].Error == "ProhibitedInUsageLocationViolation");
  CHECK(s->licenses("ENTERPRISEPACK").at(0).Assigned == 1);  // nowhere@ uses the tenant's US
  CHECK(s->user("nowhere@contoso.com").UsageLocation.empty());  // ...without it being written
  CHECK(s->userLicenses("nowhere@contoso.com").at(0).State == "Active");
}

TEST_CASE("rule 8: soft delete suspends and frees licenses; restore over-assigns", "[engine][rule8]") {
  Tenant t;
  auto s = t.open();
  buy(*s, "POWER_BI_PRO", 1);
  addUser(*s, "leaver@contoso.com");
  addUser(*s, "joiner@contoso.com");
  s->setUserLicense("leaver@contoso.com", adding({"POWER_BI_PRO"}));
  s->removeUser("leaver@contoso.com");
  CHECK(s->licenses("POWER_BI_PRO").at(0).Assigned == 0);
  CHECK(errorId([&] { s->user("leaver@contoso.com"); }) == "UserNotFound");
  UserQuery deleted;
  deleted.deleted = true;
  CHECK(upns(*s, deleted) == std::vector<std::string>{"leaver@contoso.com"});
  s->setUserLicense("joiner@contoso.com", adding({"POWER_BI_PRO"}));
  User back = s->restoreUser("leaver@contoso.com");
  CHECK(back.State == "Active");
  CHECK(back.Licenses == std::vector<std::string>{"POWER_BI_PRO"});
  CHECK(s->licenses("POWER_BI_PRO").at(0).Available == -1);
  s->removeUser("leaver@contoso.com", true);
  CHECK(s->licenses("POWER_BI_PRO").at(0).Available == 0);
  CHECK(errorId([&] { s->restoreUser("leaver@contoso.com"); }) == "UserNotFound");
  auto later = t.open("", "2027-02-01");
  s->removeUser("joiner@contoso.com");
  CHECK(upns(*later, deleted).empty());  // gone after 30 days
}

TEST_CASE("rule 8: past 30 days a soft-deleted user is deleted for good, counts kept", "[engine][rule8]") {
  Tenant t;
  auto s = t.open();
  buy(*s, "POWER_BI_PRO", 2);
  addUser(*s, "leaver@contoso.com");
  addUser(*s, "stayer@contoso.com");
  s->newGroup("Analysts");
  s->addGroupMember("Analysts", "leaver@contoso.com");
  s->setUserLicense("leaver@contoso.com", adding({"POWER_BI_PRO"}));
  s->setUserLicense("stayer@contoso.com", adding({"POWER_BI_PRO"}));
  s->removeUser("leaver@contoso.com");
  s.reset();

  auto day29 = t.open("", "2026-12-21T08:00:00Z");  // still within its 30 days
  CHECK(day29->restoreUser("leaver@contoso.com").State == "Active");
  day29->removeUser("leaver@contoso.com");
  day29.reset();

  // Planning ahead: a clock 31 days on shows the tenant as it will be then, while real time is still
  // the day of the delete, so nothing is purged: back at the real time the user can be restored.
  auto planning = t.open("", "2027-01-21T08:00:00Z", "2026-12-21T09:00:00Z");
  UserQuery deleted;
  deleted.deleted = true;
  CHECK(upns(*planning, deleted).empty());
  planning.reset();
  auto today = t.open("", "2026-12-21T09:00:00Z");
  CHECK(upns(*today, deleted) == std::vector<std::string>{"leaver@contoso.com"});
  today.reset();

  auto later = t.open("", "2027-01-21T08:00:00Z");  // 31 days after the second delete
  CHECK(upns(*later, deleted).empty());
  CHECK(errorId([&] { later->restoreUser("leaver@contoso.com"); }) == "UserNotFound");
  CHECK(later->group("Analysts").MemberCount == 0);
  LicenseRow bi = later->licenses("POWER_BI_PRO").at(0);
  CHECK(bi.Assigned == 1);
  CHECK(bi.Available == 1);
  addUser(*later, "leaver@contoso.com");  // the name is free again
  later->setUserLicense("leaver@contoso.com", adding({"POWER_BI_PRO"}));
  CHECK(later->licenses("POWER_BI_PRO").at(0).Assigned == 2);
  AuditQuery system;
  system.actor = "System";
  std::vector<AuditEntry> rows;
  later->forEachAudit(system, [&](const AuditEntry& e) { return rows.push_back(e), true; });
  REQUIRE(rows.size() == 1);
  CHECK(rows[0].Action == "Remove-User");
  CHECK(rows[0].Target == "leaver@contoso.com");
}

TEST_CASE("rule 8: a deleted user's row shows Suspended", "[engine][rule8]") {
  Tenant t;
  auto s = t.open();
  buy(*s, "POWER_BI_PRO", 1);
  addUser(*s, "leaver@contoso.com");
  s->setUserLicense("leaver@contoso.com", adding({"POWER_BI_PRO"}));
  s->removeUser("leaver@contoso.com");
  auto rows = s->userLicenses("leaver@contoso.com");  // SPEC §6.8: kept, Suspended, using no license
  REQUIRE(rows.size() == 1);
  CHECK(rows[0].State == "Suspended");
  CHECK(s->licenses("POWER_BI_PRO").at(0).Assigned == 0);
  UserQuery q;
  q.deleted = true;
  q.identity = "leaver@contoso.com";
  std::vector<User> found;
  s->forEachUser(q, [&](const User& u) { return found.push_back(u), true; });
  REQUIRE(found.size() == 1);
  CHECK(found[0].State == "SoftDeleted");
}

TEST_CASE("rule 9: self-service licenses need a take-over; ad hoc purchases need the setting", "[engine][rule9]") {
  Tenant t;
  auto s = t.open();
  addUser(*s, "buyer@contoso.com");
  addUser(*s, "a@contoso.com");
  NewSubscription n;
  n.product = "POWER_BI_PRO";
  n.quantity = 3;
  n.source = "SelfService";
  n.purchasedBy = "buyer@contoso.com";
  s->setTenant(std::nullopt, false);
  CHECK(errorId([&] { s->newSubscription(n); }) == "AdHocSubscriptionsDisabled");
  s->setTenant(std::nullopt, true);
  Subscription sub = s->newSubscription(n);
  CHECK(sub.PurchasedBy == "buyer@contoso.com");
  try {
    s->setUserLicense("a@contoso.com", adding({"POWER_BI_PRO"}));
    FAIL("expected SelfServiceSubscription");
  } catch (const TenantError& e) {
    CHECK(e.record.id == "SelfServiceSubscription");
    CHECK(e.record.recommendation == "Set-Subscription -Id " + sub.Id + " -TakeOver");
  }
  SubscriptionChanges take;
  take.takeOver = true;
  CHECK(s->setSubscription(sub.Id, take).TakenOver);
  s->setUserLicense("a@contoso.com", adding({"POWER_BI_PRO"}));
  CHECK(s->licenses("POWER_BI_PRO").at(0).Assigned == 1);
}

TEST_CASE("rule 10: only a GlobalAdministrator licenses guests", "[engine][rule10]") {
  Tenant t;
  {
    auto admin = t.open();
    buy(*admin, "POWER_BI_PRO", 5);
    addUser(*admin, "licenser@contoso.com");
    addUser(*admin, "partner_fabrikam.com#EXT#@contoso.onmicrosoft.com", "US", "", "Guest");
    addUser(*admin, "member@contoso.com");
    admin->addAdminRoleMember("LicenseAdministrator", "licenser@contoso.com");
  }
  auto s = t.open("licenser@contoso.com");
  s->setUserLicense("member@contoso.com", adding({"POWER_BI_PRO"}));
  CHECK(errorId([&] { s->setUserLicense("partner_fabrikam.com#EXT#@contoso.onmicrosoft.com", adding({"POWER_BI_PRO"})); }) ==
        "GuestRequiresGlobalAdmin");
  auto admin = t.open();
  admin->setUserLicense("partner_fabrikam.com#EXT#@contoso.onmicrosoft.com", adding({"POWER_BI_PRO"}));
  CHECK(admin->licenses("POWER_BI_PRO").at(0).Assigned == 2);
}

TEST_CASE("rule 13: -Add and -Remove apply together; Switch carries disabled plans by name", "[engine][rule13]") {
  Tenant t;
  auto s = t.open();
  buy(*s, "EXCHANGESTANDARD", 1);
  buy(*s, "EXCHANGEDESKLESS", 1);
  buy(*s, "ENTERPRISEPACK", 1);
  addUser(*s, "a@contoso.com");
  s->setUserLicense("a@contoso.com", adding({"EXCHANGESTANDARD"}));
  SetUserLicenseRequest swap = adding({"EXCHANGEDESKLESS"});
  swap.remove = {"EXCHANGESTANDARD"};
  auto rows = s->setUserLicense("a@contoso.com", swap);  // conflicting plans, but never together
  REQUIRE(rows.size() == 1);
  CHECK(rows[0].SkuPartNumber == "EXCHANGEDESKLESS");

  addUser(*s, "b@contoso.com");
  s->setUserLicense("a@contoso.com", removing({"EXCHANGEDESKLESS"}));
  s->setUserLicense("b@contoso.com", adding({"EXCHANGEDESKLESS"}));
  // Switch from a product whose disabled plan shares a name with one of the target's
  buy(*s, "SHAREPOINTSTANDARD", 1);
  SetUserLicenseRequest e3 = adding({"ENTERPRISEPACK"});
  e3.disabledPlans = std::vector<std::string>{"MCOSTANDARD", "EXCHANGE_S_ENTERPRISE"};
  s->setUserLicense("a@contoso.com", e3);
  rows = s->switchUserLicense("a@contoso.com", "ENTERPRISEPACK", "EXCHANGESTANDARD");
  REQUIRE(rows.size() == 1);
  CHECK(rows[0].SkuPartNumber == "EXCHANGESTANDARD");
  CHECK(rows[0].DisabledPlans.empty());  // no plan of that name in the target
  rows = s->switchUserLicense("a@contoso.com", "EXCHANGESTANDARD", "ENTERPRISEPACK");
  CHECK(rows[0].DisabledPlans.empty());
  SetUserLicenseRequest off;
  off.disablePlans = {"SHAREPOINTENTERPRISE"};
  s->setUserLicense("a@contoso.com", off);
  buy(*s, "ENTERPRISEPREMIUM", 1);
  rows = s->switchUserLicense("a@contoso.com", "ENTERPRISEPACK", "ENTERPRISEPREMIUM");
  REQUIRE(rows.size() == 1);
  CHECK(rows[0].SkuPartNumber == "ENTERPRISEPREMIUM");
  CHECK(rows[0].DisabledPlans == std::vector<std::string>{"SHAREPOINTENTERPRISE"});
  rows = s->switchUserLicense("a@contoso.com", "ENTERPRISEPREMIUM", "ENTERPRISEPACK");
  CHECK(rows[0].DisabledPlans == std::vector<std::string>{"SHAREPOINTENTERPRISE"});
  s->setUserLicense("b@contoso.com", removing({"EXCHANGEDESKLESS"}));
  CHECK(errorId([&] { s->switchUserLicense("b@contoso.com", "ENTERPRISEPACK", "EXCHANGESTANDARD"); }) == "LicenseNotAssigned");
  CHECK(s->licenses("ENTERPRISEPACK").at(0).Assigned == 1);
}

TEST_CASE("roles: each role may do its work and no more", "[engine][roles]") {
  Tenant t;
  {
    auto admin = t.open();
    buy(*admin, "POWER_BI_PRO", 5);
    for (const char* who : {"billing", "licenser", "useradmin", "reader", "plain"}) addUser(*admin, std::string(who) + "@contoso.com");
    admin->addAdminRoleMember("BillingAdministrator", "billing@contoso.com");
    admin->addAdminRoleMember("LicenseAdministrator", "licenser@contoso.com");
    admin->addAdminRoleMember("UserAdministrator", "useradmin@contoso.com");
    admin->addAdminRoleMember("GlobalReader", "reader@contoso.com");
  }
  auto billing = t.open("billing@contoso.com");
  buy(*billing, "POWER_BI_PRO", 1);
  CHECK(errorId([&] { billing->setUserLicense("plain@contoso.com", adding({"POWER_BI_PRO"})); }) == "AccessDenied");

  auto licenser = t.open("licenser@contoso.com");
  licenser->setUserLicense("plain@contoso.com", adding({"POWER_BI_PRO"}));
  UserChanges where;
  where.usageLocation = "DE";
  licenser->setUser("plain@contoso.com", where);
  CHECK(errorId([&] { buy(*licenser, "POWER_BI_PRO", 1); }) == "AccessDenied");
  CHECK(errorId([&] { addUser(*licenser, "new@contoso.com"); }) == "AccessDenied");
  CHECK(errorId([&] { licenser->newGroup("G"); }) == "AccessDenied");

  auto users = t.open("useradmin@contoso.com");
  addUser(*users, "new@contoso.com");
  users->newGroup("G");
  users->addGroupMember("G", "new@contoso.com");
  users->setUserLicense("new@contoso.com", adding({"POWER_BI_PRO"}));
  users->removeUser("new@contoso.com");
  users->restoreUser("new@contoso.com");
  CHECK(errorId([&] { users->setTenant("GB", std::nullopt); }) == "AccessDenied");
  CHECK(errorId([&] { buy(*users, "POWER_BI_PRO", 1); }) == "AccessDenied");

  auto reader = t.open("reader@contoso.com");
  CHECK(reader->licenses("POWER_BI_PRO").at(0).Assigned == 2);
  CHECK(reader->adminRoles().size() == 5);
  CHECK(errorId([&] { reader->reprocess(); }) == "AccessDenied");

  auto plain = t.open("plain@contoso.com");
  try {
    plain->tenant();
    FAIL("expected AccessDenied");
  } catch (const TenantError& e) {
    CHECK(e.record.id == "AccessDenied");
    CHECK(e.record.category == "PermissionDenied");
  }
  auto admin = t.open();
  CHECK(errorId([&] { admin->removeAdminRoleMember("GlobalAdministrator", "admin@contoso.onmicrosoft.com"); }) ==
        "LastGlobalAdministrator");
}

TEST_CASE("a soft-deleted Global Administrator does not count as the tenant's other one", "[engine][roles]") {
  Tenant t;
  auto admin = t.open();
  addUser(*admin, "second@contoso.com");
  admin->addAdminRoleMember("GlobalAdministrator", "second@contoso.com");
  admin->removeUser("second@contoso.com");
  CHECK(errorId([&] { admin->removeAdminRoleMember("GlobalAdministrator", "admin@contoso.onmicrosoft.com"); }) ==
        "LastGlobalAdministrator");
  CHECK(errorId([&] { admin->removeUser("admin@contoso.onmicrosoft.com"); }) == "LastGlobalAdministrator");
  admin->restoreUser("second@contoso.com");
  admin->removeAdminRoleMember("GlobalAdministrator", "admin@contoso.onmicrosoft.com");
}

TEST_CASE("two sessions on one store cannot together pass a product's licenses", "[engine][rule1][store]") {
  Tenant t;
  auto first = t.open();
  auto second = t.open();
  buy(*first, "POWER_BI_PRO", 1);
  addUser(*first, "a@contoso.com");
  addUser(*first, "b@contoso.com");
  CHECK(second->licenses("POWER_BI_PRO").at(0).Available == 1);
  first->setUserLicense("a@contoso.com", adding({"POWER_BI_PRO"}));
  CHECK(errorId([&] { second->setUserLicense("b@contoso.com", adding({"POWER_BI_PRO"})); }) == "CountViolation");
  second->newGroup("G");
  addUser(*second, "c@contoso.com", "");
  second->addGroupMember("G", "c@contoso.com");
  second->setGroupLicense("G", {"POWER_BI_PRO"}, {});  // c@ uses the tenant's US, but none is left
  CHECK(second->licenseErrors().at(0).Error == "CountViolation");
  first->setTenant("", std::nullopt);  // another process: no default location any more
  second->reprocess();
  CHECK(second->licenseErrors().at(0).Error == "UsageLocationRequired");
}

TEST_CASE("a long group operation stops when interrupted and keeps nothing", "[engine][rule7]") {
  Tenant t;
  auto s = t.open();
  buy(*s, "POWER_BI_PRO", 1000);
  s->newGroup("Big");
  s->begin();
  for (int i = 0; i < 600; ++i) {
    addUser(*s, "u" + std::to_string(i) + "@contoso.com");
    s->addGroupMember("Big", "u" + std::to_string(i) + "@contoso.com");
  }
  s->commit();
  int64_t mark = s->auditSequence();
  s->setInterruptCheck([] { return true; });
  CHECK(errorId([&] { s->setGroupLicense("Big", {"POWER_BI_PRO"}, {}); }) == "Interrupted");
  s->setInterruptCheck(nullptr);
  CHECK(s->licenses("POWER_BI_PRO").at(0).Assigned == 0);
  CHECK(s->groupLicenses("Big").empty());
  AuditQuery since;
  since.afterSequence = mark;
  int64_t after = 0;
  s->forEachAudit(since, [&](const AuditEntry&) { return ++after, true; });
  CHECK(after == 0);
  s->setGroupLicense("Big", {"POWER_BI_PRO"}, {});
  s->forEachAudit(since, [&](const AuditEntry& e) {
    CHECK(e.Sequence > mark);
    return ++after, true;
  });
  CHECK(after == 1);
}

TEST_CASE("reprocess -User evaluates only what is in error, and counts what it fixed", "[engine][rule7]") {
  Tenant t;
  auto s = t.open();
  buy(*s, "POWER_BI_PRO", 1);
  buy(*s, "ENTERPRISEPACK", 5);
  s->newGroup("Analysts");
  s->newGroup("Office");
  s->newGroup("Everyone");  // no licenses: nothing to evaluate
  s->setGroupLicense("Analysts", {"POWER_BI_PRO"}, {});
  s->setGroupLicense("Office", {"ENTERPRISEPACK"}, {});
  addUser(*s, "first@contoso.com");
  addUser(*s, "second@contoso.com");
  for (const char* g : {"Analysts", "Office", "Everyone"}) {
    s->addGroupMember(g, "first@contoso.com");
    s->addGroupMember(g, "second@contoso.com");
  }
  ReprocessReport still = s->reprocess(std::nullopt, std::string("second@contoso.com"));
  CHECK(still.evaluated == 1);  // Analysts' POWER_BI_PRO, in error (CountViolation); Office is Active
  CHECK(still.fixed == 0);
  CHECK(still.inError == 1);
  buy(*s, "POWER_BI_PRO", 1);
  ReprocessReport fixed = s->reprocess(std::nullopt, std::string("second@contoso.com"));
  CHECK(fixed.evaluated == 1);
  CHECK(fixed.fixed == 1);
  CHECK(fixed.inError == 0);
  ReprocessReport nothing = s->reprocess(std::nullopt, std::string("second@contoso.com"));
  CHECK(nothing.evaluated == 0);
  CHECK(nothing.fixed == 0);
}
