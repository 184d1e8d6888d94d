// Engine tests: creating and opening a tenant, the store's transactions, busy store, audit rows.
#include <catch2/catch.hpp>

#include <cstdio>
#include <fstream>
#include <map>

#include <sqlite3.h>

#include "engine_fixture.h"

using namespace plush::tenant;
using namespace plush::test;

TEST_CASE("a new tenant has its catalog and first GlobalAdministrator", "[engine][store]") {
  Tenant t;
  auto s = t.open();
  TenantInfo info = s->tenant();
  CHECK(info.Name == "Contoso");
  CHECK(info.DefaultUsageLocation == "US");
  CHECK(info.ProductCount == 9);
  CHECK(info.UserCount == 1);
  CHECK(s->actor() == "admin@contoso.onmicrosoft.com");
  CHECK(s->actorRoles() == std::vector<std::string>{"GlobalAdministrator"});
  CHECK(s->product("power bi pro").SkuPartNumber == "POWER_BI_PRO");
  CHECK(s->product("6FD2C87F-B296-42F0-B197-1E91E994B900").SkuPartNumber == "ENTERPRISEPACK");
  CHECK(s->products("EXCHANGE*").size() == 2);
  CHECK(errorId([&] { s->product("NOPE"); }) == "ProductNotFound");
  CHECK(errorId([&] { createTenant(t.store, NewTenantOptions{}); }) == "AlreadyExists");
}

TEST_CASE("a store opened for the first time creates its tenant", "[engine][store]") {
  TempDir dir;
  SessionOptions o;
  o.storePath = dir.store("fresh");
  o.now = kNow;
  o.catalogPath = writeTinyCatalog(dir);
  o.onCreate.name = "Fabrikam";
  Session s(o);
  CHECK(s.tenant().Name == "Fabrikam");
  CHECK(s.actor() == "admin@fabrikam.onmicrosoft.com");
  Session again(o);
  CHECK(again.tenant().Id == s.tenant().Id);
}

TEST_CASE("an in-memory tenant can be created and used at once", "[engine][store]") {
  TempDir dir;
  NewTenantOptions n;
  n.name = "Contoso";
  n.catalogPath = writeTinyCatalog(dir);
  SessionOptions o;
  o.storePath = ":memory:";
  o.now = kNow;
  auto s = Session::create(n, o);
  buy(*s, "POWER_BI_PRO", 2);
  CHECK(s->licenses().at(0).Total == 2);
}

TEST_CASE("nested transactions roll back only what they hold", "[engine][store]") {
  Tenant t;
  auto s = t.open();
  s->begin();
  addUser(*s, "kept@contoso.com");
  s->begin();
  addUser(*s, "dropped@contoso.com");
  s->rollback();
  CHECK(s->inTransaction());
  s->commit();
  CHECK_FALSE(s->inTransaction());
  auto again = t.open();
  CHECK(upns(*again, {}) == std::vector<std::string>{"admin@contoso.onmicrosoft.com", "kept@contoso.com"});
}

TEST_CASE("a failing call leaves the store exactly as before", "[engine][store]") {
  Tenant t;
  auto s = t.open();
  buy(*s, "POWER_BI_PRO", 1);
  addUser(*s, "a@contoso.com");
  addUser(*s, "b@contoso.com", "");
  int64_t audits = auditCount(*s);
  SetUserLicenseRequest r = adding({"POWER_BI_PRO"});
  r.usageLocation = "DE";
  s->setUserLicense("a@contoso.com", adding({"POWER_BI_PRO"}));
  CHECK(errorId([&] { s->setUserLicense("b@contoso.com", r); }) == "CountViolation");
  CHECK(s->user("b@contoso.com").UsageLocation.empty());  // the location set in the same step is undone
  CHECK(auditCount(*s) == audits + 1);
  CHECK(s->licenses("POWER_BI_PRO").at(0).Assigned == 1);
}

