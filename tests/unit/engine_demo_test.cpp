// Engine tests: the Contoso demo tenant (SPEC §7) built from stdlib/demo.json shows every rule.
#include <catch2/catch.hpp>

#include "engine_fixture.h"

using namespace plush::tenant;
using namespace plush::test;

namespace {

std::unique_ptr<Session> demo() {
  NewTenantOptions n;
  n.catalogPath = PLUSH_SOURCE_DIR "/stdlib/catalog.json";
  n.demoPath = PLUSH_SOURCE_DIR "/stdlib/demo.json";
  SessionOptions o;
  o.storePath = ":memory:";
  o.now = "2026-11-22";
  return Session::create(n, o);
}

}  // namespace

TEST_CASE("the demo tenant is Contoso with users, groups, subscriptions and errors", "[engine][demo]") {
  auto s = demo();
  TenantInfo t = s->tenant();
  CHECK(t.Name == "Contoso");
  CHECK(t.DefaultUsageLocation == "US");
  CHECK(s->actor() == "admin@contoso.onmicrosoft.com");
  CHECK(t.UserCount >= 50);
  CHECK(t.GroupCount >= 4);
  LicenseRow e3 = s->licenses("ENTERPRISEPACK").at(0);
  CHECK(e3.Total == 35);
  CHECK(e3.Assigned == 27);
  CHECK(e3.Warning == 5);
  CHECK(e3.ExpiringSoon == 5);
  LicenseRow p2 = s->licenses("AAD_PREMIUM_P2").at(0);
  CHECK(p2.Available == 1);
  LicenseRow bi = s->licenses("POWER_BI_PRO").at(0);
  CHECK(bi.Available == 0);
  std::vector<std::string> errors;
  for (const LicenseErrorRow& e : s->licenseErrors()) errors.push_back(e.User + " " + e.Error);
  CHECK(std::count(errors.begin(), errors.end(), "arjun.mehta@contoso.com CountViolation") == 1);
  CHECK(std::count(errors.begin(), errors.end(), "tom.baker@contoso.com MutuallyExclusiveViolation") == 1);
  UserQuery deleted;
  deleted.deleted = true;
  CHECK(upns(*s, deleted) == std::vector<std::string>{"gary.hall@contoso.com"});
  CHECK(errorId([&] { s->setUserLicense("mark.evans@contoso.com", adding({"POWER_BI_STANDARD"})); }) ==
        "SelfServiceSubscription");
  CHECK(s->adminRoles().at(1).Members == std::vector<std::string>{"billing@contoso.onmicrosoft.com"});
}
