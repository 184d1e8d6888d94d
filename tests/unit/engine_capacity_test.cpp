// Engine tests: capacity periods and projection arithmetic, the catalog's capacity, bots and usage in the store.
#include <catch2/catch.hpp>

#include <fstream>

#include "engine_fixture.h"
#include "tenant/capacity_period.h"
#include "tenant/catalog.h"

using namespace plush::tenant;
using namespace plush::test;

namespace {

std::string catalogWith(const TempDir& dir, const std::string& name, const std::string& kinds,
                        const std::string& baseCapacity) {
  std::string path = dir.file(name);
  std::ofstream(path) << R"({ "products": [
 { "skuPartNumber": "VIRTUAL_AGENT_BASE", "skuId": "e4e55366-9635-46f4-a907-fc8c3b5ec81f", "displayName": "Power Virtual Agent",
   "appliesTo": "Company", "servicePlans": [], "capacity": )" << baseCapacity << R"( },
 { "skuPartNumber": "VIRTUAL_AGENT_USL", "skuId": "4b74a65c-8b4a-4fc8-9f6b-5177ed11ddfa", "displayName": "Power Virtual Agent User License",
   "appliesTo": "User", "servicePlans": [], "requires": ["VIRTUAL_AGENT_BASE"] } ],
 "capacityKinds": )" << kinds << "}";
  return path;
}

const char* kSessions =
    R"([{"kind": "BilledSessions", "unit": "sessions", "period": "Month", "consumedBy": "Bot", "makerLicenses": ["VIRTUAL_AGENT_USL"]}])";

std::string catalogError(const std::string& kinds, const std::string& capacity) {
  TempDir dir;
  std::string path = catalogWith(dir, "c.json", kinds, capacity);
  try {
    loadCatalog(path);
  } catch (const TenantError& e) {
    return e.record.id + ": " + e.record.message.substr(e.record.message.find(" is not valid: ") + 15);
  }
  return "(no error)";
}

std::unique_ptr<Session> demo(const std::string& now = "2026-11-22T09:00:00Z") {
  NewTenantOptions n;
  n.catalogPath = PLUSH_SOURCE_DIR "/stdlib/catalog.json";
  n.demoPath = PLUSH_SOURCE_DIR "/stdlib/demo.json";
  SessionOptions o;
  o.storePath = ":memory:";
  o.now = now;
  return Session::create(n, o);
}

}  // namespace

TEST_CASE("capacity periods are calendar months", "[engine][capacity]") {
  CapacityPeriod nov = monthPeriod("2026-11");
  CHECK(nov.firstDay == "2026-11-01");
  CHECK(nov.lastDay == "2026-11-30");
  CHECK(nov.days == 30);
  CHECK(monthPeriod("2027-02").days == 28);
  CHECK(monthPeriod("2028-02").days == 29);
  CHECK(monthPeriod("2026-12").lastDay == "2026-12-31");
  CHECK(periodAt(parseInstant("2026-11-30T23:59:59Z")).month == "2026-11");
  CHECK(periodAt(parseInstant("2026-12-01T00:00:00Z")).month == "2026-12");
  for (const char* bad : {"2026-13", "2026-00", "2026-1", "11/2026", "2026-11-01", "", "abcd-ef"})
    CHECK(errorId([&] { monthPeriod(bad); }) == "InvalidArgument");
  // the pool is read at the clock within the month, else at the month's last or first second
  Instant now = parseInstant("2026-11-22T09:00:00Z");
  CHECK(formatInstant(poolInstant(nov, now)) == "2026-11-22T09:00:00Z");
  CHECK(formatInstant(poolInstant(monthPeriod("2026-10"), now)) == "2026-10-31T23:59:59Z");
  CHECK(formatInstant(poolInstant(monthPeriod("2026-12"), now)) == "2026-12-01T00:00:00Z");
  CHECK(daysInto(nov, "2026-11-01") == 1);
  CHECK(daysInto(nov, "2026-11-21") == 21);
}

TEST_CASE("the projection carries the daily rate to the period's end, rounding halves up", "[engine][capacity]") {
  CHECK(projectToPeriodEnd(1516, 21, 30) == 2166);  // 2165.71
  CHECK(projectToPeriodEnd(3000, 20, 30) == 4500);
  CHECK(projectToPeriodEnd(1, 2, 3) == 2);          // 1.5
  CHECK(projectToPeriodEnd(0, 5, 31) == 0);
  CHECK(projectToPeriodEnd(7, 31, 31) == 7);
  CHECK(projectToPeriodEnd(2000000000, 1, 31) == 62000000000);
  CHECK(percentOf(1, 3) == Approx(33.3));
  CHECK(percentOf(2166, 2000) == Approx(108.3));
  CHECK_FALSE(percentOf(5, 0).has_value());
}