TEST_CASE("a batch: each call its own savepoint, what is done committed at the end", "[engine][store]") {
  Tenant t;
  auto s = t.open();
  buy(*s, "POWER_BI_PRO", 2);
  for (const char* upn : {"a@contoso.com", "b@contoso.com", "c@contoso.com"}) addUser(*s, upn);
  addUser(*s, "nowhere@contoso.com", "");
  int64_t audits = auditCount(*s);
  auto other = t.open();
  s->beginBatch();
  s->setUserLicense("a@contoso.com", adding({"POWER_BI_PRO"}));
  CHECK_FALSE(s->inTransaction());  // the batch's transaction is not the admin's
  CHECK(s->transactionDepth() == 0);
  SetUserLicenseRequest located = adding({"POWER_BI_PRO"});
  located.usageLocation = "DE";
  CHECK(errorId([&] { s->setUserLicense("nowhere@contoso.com", adding({"POWER_BI_PRO"})); }) == "UsageLocationRequired");
  s->setUserLicense("b@contoso.com", adding({"POWER_BI_PRO"}));
  CHECK(errorId([&] { s->setUserLicense("c@contoso.com", located); }) == "CountViolation");
  CHECK(s->user("c@contoso.com").UsageLocation == "US");  // the failed call is undone, all of it
  s->rollback();  // no transaction of the admin's: the batch's calls stay
  CHECK(s->licenses("POWER_BI_PRO").at(0).Assigned == 2);
  CHECK(other->licenses("POWER_BI_PRO").at(0).Assigned == 0);  // not committed yet
  CHECK(auditCount(*s) == audits + 2);  // the batch's audit rows read like the others, the failed calls' are not there
  s->setUserLicense("nowhere@contoso.com", SetUserLicenseRequest{{}, {}, {}, {}, {}, std::string("FR")});
  CHECK(auditCount(*s) == audits + 3);
  s->endBatch();
  CHECK(other->licenses("POWER_BI_PRO").at(0).Assigned == 2);  // committed: another connection sees it
  CHECK(auditCount(*other) == audits + 3);
  CHECK(other->userLicenses("b@contoso.com").size() == 1);
  CHECK(other->user("nowhere@contoso.com").UsageLocation == "FR");
}

TEST_CASE("a batch commits before an admin's transaction and when the session closes", "[engine][store]") {
  Tenant t;
  buy(*t.open(), "POWER_BI_PRO", 5);
  auto s = t.open();
  addUser(*s, "a@contoso.com");
  addUser(*s, "b@contoso.com");
  addUser(*s, "c@contoso.com");
  s->beginBatch();
  s->setUserLicense("a@contoso.com", adding({"POWER_BI_PRO"}));
  s->begin();  // Start-Transaction inside the batch: what the batch did is committed first
  s->setUserLicense("b@contoso.com", adding({"POWER_BI_PRO"}));
  CHECK(s->transactionDepth() == 1);
  s->rollback();
  CHECK_FALSE(s->inTransaction());
  CHECK(t.open()->licenses("POWER_BI_PRO").at(0).Assigned == 1);
  s->setUserLicense("c@contoso.com", adding({"POWER_BI_PRO"}));  // the batch goes on
  s.reset();  // closed mid-batch (os.exit): the calls that finished are kept
  auto again = t.open();
  CHECK(again->licenses("POWER_BI_PRO").at(0).Assigned == 2);
  CHECK(again->userLicenses("c@contoso.com").size() == 1);
  CHECK(again->userLicenses("b@contoso.com").empty());
}

