// Engine tests: subscriptions, license counts and direct assignment (rules 1, 2, 3, 6, 12).
#include <catch2/catch.hpp>

#include <chrono>
#include <thread>

#include "engine_fixture.h"

using namespace plush::tenant;
using namespace plush::test;

TEST_CASE("subscription status follows ExpiresOn and the clock", "[engine][rule11]") {
  Tenant t;
  auto s = t.open();
  buy(*s, "POWER_BI_PRO", 10, "2027-01-01");
  buy(*s, "POWER_BI_PRO", 5, "2026-12-10");   // ends within 30 days
  buy(*s, "POWER_BI_PRO", 3, "2026-11-01");   // expired: Warning
  buy(*s, "POWER_BI_PRO", 2, "2026-09-01");   // past the grace period: Suspended
  buy(*s, "POWER_BI_PRO", 7, "2026-01-01");   // long gone: Deleted
  std::vector<std::string> statuses;
  for (const Subscription& sub : s->subscriptions("POWER_BI_PRO")) statuses.push_back(sub.Status);
  CHECK(statuses == std::vector<std::string>{"Enabled", "Enabled", "Warning", "Suspended", "Deleted"});
  LicenseRow row = s->licenses("POWER_BI_PRO").at(0);
  CHECK(row.Product == "Power BI Pro");
  CHECK(row.Total == 18);
  CHECK(row.ExpiringSoon == 8);
  CHECK(row.Warning == 3);
  CHECK(row.Suspended == 2);
  CHECK(row.Available == 18);
  CHECK(s->subscriptions(std::nullopt, "warning").size() == 1);
}

TEST_CASE("a trial ends 30 days after it starts; a manual status wins over the clock", "[engine][rule11]") {
  Tenant t;
  auto s = t.open();
  NewSubscription n;
  n.product = "ENTERPRISEPACK";
  n.quantity = 25;
  n.trial = true;
  Subscription trial = s->newSubscription(n);
  CHECK(trial.Source == "Trial");
  CHECK(trial.StartsOn == "2026-11-22");
  CHECK(trial.ExpiresOn == "2026-12-22");
  SubscriptionChanges c;
  c.status = "Suspended";
  CHECK(s->setSubscription(trial.Id, c).Status == "Suspended");
  CHECK(s->licenses("ENTERPRISEPACK").at(0).Total == 0);
  c.status = "Auto";
  CHECK(s->setSubscription(trial.Id, c).Status == "Enabled");
  auto later = t.open("", "2027-01-10");
  CHECK(later->subscriptions("ENTERPRISEPACK").at(0).Status == "Warning");
}

TEST_CASE("rule 1: assignments count once and never pass Available", "[engine][rule1]") {
  Tenant t;
  auto s = t.open();
  Subscription sub = buy(*s, "POWER_BI_PRO", 2);
  addUser(*s, "a@contoso.com");
  addUser(*s, "b@contoso.com");
  addUser(*s, "c@contoso.com");
  s->setUserLicense("a@contoso.com", adding({"POWER_BI_PRO"}));
  s->setUserLicense("a@contoso.com", adding({"POWER_BI_PRO"}));  // already held: no second license
  s->setUserLicense("b@contoso.com", adding({"POWER_BI_PRO"}));
  LicenseRow row = s->licenses("POWER_BI_PRO").at(0);
  CHECK(row.Assigned == 2);
  CHECK(row.Available == 0);
  try {
    s->setUserLicense("c@contoso.com", adding({"POWER_BI_PRO"}));
    FAIL("expected CountViolation");
  } catch (const TenantError& e) {
    CHECK(e.record.id == "CountViolation");
    CHECK(e.record.category == "LimitsExceeded");
    CHECK(e.record.target == "c@contoso.com");
    CHECK(e.record.recommendation == "Set-Subscription -Id " + sub.Id + " -Quantity 3");
  }
  SetUserLicenseRequest r;
  r.remove = {"POWER_BI_PRO"};
  s->setUserLicense("b@contoso.com", r);
  CHECK(s->licenses("POWER_BI_PRO").at(0).Assigned == 1);
  s->setUserLicense("c@contoso.com", adding({"POWER_BI_PRO"}));
  CHECK(errorId([&] { s->setUserLicense("b@contoso.com", r); }) == "LicenseNotAssigned");
}

