// Engine tests: the Recommendation of a refused assignment is a command that would fix it.
#include <catch2/catch.hpp>

#include "engine_fixture.h"

using namespace plush::tenant;
using namespace plush::test;

namespace {

ErrorRecord refusal(const std::function<void()>& f) {
  try {
    f();
  } catch (const TenantError& e) {
    return e.record;
  }
  FAIL("expected an error");
  return {};
}

}  // namespace

TEST_CASE("CountViolation: raise the admin subscription that ends last, by what is missing", "[engine][rule1]") {
  Tenant t;
  auto s = t.open();
  Subscription early = buy(*s, "POWER_BI_PRO", 1, "2027-11-01");
  Subscription late = buy(*s, "POWER_BI_PRO", 2, "2028-06-01");
  NewSubscription trial;
  trial.product = "POWER_BI_PRO";
  trial.quantity = 1;
  trial.trial = true;
  trial.expiresOn = "2029-01-01";  // ends last, but a trial is not the admin's to raise
  s->newSubscription(trial);
  for (const char* upn : {"a@contoso.com", "b@contoso.com", "c@contoso.com", "d@contoso.com", "e@contoso.com"})
    addUser(*s, upn);
  for (const char* upn : {"a@contoso.com", "b@contoso.com", "c@contoso.com", "d@contoso.com"})
    s->setUserLicense(upn, adding({"POWER_BI_PRO"}));

  ErrorRecord full = refusal([&] { s->setUserLicense("e@contoso.com", adding({"POWER_BI_PRO"})); });
  CHECK(full.id == "CountViolation");
  CHECK(full.recommendation == "Set-Subscription -Id " + late.Id + " -Quantity 3");

  SubscriptionChanges cut;  // over-assigned by 2: one more license is not enough
  cut.quantity = 0;
  cut.force = true;
  s->setSubscription(late.Id, cut);
  ErrorRecord over = refusal([&] { s->setUserLicense("e@contoso.com", adding({"POWER_BI_PRO"})); });
  CHECK(over.recommendation == "Set-Subscription -Id " + late.Id + " -Quantity 3");

  SubscriptionChanges warn;  // no Enabled admin subscription is left: buy one
  warn.status = "Warning";
  s->setSubscription(late.Id, warn);
  s->setSubscription(early.Id, warn);
  ErrorRecord none = refusal([&] { s->setUserLicense("e@contoso.com", adding({"POWER_BI_PRO"})); });
  CHECK(none.recommendation == "New-Subscription -Product POWER_BI_PRO -Quantity 3");
}

TEST_CASE("CountViolation in the demo: the recommended quantity raises the subscription", "[engine][rule1][demo]") {
  NewTenantOptions n;
  n.catalogPath = PLUSH_SOURCE_DIR "/stdlib/catalog.json";
  n.demoPath = PLUSH_SOURCE_DIR "/stdlib/demo.json";
  SessionOptions o;
  o.storePath = ":memory:";
  o.now = "2026-11-22";
  auto s = Session::create(n, o);
  NewSubscription more;
  more.product = "POWER_BI_PRO";
  more.quantity = 2;
  Subscription two = s->newSubscription(more);
  std::string recommendation;
  UserQuery engineering;
  engineering.department = "Engineering";
  s->forEachUser(engineering, [&](const User& u) {
    try {
      s->setUserLicense(u.UserPrincipalName, adding({"POWER_BI_PRO"}));
    } catch (const TenantError& e) {
      if (e.record.id == "CountViolation" && recommendation.empty()) recommendation = e.record.recommendation;
    }
    return true;
  });
  REQUIRE(s->licenses("POWER_BI_PRO").at(0).Available == 0);
  // The new subscription never ends, so it is the one to raise: from 2 to 3.
  CHECK(recommendation == "Set-Subscription -Id " + two.Id + " -Quantity 3");
}