TEST_CASE("cached products and subscriptions follow changes, rollbacks and other processes", "[engine][store]") {
  Tenant t;
  auto s = t.open();
  auto other = t.open();
  addUser(*s, "a@contoso.com");
  addUser(*s, "b@contoso.com");
  CHECK(errorId([&] { s->setUserLicense("a@contoso.com", adding({"POWER_BI_PRO"})); }) == "CountViolation");
  buy(*other, "POWER_BI_PRO", 1);  // another process buys: the cached pool must not hide it
  s->setUserLicense("a@contoso.com", adding({"POWER_BI_PRO"}));
  CHECK(errorId([&] { s->setUserLicense("b@contoso.com", adding({"POWER_BI_PRO"})); }) == "CountViolation");
  Subscription sub = s->subscriptions("POWER_BI_PRO").at(0);
  SubscriptionChanges more;
  more.quantity = 2;
  s->begin();
  s->setSubscription(sub.Id, more);
  s->setUserLicense("b@contoso.com", adding({"POWER_BI_PRO"}));  // sees its own transaction's quantity
  s->rollback();
  CHECK(errorId([&] { s->setUserLicense("b@contoso.com", adding({"POWER_BI_PRO"})); }) == "CountViolation");
  other->setSubscription(sub.Id, more);
  s->setUserLicense("b@contoso.com", adding({"POWER_BI_PRO"}));
  CHECK(s->licenses("POWER_BI_PRO").at(0).Assigned == 2);
}

// Get-User reads licenses a page (500 users) at a time with product names it keeps between pages.
TEST_CASE("a user listing shows licenses and product names as they are when each page is read", "[engine][store]") {
  Tenant t;
  auto s = t.open();
  buy(*s, "POWER_BI_PRO", 1000);
  s->beginBatch();
  char upn[32];
  for (int i = 0; i < 600; ++i) {
    std::snprintf(upn, sizeof upn, "u%03d@contoso.com", i);
    addUser(*s, upn);
  }
  s->endBatch();
  s->setUserLicense("u599@contoso.com", adding({"POWER_BI_PRO"}));
  std::string csv = t.dir.file("rename.csv");
  std::ofstream(csv) << "Product_Display_Name,String_Id,GUID,Service_Plan_Name,Service_Plan_Id,"
                        "Service_Plans_Included_Friendly_Names\n"
                        "Power BI Pro,POWER_BI_PRO_RENAMED,f8a1db68-be16-40ed-86d5-cb42ce701560,BI_AZURE_P2,"
                        "70d33638-9c74-4d01-bfd3-562de28bd4ba,Power BI Pro\n";
  std::map<std::string, std::vector<std::string>> seen;
  s->forEachUser({}, [&](const User& u) {
    if (u.UserPrincipalName == "u000@contoso.com") {
      s->importProductsCsv(csv);  // renames the product while the listing runs
      s->setUserLicense("u598@contoso.com", adding({"POWER_BI_PRO_RENAMED"}));
    }
    seen[u.UserPrincipalName] = u.Licenses;
    return true;
  });
  CHECK(seen.at("u599@contoso.com") == std::vector<std::string>{"POWER_BI_PRO_RENAMED"});
  CHECK(seen.at("u598@contoso.com") == std::vector<std::string>{"POWER_BI_PRO_RENAMED"});
  CHECK(seen.size() == 601);
}

TEST_CASE("a store held by another process gives StoreBusy after the timeout", "[engine][store]") {
  Tenant t;
  auto holder = t.open();
  holder->begin();
  addUser(*holder, "holding@contoso.com");
  SessionOptions o;
  o.storePath = t.store;
  o.now = kNow;
  o.busyTimeoutMs = 100;
  Session waiting(o);
  CHECK(errorId([&] { addUser(waiting, "waiting@contoso.com"); }) == "StoreBusy");
  holder->commit();
  addUser(waiting, "waiting@contoso.com");
  CHECK(upns(waiting, {}).size() == 3);
}

TEST_CASE("every change writes an audit row with actor and target", "[engine][store]") {
  Tenant t;
  auto s = t.open();
  addUser(*s, "alice@contoso.com");
  std::vector<AuditEntry> rows;
  s->forEachAudit(AuditQuery{"", "", "alice@contoso.com", 0}, [&](const AuditEntry& e) { return rows.push_back(e), true; });
  REQUIRE(rows.size() == 1);
  CHECK(rows[0].Action == "New-User");
  CHECK(rows[0].Actor == "admin@contoso.onmicrosoft.com");
  CHECK(rows[0].Time == "2026-11-22T08:00:00Z");
  AuditQuery last;
  last.last = 1;
  rows.clear();
  s->forEachAudit(last, [&](const AuditEntry& e) { return rows.push_back(e), true; });
  REQUIRE(rows.size() == 1);
  CHECK(rows[0].Target == "alice@contoso.com");
}