TEST_CASE("rule 1: cutting Quantity below Assigned needs -Force", "[engine][rule1]") {
  Tenant t;
  auto s = t.open();
  Subscription sub = buy(*s, "POWER_BI_PRO", 2);
  addUser(*s, "a@contoso.com");
  addUser(*s, "b@contoso.com");
  s->setUserLicense("a@contoso.com", adding({"POWER_BI_PRO"}));
  s->setUserLicense("b@contoso.com", adding({"POWER_BI_PRO"}));
  SubscriptionChanges c;
  c.quantity = 1;
  CHECK(errorId([&] { s->setSubscription(sub.Id, c); }) == "QuantityBelowAssigned");
  CHECK(s->subscriptions().at(0).Quantity == 2);
  c.force = true;
  s->setSubscription(sub.Id, c);
  CHECK(s->licenses("POWER_BI_PRO").at(0).Available == -1);
}

TEST_CASE("rule 2: a direct assignment needs a usage location, settable in the same step", "[engine][rule2]") {
  Tenant t;
  auto s = t.open();
  buy(*s, "POWER_BI_PRO", 5);
  addUser(*s, "nomad@contoso.com", "");
  try {
    s->setUserLicense("nomad@contoso.com", adding({"POWER_BI_PRO"}));
    FAIL("expected UsageLocationRequired");
  } catch (const TenantError& e) {
    CHECK(e.record.id == "UsageLocationRequired");
    CHECK(e.record.recommendation == "Set-UserLicense -User nomad@contoso.com -Add POWER_BI_PRO -UsageLocation US");
  }
  SetUserLicenseRequest r = adding({"POWER_BI_PRO"});
  r.usageLocation = "gb";
  auto rows = s->setUserLicense("nomad@contoso.com", r);
  CHECK(rows.at(0).State == "Active");
  CHECK(s->user("nomad@contoso.com").UsageLocation == "GB");
  r.usageLocation = "Germany";
  CHECK(errorId([&] { s->setUserLicense("nomad@contoso.com", r); }) == "InvalidUsageLocation");
}

TEST_CASE("rule 2: a plan not offered in the user's location is refused", "[engine][rule2]") {
  Tenant t;
  auto s = t.open();
  buy(*s, "MCOMEETADV", 5);
  buy(*s, "ENTERPRISEPACK", 5);
  addUser(*s, "havana@contoso.com", "CU");
  CHECK(errorId([&] { s->setUserLicense("havana@contoso.com", adding({"ENTERPRISEPACK", "MCOMEETADV"})); }) ==
        "ProhibitedInUsageLocationViolation");
  s->setUserLicense("havana@contoso.com", adding({"ENTERPRISEPACK"}));
  addUser(*s, "nyc@contoso.com", "US");
  s->setUserLicense("nyc@contoso.com", adding({"ENTERPRISEPACK", "MCOMEETADV"}));
  UserChanges move;
  move.usageLocation = "KP";
  CHECK(errorId([&] { s->setUser("nyc@contoso.com", move); }) == "ProhibitedInUsageLocationViolation");
  CHECK(s->user("nyc@contoso.com").UsageLocation == "US");
}

TEST_CASE("rule 3: a tenant license cannot be assigned to a user", "[engine][rule3]") {
  Tenant t;
  auto s = t.open();
  buy(*s, "VIRTUAL_AGENT_BASE", 1);
  addUser(*s, "a@contoso.com");
  CHECK(errorId([&] { s->setUserLicense("a@contoso.com", adding({"VIRTUAL_AGENT_BASE"})); }) == "NotAssignableToUser");
  CHECK(s->licenses("VIRTUAL_AGENT_BASE").at(0).Assigned == 0);
}

