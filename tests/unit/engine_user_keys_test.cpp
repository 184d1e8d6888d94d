// Engine tests: users keyed in UPN order (store/user_keys.h), for new users and by the migration of older stores.
#include <catch2/catch.hpp>

#include <algorithm>
#include <random>

#include <sqlite3.h>

#include "engine_fixture.h"
#include "tenant/text.h"

using namespace plush::tenant;
using namespace plush::test;

namespace {

std::vector<std::string> column(const std::string& path, const std::string& sql) {
  sqlite3* db = nullptr;
  REQUIRE(sqlite3_open(path.c_str(), &db) == SQLITE_OK);
  sqlite3_stmt* s = nullptr;
  REQUIRE(sqlite3_prepare_v2(db, sql.c_str(), -1, &s, nullptr) == SQLITE_OK);
  std::vector<std::string> out;
  while (sqlite3_step(s) == SQLITE_ROW) {
    auto text = reinterpret_cast<const char*>(sqlite3_column_text(s, 0));
    out.push_back(text ? text : "");
  }
  sqlite3_finalize(s);
  sqlite3_close(db);
  return out;
}

void exec(const std::string& path, const std::string& sql) {
  sqlite3* db = nullptr;
  REQUIRE(sqlite3_open(path.c_str(), &db) == SQLITE_OK);
  char* err = nullptr;
  int rc = sqlite3_exec(db, sql.c_str(), nullptr, nullptr, &err);
  INFO((err ? err : ""));
  sqlite3_free(err);
  sqlite3_close(db);
  REQUIRE(rc == SQLITE_OK);
}

bool keysFollowUpns(const std::string& store) {
  return column(store, "SELECT upn FROM users ORDER BY pk") == column(store, "SELECT upn FROM users ORDER BY upn");
}

// What a user of the tenant can see of users, groups, roles and licenses.
std::vector<std::string> fingerprint(Session& s) {
  std::vector<std::string> out;
  UserQuery everyone;
  s.forEachUser(everyone, [&](const User& u) {
    std::string line = u.UserPrincipalName + ":";
    for (const std::string& sku : u.Licenses) line += " " + sku;
    out.push_back(line);
    return true;
  });
  for (const Group& g : s.groups()) {
    std::string line = g.DisplayName + " (" + std::to_string(g.MemberCount) + "):";
    s.forEachGroupMember(g.DisplayName, [&](const User& u) {
      line += " " + u.UserPrincipalName;
      return true;
    });
    out.push_back(line);
  }
  for (const AdminRole& r : s.adminRoles()) out.push_back(r.Name + ": " + join(r.Members, ","));
  for (const LicenseRow& l : s.licenses()) out.push_back(l.SkuPartNumber + " " + std::to_string(l.Assigned));
  for (const LicenseErrorRow& e : s.licenseErrors()) out.push_back(e.User + " " + e.Error);
  return out;
}

std::vector<std::string> shuffledUpns(int n) {
  std::vector<std::string> upns;
  for (int i = 0; i < n; ++i) upns.push_back("user" + std::to_string(1000 + i * 7 % 1000) + "@contoso.com");
  std::shuffle(upns.begin(), upns.end(), std::mt19937(42));
  return upns;
}

}  // namespace

TEST_CASE("new users are keyed in UPN order whatever order they are created in", "[engine][store][sqlite]") {
  Tenant t;
  {
    auto s = t.open();
    for (const std::string& upn : shuffledUpns(60)) addUser(*s, upn);
  }
  CHECK(keysFollowUpns(t.store));
}

TEST_CASE("users keep being created when their UPN neighbours leave no room between keys", "[engine][store][sqlite]") {
  Tenant t;
  auto s = t.open();
  addUser(*s, "a@contoso.com");
  addUser(*s, "b@contoso.com");
  // Each new name sorts right after the one before, between "a" and "b": the gap halves every time.
  std::string upn = "a";
  for (int i = 0; i < 70; ++i) addUser(*s, (upn += "a") + "@contoso.com");
  UserQuery everyone;
  std::vector<std::string> listed;
  s->forEachUser(everyone, [&](const User& u) {
    listed.push_back(u.UserPrincipalName);
    return true;
  });
  CHECK(listed.size() == 73);  // with the admin
  CHECK(std::is_sorted(listed.begin(), listed.end()));
}

TEST_CASE("migration 7 keys an older store's users in UPN order and keeps everything else", "[engine][store][sqlite]") {
  Tenant t;
  {
    auto s = t.open();
    buy(*s, "POWER_BI_PRO", 3);
    buy(*s, "ENTERPRISEPACK", 20);
    s->newGroup("Readers");
    s->setGroupLicense("Readers", {"POWER_BI_PRO"}, {});
    for (const std::string& upn : shuffledUpns(12)) {
      addUser(*s, upn);
      s->addGroupMember("Readers", upn);  // three get licenses, the others CountViolation
      s->setUserLicense(upn, adding({"ENTERPRISEPACK"}));
    }
    s->addAdminRoleMember("LicenseAdministrator", "user1014@contoso.com");
    s->removeUser("user1021@contoso.com");
  }
  std::vector<std::string> before = fingerprint(*t.open());
  // The keys an older plush gave: creation order (the admin first), with the schema before this step.
  exec(t.store, R"sql(
PRAGMA foreign_keys = OFF;
CREATE TEMP TABLE old_keys AS SELECT pk AS now, row_number() OVER (ORDER BY id) AS old FROM users;
UPDATE assignments SET user_pk = (SELECT old FROM old_keys WHERE now = user_pk);
UPDATE group_members SET user_pk = (SELECT old FROM old_keys WHERE now = user_pk);
UPDATE admin_roles SET user_pk = (SELECT old FROM old_keys WHERE now = user_pk);
UPDATE users SET pk = (SELECT old FROM old_keys WHERE now = pk);
PRAGMA user_version = 6;
)sql");
  REQUIRE_FALSE(keysFollowUpns(t.store));
  std::vector<std::string> after = fingerprint(*t.open());
  CHECK(after == before);
  CHECK(keysFollowUpns(t.store));
  CHECK(column(t.store, "PRAGMA integrity_check") == std::vector<std::string>{"ok"});
  CHECK(column(t.store, "PRAGMA foreign_key_check").empty());
  CHECK(column(t.store, "SELECT count(*) FROM sqlite_schema WHERE name LIKE 'saved_%' OR name = 'user_key_map'") ==
        std::vector<std::string>{"0"});
}

// The migration rewrites users' keys wherever a foreign key names users(pk); a table that held them
// without one would be left pointing at the old keys.
TEST_CASE("every column holding a user's key declares its foreign key to users", "[engine][store][sqlite]") {
  Tenant t;
  std::vector<std::string> undeclared = column(t.store, R"sql(
SELECT m.name || '.' || c.name FROM sqlite_schema m JOIN pragma_table_info(m.name) c
WHERE m.type = 'table' AND c.name LIKE '%user_pk%'
  AND NOT EXISTS (SELECT 1 FROM pragma_foreign_key_list(m.name) f WHERE f."from" = c.name AND f."table" = 'users')
)sql");
  CHECK(undeclared.empty());
}