TEST_CASE("MutuallyExclusiveViolation: disable the conflicting plan in the product being added", "[engine][rule5]") {
  Tenant t;
  auto s = t.open();
  buy(*s, "EXCHANGESTANDARD", 5);
  buy(*s, "EXCHANGEDESKLESS", 5);
  addUser(*s, "kim@contoso.com", "JP");
  addUser(*s, "lee@contoso.com", "JP");
  s->setUserLicense("kim@contoso.com", adding({"EXCHANGESTANDARD"}));
  ErrorRecord e = refusal([&] { s->setUserLicense("kim@contoso.com", adding({"EXCHANGEDESKLESS"})); });
  CHECK(e.id == "MutuallyExclusiveViolation");
  CHECK(e.recommendation == "Set-UserLicense -User kim@contoso.com -Add EXCHANGEDESKLESS -DisabledPlans EXCHANGE_S_DESKLESS");

  s->setUserLicense("lee@contoso.com", adding({"EXCHANGEDESKLESS"}));  // the other way round
  ErrorRecord back = refusal([&] { s->setUserLicense("lee@contoso.com", adding({"EXCHANGESTANDARD"})); });
  CHECK(back.recommendation == "Set-UserLicense -User lee@contoso.com -Add EXCHANGESTANDARD -DisabledPlans EXCHANGE_S_STANDARD");

  SetUserLicenseRequest fix = adding({"EXCHANGEDESKLESS"});
  fix.disabledPlans = std::vector<std::string>{"EXCHANGE_S_DESKLESS"};
  s->setUserLicense("kim@contoso.com", fix);  // the recommendation works
  CHECK(s->userLicenses("kim@contoso.com").size() == 2);
}

TEST_CASE("ProductNotFound: a name that differs only in separators or case is suggested", "[engine][identities]") {
  Tenant t;
  auto s = t.open();
  ErrorRecord typo = refusal([&] { s->product("POWERBI_PRO"); });
  CHECK(typo.id == "ProductNotFound");
  CHECK(typo.message == "There is no product POWERBI_PRO in the tenant. Did you mean POWER_BI_PRO?");
  CHECK(typo.recommendation == "Get-Product POWER_BI_PRO");
  CHECK(refusal([&] { s->product("office 365 e-3"); }).recommendation == "Get-Product ENTERPRISEPACK");
  ErrorRecord unknown = refusal([&] { s->product("NOPE"); });
  CHECK(unknown.message == "There is no product NOPE in the tenant.");
  CHECK(unknown.recommendation == "Get-Product -Catalog *NOPE*");
}

TEST_CASE("CountViolation in a bulk run: each recommendation covers the users refused so far", "[engine][rule1]") {
  Tenant t;
  auto s = t.open();
  Subscription sub = buy(*s, "POWER_BI_PRO", 1);
  for (const char* upn : {"a@contoso.com", "b@contoso.com", "c@contoso.com", "d@contoso.com"}) addUser(*s, upn);
  s->beginBatch();
  s->setUserLicense("a@contoso.com", adding({"POWER_BI_PRO"}));
  CHECK(refusal([&] { s->setUserLicense("b@contoso.com", adding({"POWER_BI_PRO"})); }).recommendation ==
        "Set-Subscription -Id " + sub.Id + " -Quantity 2");
  CHECK(refusal([&] { s->setUserLicense("c@contoso.com", adding({"POWER_BI_PRO"})); }).recommendation ==
        "Set-Subscription -Id " + sub.Id + " -Quantity 3");
  // the same user again is still one user short
  CHECK(refusal([&] { s->setUserLicense("c@contoso.com", adding({"POWER_BI_PRO"})); }).recommendation ==
        "Set-Subscription -Id " + sub.Id + " -Quantity 3");
  // a license freed later in the run goes to d; b and c are still short at the end
  s->setUserLicense("a@contoso.com", SetUserLicenseRequest{{}, {"POWER_BI_PRO"}});
  s->setUserLicense("d@contoso.com", adding({"POWER_BI_PRO"}));
  std::vector<RunShortfall> end = s->endBatch();
  REQUIRE(end.size() == 1);
  CHECK(end[0].skuPartNumber == "POWER_BI_PRO");
  CHECK(end[0].users == 2);
  CHECK(end[0].shortfall == 2);
  CHECK(end[0].recommendation == "Set-Subscription -Id " + sub.Id + " -Quantity 3");
  // outside a run, one user's shortfall only
  CHECK(refusal([&] { s->setUserLicense("b@contoso.com", adding({"POWER_BI_PRO"})); }).recommendation ==
        "Set-Subscription -Id " + sub.Id + " -Quantity 2");
}