TEST_CASE("rules 6 and 12: disabled plans by name or id; automatic plans stay on", "[engine][rule6][rule12]") {
  Tenant t;
  auto s = t.open();
  buy(*s, "ENTERPRISEPACK", 5);
  addUser(*s, "a@contoso.com");
  SetUserLicenseRequest r = adding({"ENTERPRISEPACK"});
  r.disabledPlans = std::vector<std::string>{"mcostandard", "5dbe027f-2339-4123-9542-606e4d348a72"};
  UserLicenseRow row = s->setUserLicense("a@contoso.com", r).at(0);
  CHECK(row.DisabledPlans == std::vector<std::string>{"SHAREPOINTENTERPRISE", "MCOSTANDARD"});
  CHECK(row.EnabledPlans == std::vector<std::string>{"EXCHANGE_S_ENTERPRISE", "SWAY"});
  SetUserLicenseRequest change;
  change.enablePlans = {"MCOSTANDARD"};
  change.disablePlans = {"EXCHANGE_S_ENTERPRISE"};
  row = s->setUserLicense("a@contoso.com", change).at(0);
  CHECK(row.DisabledPlans == std::vector<std::string>{"EXCHANGE_S_ENTERPRISE", "SHAREPOINTENTERPRISE"});
  SetUserLicenseRequest bad;
  bad.disablePlans = {"BI_AZURE_P2"};
  CHECK(errorId([&] { s->setUserLicense("a@contoso.com", bad); }) == "PlanNotInProduct");
  bad.disablePlans = {"SWAY"};
  CHECK(errorId([&] { s->setUserLicense("a@contoso.com", bad); }) == "PlanIsAutomatic");
  CHECK(s->licenses("ENTERPRISEPACK").at(0).Assigned == 1);
}

TEST_CASE("users: create, change, stream with simple parameters", "[engine][users]") {
  Tenant t;
  auto s = t.open();
  buy(*s, "POWER_BI_PRO", 5);
  addUser(*s, "alice@contoso.com", "US", "Sales");
  addUser(*s, "bob@contoso.com", "DE", "Engineering");
  addUser(*s, "guest_fabrikam.com#EXT#@contoso.onmicrosoft.com", "", "", "Guest");
  s->setUserLicense("alice@contoso.com", adding({"POWER_BI_PRO"}));
  UserQuery q;
  q.department = "sales";
  CHECK(upns(*s, q) == std::vector<std::string>{"alice@contoso.com"});
  q = {};
  q.usageLocation = "de";
  CHECK(upns(*s, q) == std::vector<std::string>{"bob@contoso.com"});
  q = {};
  q.licensed = true;
  CHECK(upns(*s, q) == std::vector<std::string>{"alice@contoso.com"});
  q = {};
  q.product = "Power BI Pro";
  CHECK(upns(*s, q) == std::vector<std::string>{"alice@contoso.com"});
  q = {};
  q.userType = "guest";
  CHECK(upns(*s, q).size() == 1);
  q = {};
  q.unlicensed = true;
  CHECK(upns(*s, q).size() == 3);
  CHECK(s->user("alice@contoso.com").Licenses == std::vector<std::string>{"POWER_BI_PRO"});
  UserChanges c;
  c.department = "Marketing";
  c.lastSignIn = "2025-01-02";
  User changed = s->setUser("ALICE@contoso.com", c);
  CHECK(changed.Department == "Marketing");
  CHECK(changed.LastSignIn == "2025-01-02T00:00:00Z");
  CHECK(s->user(changed.Id).UserPrincipalName == "alice@contoso.com");
  CHECK(errorId([&] { addUser(*s, "Alice@Contoso.com"); }) == "AlreadyExists");
  CHECK(errorId([&] { s->user("nobody@contoso.com"); }) == "UserNotFound");
  q = {};
  q.identity = "nobody@contoso.com";
  CHECK(errorId([&] { upns(*s, q); }) == "UserNotFound");
}

