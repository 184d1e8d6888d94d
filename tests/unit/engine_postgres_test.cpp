// Engine tests of what only the PostgreSQL store has: locations, passwords, server errors, its schema version.
#include <catch2/catch.hpp>

#include <map>
#include <set>

#include "engine_fixture.h"
#include "store/postgres/pg_schema.h"
#include "store/schema.h"

using namespace plush::tenant;
using namespace plush::test;

namespace {

TenantError errorOf(const std::function<void()>& f) {
  try {
    f();
  } catch (const TenantError& e) {
    return e;
  }
  return TenantError(ErrorRecord{"(no error)", "", "", "", ""});
}

void onDatabase(const std::string& location, const std::string& sql) {
  PGconn* c = PQconnectdb(location.c_str());
  PGresult* r = PQexec(c, sql.c_str());
  bool ok = PQresultStatus(r) == PGRES_COMMAND_OK || PQresultStatus(r) == PGRES_TUPLES_OK;
  std::string error = PQerrorMessage(c);
  PQclear(r);
  PQfinish(c);
  INFO(error);
  REQUIRE(ok);
}

}  // namespace

TEST_CASE("both stores are at the same schema version", "[engine][store]") {
  // A migration added to one store and not yet to the other fails here.
  CHECK(plush::store::postgres::schemaVersion() == plush::store::schemaVersion());
}

TEST_CASE("a PostgreSQL location is told apart from a SQLite file", "[engine][store]") {
  CHECK(isServerLocation("postgresql://db.contoso.com/licenses"));
  CHECK(isServerLocation("postgres://alice@db:5433/licenses?sslmode=require"));
  CHECK(isServerLocation("service=licenses"));
  CHECK(isServerLocation("host=db.contoso.com dbname=licenses"));
  CHECK_FALSE(isServerLocation("tenant.db"));
  CHECK_FALSE(isServerLocation("/home/alice/.local/share/plush/tenant.db"));
  CHECK_FALSE(isServerLocation("team=licenses.db"));  // a file name with '=' in it
  CHECK_FALSE(isServerLocation(":memory:"));
}

TEST_CASE("a password in the location is refused, and not repeated", "[engine][store]") {
  for (const char* location : {"postgresql://alice:s3cret@127.0.0.1:1/licenses", "host=127.0.0.1 password=s3cret"}) {
    TenantError e = errorOf([&] { openTenantStore(location, 100); });
    CHECK(e.record.id == "PasswordInLocation");
    CHECK(e.record.message.find("s3cret") == std::string::npos);
    CHECK(e.record.target.find("s3cret") == std::string::npos);
    CHECK(e.record.recommendation.find(".pgpass") != std::string::npos);
  }
}

TEST_CASE("a server that is not there gives StoreUnavailable naming it", "[engine][store]") {
  TenantError e = errorOf([] { openTenantStore("postgresql://plush@127.0.0.1:1/licenses?connect_timeout=2", 100); });
  CHECK(e.record.id == "StoreUnavailable");
  CHECK(e.record.message.find("127.0.0.1:1") != std::string::npos);
  CHECK(e.record.message.find("licenses") != std::string::npos);
}

TEST_CASE("a PostgreSQL store from a newer plush is refused", "[engine][store][postgres]") {
  Tenant t;
  onDatabase(t.store, "UPDATE plush.store_state SET schema_version = 99");
  TenantError e = errorOf([&] { t.open(); });
  CHECK(e.record.id == "StoreTooNew");
  CHECK(e.record.message.find("schema 99") != std::string::npos);
}

TEST_CASE("text PostgreSQL cannot hold is refused before it is sent, and a bulk run goes on", "[engine][store][postgres]") {
  Tenant t;
  auto s = t.open();
  s->beginBatch();
  addUser(*s, "kept@contoso.com");
  NewUser bad;
  bad.userPrincipalName = "bad@contoso.com";
  bad.displayName = std::string("Bad\0Name", 8);
  CHECK(errorId([&] { s->newUser(bad); }) == "InvalidArgument");
  bad.displayName = "Bad \xff name";
  CHECK(errorId([&] { s->newUser(bad); }) == "InvalidArgument");
  addUser(*s, "also-kept@contoso.com");
  s->endBatch();
  CHECK(upns(*t.open(), {}) ==
        std::vector<std::string>{"admin@contoso.onmicrosoft.com", "also-kept@contoso.com", "kept@contoso.com"});
}

TEST_CASE("names compare as in SQLite: ASCII case folded, other letters as written", "[engine][store]") {
  Tenant t;
  auto s = t.open();
  addUser(*s, "Zoe@contoso.com");
  addUser(*s, "adam@contoso.com");
  addUser(*s, "\xc3\x89mile@contoso.com");  // Émile: É is not folded by NOCASE
  addUser(*s, "b_c@contoso.com");
  CHECK(s->user("ZOE@CONTOSO.COM").UserPrincipalName == "Zoe@contoso.com");
  CHECK(errorId([&] { s->user("\xc3\xa9mile@contoso.com"); }) == "UserNotFound");
  CHECK(upns(*s, {}) == std::vector<std::string>{"adam@contoso.com", "admin@contoso.onmicrosoft.com", "b_c@contoso.com",
                                                  "Zoe@contoso.com", "\xc3\x89mile@contoso.com"});
  UserQuery q;
  q.filter = "startswith(userPrincipalName,'B_')";
  CHECK(upns(*s, q) == std::vector<std::string>{"b_c@contoso.com"});
}

TEST_CASE("both stores have the same tables and columns, for Copy-Tenant", "[engine][store][postgres]") {
  TempDir dir;
  auto sqlite = openTenantStore(dir.file("shape.db"), 100);
  auto postgres = openTenantStore(dir.store("shape"), 100);
  auto shapes = [](TenantStore& s) {
    std::map<std::string, std::set<std::string>> out;
    for (const TableShape& t : s.tableShapes()) out[t.name] = std::set<std::string>(t.columns.begin(), t.columns.end());
    return out;
  };
  auto a = shapes(*sqlite), b = shapes(*postgres);
  CHECK(a.size() >= 15);
  CHECK(a == b);  // a migration one store has and the other lacks shows here
}