TEST_CASE("the stdlib catalog loads with the products of SPEC §7", "[engine][store]") {
  TempDir dir;
  NewTenantOptions n;
  n.name = "Contoso";
  n.catalogPath = PLUSH_SOURCE_DIR "/stdlib/catalog.json";
  SessionOptions o;
  o.storePath = ":memory:";
  o.now = kNow;
  auto s = Session::create(n, o);
  for (const char* sku : {"POWER_BI_PRO", "POWER_BI_STANDARD", "ENTERPRISEPACK", "SPE_E3", "SPE_E5", "AAD_PREMIUM",
                          "AAD_PREMIUM_P2", "EXCHANGESTANDARD", "EXCHANGEDESKLESS", "VIRTUAL_AGENT_BASE",
                          "VIRTUAL_AGENT_USL"})
    CHECK(s->product(sku).SkuPartNumber == sku);
  CHECK(s->product("VIRTUAL_AGENT_BASE").AppliesTo == "Company");
}

namespace {

void rawSql(const std::string& path, const std::string& sql) {
  sqlite3* db = nullptr;
  REQUIRE(sqlite3_open(path.c_str(), &db) == SQLITE_OK);
  char* err = nullptr;
  int rc = sqlite3_exec(db, sql.c_str(), nullptr, nullptr, &err);
  INFO((err ? err : ""));
  sqlite3_free(err);
  sqlite3_close(db);
  REQUIRE(rc == SQLITE_OK);
}

}  // namespace

TEST_CASE("a group's member count is kept through adds, removes and deletes", "[engine][store]") {
  Tenant t;
  auto s = t.open();
  s->newGroup("G");
  for (const char* u : {"a@contoso.com", "b@contoso.com", "c@contoso.com"}) {
    addUser(*s, u);
    s->addGroupMember("G", u);
  }
  s->addGroupMember("G", "a@contoso.com");  // already a member: nothing changes
  CHECK(s->group("G").MemberCount == 3);
  s->removeGroupMember("G", "b@contoso.com");
  s->removeUser("c@contoso.com", true);
  CHECK(s->group("G").MemberCount == 1);
  addUser(*s, "d@contoso.com");
  s->addGroupMember("G", "d@contoso.com");
  s->removeUser("d@contoso.com");  // soft-deleted: no member until restored
  CHECK(s->group("G").MemberCount == 1);
  s->restoreUser("d@contoso.com");
  CHECK(s->group("G").MemberCount == 2);
  s->removeUser("d@contoso.com");
  s->removeUser("d@contoso.com", true);  // then for good: not counted twice
  CHECK(s->group("G").MemberCount == 1);
}

TEST_CASE("the tenant's user count is kept through adds, deletes and restores, and recounted by migration 8",
          "[engine][store][sqlite]") {
  Tenant t;
  {
    auto s = t.open();
    addUser(*s, "a@contoso.com");
    addUser(*s, "b@contoso.com");
    addUser(*s, "c@contoso.com");
    CHECK(s->tenant().UserCount == 4);  // with the admin
    s->removeUser("b@contoso.com");
    CHECK(s->tenant().UserCount == 3);
    s->restoreUser("b@contoso.com");
    CHECK(s->tenant().UserCount == 4);
    s->removeUser("c@contoso.com");
    s->removeUser("c@contoso.com", true);  // then for good: not counted twice
    s->removeUser("a@contoso.com", true);
    CHECK(s->tenant().UserCount == 2);
    s->begin();
    addUser(*s, "d@contoso.com");
    s->rollback();
    CHECK(s->tenant().UserCount == 2);
  }
  rawSql(t.store, "UPDATE tenant SET user_count = 0; PRAGMA user_version = 7;");
  CHECK(t.open()->tenant().UserCount == 2);
}