TEST_CASE("streaming many users pages through the store and may write meanwhile", "[engine][users]") {
  Tenant t;
  auto s = t.open();
  buy(*s, "POWER_BI_PRO", 2000);
  s->begin();
  for (int i = 0; i < 1200; ++i) addUser(*s, "user" + std::to_string(10000 + i) + "@contoso.com");
  s->commit();
  int64_t seen = 0;
  UserQuery q;
  q.department = "Sales";
  s->forEachUser(q, [&](const User& u) {
    s->setUserLicense(u.UserPrincipalName, adding({"POWER_BI_PRO"}));
    return ++seen < 1100;
  });
  CHECK(seen == 1100);
  CHECK(s->licenses("POWER_BI_PRO").at(0).Assigned == 1100);
}

TEST_CASE("roles: a GlobalReader reads but changes nothing", "[engine][roles]") {
  Tenant t;
  {
    auto admin = t.open();
    addUser(*admin, "reader@contoso.com");
    admin->addAdminRoleMember("globalreader", "reader@contoso.com");
  }
  auto s = t.open("reader@contoso.com");
  CHECK(s->tenant().Name == "Contoso");
  try {
    addUser(*s, "x@contoso.com");
    FAIL("expected AccessDenied");
  } catch (const TenantError& e) {
    CHECK(e.record.id == "AccessDenied");
    CHECK(e.record.message.find("GlobalAdministrator or UserAdministrator") != std::string::npos);
  }
  CHECK(errorId([&] { t.open("nobody@contoso.com"); }) == "UserNotFound");
}

TEST_CASE("rule 2: -UsageLocation sets a missing location only; another one is kept", "[engine][rule2]") {
  Tenant t;
  auto s = t.open();
  buy(*s, "POWER_BI_PRO", 5);
  addUser(*s, "paris@contoso.com", "FR");
  SetUserLicenseRequest r = adding({"POWER_BI_PRO"});
  r.usageLocation = "US";
  auto rows = s->setUserLicense("paris@contoso.com", r);
  CHECK(rows.at(0).State == "Active");
  CHECK(s->user("paris@contoso.com").UsageLocation == "FR");
  SetUserLicenseRequest onlyLocation;
  onlyLocation.usageLocation = "GB";
  s->setUserLicense("paris@contoso.com", onlyLocation);
  CHECK(s->user("paris@contoso.com").UsageLocation == "FR");
}

TEST_CASE("Get-User -UsageLocation '' selects the users without one; unset selects all", "[engine][users]") {
  Tenant t;
  auto s = t.open();
  addUser(*s, "here@contoso.com", "DE", "");
  addUser(*s, "nowhere@contoso.com", "", "Sales");
  auto upns = [&](const UserQuery& q) {
    std::vector<std::string> out;
    s->forEachUser(q, [&](const User& u) { return out.push_back(u.UserPrincipalName), true; });
    return out;
  };
  UserQuery q;
  q.usageLocation = "";
  CHECK(upns(q) == std::vector<std::string>{"nowhere@contoso.com"});
  q = {};
  q.department = "";
  CHECK(upns(q) == std::vector<std::string>{"admin@contoso.onmicrosoft.com", "here@contoso.com"});
  CHECK(upns(UserQuery{}).size() == 3);
}

TEST_CASE("the clock: fixed by --now, else read at every call", "[engine][clock]") {
  Clock fixed("2027-03-01T10:00:00Z");
  CHECK(fixed.fixed());
  CHECK(fixed.nowIso() == "2027-03-01T10:00:00Z");
  Clock live;
  CHECK_FALSE(live.fixed());
  Instant before = live.now();
  std::this_thread::sleep_for(std::chrono::milliseconds(1100));
  CHECK(live.now() - before >= std::chrono::seconds(1));
}