TEST_CASE("the catalog's capacity: read from stdlib/catalog.json, bad entries refused by name", "[engine][capacity]") {
  Catalog c = loadCatalog(PLUSH_SOURCE_DIR "/stdlib/catalog.json");
  REQUIRE(c.capacityKinds.size() == 2);
  CHECK(c.capacityKinds[0].Kind == "BilledSessions");
  CHECK(c.capacityKinds[0].Period == "Month");
  CHECK(c.capacityKinds[0].MakerLicenses == std::vector<std::string>{"VIRTUAL_AGENT_USL"});
  CHECK_FALSE(c.capacityKinds[0].Source.empty());
  CHECK(c.capacityKinds[1].TenantBase == 1024);
  auto base = std::find_if(c.capacityGrants.begin(), c.capacityGrants.end(),
                           [](const CapacityGrant& g) { return g.SkuPartNumber == "VIRTUAL_AGENT_BASE"; });
  REQUIRE(base != c.capacityGrants.end());
  CHECK(base->PerLicense == 2000);
  CHECK(base->Kind == "BilledSessions");

  CHECK(catalogError(kSessions, R"([{"kind": "BilledSessions", "perLicense": 2000}])") == "(no error)");
  CHECK(catalogError(kSessions, R"([{"kind": "Messages", "perLicense": 2000}])") ==
        "InvalidJson: the product VIRTUAL_AGENT_BASE grants the capacity kind 'Messages', which capacityKinds does not define.");
  CHECK(catalogError(kSessions, R"([{"kind": "BilledSessions", "perLicense": 0}])") ==
        "InvalidJson: the product VIRTUAL_AGENT_BASE needs a perLicense above 0 for BilledSessions.");
  CHECK(catalogError(kSessions, R"([{"kind": "BilledSessions", "perLicense": 1.5}])") ==
        "InvalidJson: the product VIRTUAL_AGENT_BASE needs a whole number for perLicense.");
  CHECK(catalogError(kSessions, R"([{"kind": "BilledSessions", "perLicense": 1}, {"kind": "BilledSessions", "perLicense": 1}])") ==
        "InvalidJson: the product VIRTUAL_AGENT_BASE grants BilledSessions twice.");
  CHECK(catalogError(R"([{"kind": "Runs", "unit": "runs", "period": "Week"}])", "[]") ==
        "InvalidJson: the capacity kind Runs needs a period of Month or None, not 'Week'.");
  CHECK(catalogError(R"([{"kind": "Runs", "unit": "runs", "period": "Month", "consumedBy": "Flow"}])", "[]") ==
        "InvalidJson: the capacity kind Runs is consumed by 'Flow'; plush meters only Bot.");
  CHECK(catalogError(R"([{"kind": "S", "unit": "s", "period": "Month", "consumedBy": "Bot", "makerLicenses": ["NOPE"]}])", "[]") ==
        "InvalidJson: the capacity kind S names the maker license NOPE, which is no product here.");
  CHECK(catalogError(R"([{"kind": "S", "unit": "s", "period": "None"}, {"kind": "s", "unit": "s", "period": "None"}])", "[]") ==
        "InvalidJson: the capacity kind s is defined twice.");
}

TEST_CASE("a pooled capacity added to the catalog needs no code", "[engine][capacity]") {
  TempDir dir;
  std::string catalog = catalogWith(dir, "runs.json", R"([{"kind": "FlowRuns", "displayName": "Flow runs", "unit": "runs",
      "period": "Month"}])", R"([{"kind": "FlowRuns", "perLicense": 250}])");
  NewTenantOptions n;
  n.catalogPath = catalog;
  SessionOptions o;
  o.storePath = dir.file("t.db");
  o.now = kNow;
  auto s = Session::create(n, o);
  buy(*s, "VIRTUAL_AGENT_BASE", 4);
  std::vector<TenantCapacityRow> rows = s->capacity();
  REQUIRE(rows.size() == 1);
  CHECK(rows[0].Kind == "FlowRuns");
  CHECK(rows[0].Total == 1000);
  CHECK(rows[0].Month == "2026-11");
  CHECK_FALSE(rows[0].Consumed.has_value());  // not metered: the pool only
  CHECK(errorId([&] { s->newBot(NewBot{"Bot", "admin@tenant.onmicrosoft.com", ""}); }) == "CapacityNotFound");
}

TEST_CASE("the demo's bots: November's billed sessions summed over three bots, projected", "[engine][capacity][demo]") {
  auto s = demo();
  std::vector<Bot> bots = s->bots();
  REQUIRE(bots.size() == 3);
  for (const Bot& b : bots) CHECK(b.OwnerLicensed);
  TenantCapacityRow sessions = s->capacity("BilledSessions").at(0);
  CHECK(sessions.Total == 2000);
  CHECK(sessions.Consumed == 1516);
  CHECK(sessions.Available == 484);
  CHECK(sessions.UsageThrough == "2026-11-21");
  CHECK(sessions.Projected == 2166);
  CHECK(sessions.ProjectedPercent == Approx(108.3));
  int64_t sum = 0;
  for (const BotUsageRow& u : s->botUsage()) sum += u.BilledSessions;
  CHECK(sum == 1516);
  TenantCapacityRow october = s->capacity("BilledSessions", "2026-10").at(0);
  CHECK(october.Consumed == 1807);
  CHECK(october.Projected == 1807);
  CHECK(s->botUsageDays("HR Helpdesk", "2026-10").size() == 31);
}

TEST_CASE("a usage import that fails leaves the store as it was", "[engine][capacity]") {
  auto s = demo();
  TempDir dir;
  std::string csv = dir.file("usage.csv");
  std::ofstream(csv) << "Date,Bot,BilledSessions\n2026-11-22,HR Helpdesk,5\n2026-11-22,Nobody,1\n";
  int64_t audit = auditCount(*s);
  CHECK(errorId([&] { s->importBotUsage(csv); }) == "InvalidCsv");
  CHECK(s->capacity("BilledSessions").at(0).Consumed == 1516);
  CHECK(auditCount(*s) == audit);
  std::ofstream(csv) << "Date,Bot,BilledSessions\n2026-11-22,HR Helpdesk,5\n2026-11-22,Store Locator,1\n";
  BotUsageImport r = s->importBotUsage(csv);
  CHECK(r.Added == 2);
  CHECK(s->capacity("BilledSessions").at(0).Consumed == 1522);
  CHECK(auditCount(*s) == audit + 1);
}