TEST_CASE("migrations bring an older store up to date; a newer one is refused", "[engine][store][sqlite]") {
  Tenant t;
  {
    auto s = t.open();
    s->newGroup("G");
    addUser(*s, "a@contoso.com");
    s->addGroupMember("G", "a@contoso.com");
  }
  // A store as schema 1 left it: without the columns and tables later migrations add.
  rawSql(t.store,
         "ALTER TABLE user_groups DROP COLUMN member_count; ALTER TABLE service_plans DROP COLUMN provisioning_status; "
         "ALTER TABLE service_plans DROP COLUMN applies_to; ALTER TABLE assignments DROP COLUMN last_updated; "
         "ALTER TABLE audit DROP COLUMN before_state; DROP TABLE sku_facts; PRAGMA user_version = 1;");
  {
    auto s = t.open();
    CHECK(s->group("G").MemberCount == 1);
    buy(*s, "POWER_BI_PRO", 1);
    SetUserLicenseRequest r;
    r.add = {"POWER_BI_PRO"};
    s->setUserLicense("a@contoso.com", r);  // the new columns are there to write
    CHECK(s->graphLicenses("a@contoso.com").states.at(0).LastUpdated == kNow);
  }
  rawSql(t.store, "PRAGMA user_version = 99;");
  CHECK(errorId([&] { t.open(); }) == "StoreTooNew");
}

// A change resolves a user just listed from the listing's page (Get-User | Set-UserLicense): only
// while nothing can have changed the user since.
TEST_CASE("a change after a listing sees the user as the store holds it now", "[engine][store]") {
  Tenant t;
  auto s = t.open();
  auto other = t.open();
  buy(*s, "POWER_BI_PRO", 10);
  addUser(*s, "a@contoso.com", "");
  addUser(*s, "b@contoso.com", "");
  UserChanges located;
  located.usageLocation = "US";
  s->begin();
  s->setUser("a@contoso.com", located);
  CHECK(upns(*s, {}).size() == 3);  // the page read inside the transaction holds a's location
  s->rollback();
  CHECK(errorId([&] { s->setUserLicense("a@contoso.com", adding({"POWER_BI_PRO"})); }) == "UsageLocationRequired");
  CHECK(upns(*s, {}).size() == 3);
  other->setUser("b@contoso.com", located);  // another process, after the page was read
  s->setUserLicense("b@contoso.com", adding({"POWER_BI_PRO"}));
  CHECK(s->user("b@contoso.com").Licenses == std::vector<std::string>{"POWER_BI_PRO"});
}

// Get-License reads every product inside one ReadScope: one snapshot, the read lock taken once.
TEST_CASE("reads in a ReadScope see one snapshot; a change begun in one starts from the latest commit",
          "[engine][store][sqlite]") {
  Tenant t;
  auto reader = openTenantStore(t.store, 1000);
  auto writer = openTenantStore(t.store, 1000);
  int64_t pk = reader->productPks().at(0);
  int64_t before = reader->assignedCount(pk);
  {
    ReadScope read(*reader);
    CHECK(reader->assignedCount(pk) == before);
    writer->begin();
    writer->adjustAssigned(pk, 1);
    writer->commit();  // a reader does not hold a writer back
    CHECK(reader->assignedCount(pk) == before);  // still the snapshot the scope began with
  }
  CHECK(reader->assignedCount(pk) == before + 1);
  {
    ReadScope read(*reader);
    CHECK(reader->assignedCount(pk) == before + 1);
    writer->begin();
    writer->adjustAssigned(pk, 1);
    writer->commit();
    reader->begin();  // ends the read: the change sees the writer's commit, and may write
    CHECK(reader->assignedCount(pk) == before + 2);
    reader->adjustAssigned(pk, -2);
    reader->commit();
  }
  CHECK(writer->assignedCount(pk) == before);
}
