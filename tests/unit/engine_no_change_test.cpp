// Engine tests: a call that changes nothing writes no audit row, so a job run twice leaves no trace.
#include <catch2/catch.hpp>

#include "engine_fixture.h"

using namespace plush::tenant;
using namespace plush::test;

TEST_CASE("Set-UserLicense that changes nothing writes no audit row", "[engine][audit]") {
  Tenant t;
  auto s = t.open();
  buy(*s, "ENTERPRISEPACK", 5);
  addUser(*s, "a@contoso.com");
  SetUserLicenseRequest first = adding({"ENTERPRISEPACK"});
  first.disabledPlans = std::vector<std::string>{"MCOSTANDARD"};
  first.usageLocation = "US";
  s->setUserLicense("a@contoso.com", first);
  int64_t mark = auditCount(*s);

  s->setUserLicense("a@contoso.com", first);  // the same job again
  s->setUserLicense("a@contoso.com", adding({"ENTERPRISEPACK"}));
  SetUserLicenseRequest again;
  again.disablePlans = {"MCOSTANDARD"};  // disabled already
  again.enablePlans = {"SHAREPOINTENTERPRISE"};  // enabled already
  s->setUserLicense("a@contoso.com", again);
  CHECK(auditCount(*s) == mark);
  CHECK(s->licenses("ENTERPRISEPACK").at(0).Assigned == 1);

  SetUserLicenseRequest real;
  real.disablePlans = {"SHAREPOINTENTERPRISE"};
  s->setUserLicense("a@contoso.com", real);
  CHECK(auditCount(*s) == mark + 1);
  AuditQuery last;
  last.last = 1;
  s->forEachAudit(last, [&](const AuditEntry& e) {
    CHECK(e.Detail == "disabled SHAREPOINTENTERPRISE");
    return true;
  });
}

TEST_CASE("other calls given the values they already have write no audit row", "[engine][audit]") {
  Tenant t;
  auto s = t.open();
  Subscription sub = buy(*s, "POWER_BI_PRO", 5);
  addUser(*s, "a@contoso.com", "US", "Sales");
  s->newGroup("Analysts");
  s->addGroupMember("Analysts", "a@contoso.com");
  s->setGroupLicense("Analysts", {"POWER_BI_PRO"}, {});
  s->addAdminRoleMember("UserAdministrator", "a@contoso.com");
  int64_t mark = auditCount(*s);

  UserChanges same;
  same.department = "Sales";
  same.usageLocation = "us";
  same.accountEnabled = true;
  s->setUser("a@contoso.com", same);
  s->addGroupMember("Analysts", "a@contoso.com");
  s->setGroupLicense("Analysts", {"POWER_BI_PRO"}, {});
  s->addAdminRoleMember("UserAdministrator", "a@contoso.com");
  TenantInfo before = s->tenant();
  s->setTenant(before.DefaultUsageLocation, before.AllowAdHocSubscriptions);
  SubscriptionChanges quantity;
  quantity.quantity = 5;
  s->setSubscription(sub.Id, quantity);
  s->reprocess();  // nothing is in error
  CHECK(auditCount(*s) == mark);

  s->setTenant(std::nullopt, !before.AllowAdHocSubscriptions);
  CHECK(auditCount(*s) == mark + 1);
}
