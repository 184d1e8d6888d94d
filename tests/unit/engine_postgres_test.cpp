// Engine tests of what only the PostgreSQL store has: locations, passwords, server errors, its schema version.
#include <catch2/catch.hpp>

#include <map>
#include <set>

#include "engine_fixture.h"
#include "store/schema.h"
#include "store/server_location.h"
#include "store/store_module.h"

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

// The server's error for a statement run directly (as with psql), or "" when it ran; and its first value.
std::string sqlRun(const std::string& location, const std::string& sql, std::string* value = nullptr) {
  PGconn* c = PQconnectdb(location.c_str());
  PGresult* r = PQexec(c, sql.c_str());
  bool ok = PQresultStatus(r) == PGRES_COMMAND_OK || PQresultStatus(r) == PGRES_TUPLES_OK;
  std::string error = ok ? "" : PQerrorMessage(c);
  if (ok && value && PQntuples(r) > 0) *value = PQgetvalue(r, 0, 0);
  PQclear(r);
  PQfinish(c);
  return error;
}

}  // namespace

TEST_CASE("both stores are at the same schema version", "[engine][store]") {
  // A migration added to one store and not yet to the other fails here.
  CHECK(plush::store::postgresModule().schemaVersion() == plush::store::schemaVersion());
}

TEST_CASE("the location keywords plush knows without libpq are libpq's", "[engine][store]") {
  // plush tells a PostgreSQL location by them before it loads the module; libpq gaining one fails here.
  std::set<std::string> libpq, plush;
  PQconninfoOption* defaults = PQconndefaults();
  for (PQconninfoOption* o = defaults; o && o->keyword; ++o) libpq.insert(o->keyword);
  PQconninfoFree(defaults);
  for (std::string_view keyword : plush::store::postgresKeywords()) plush.insert(std::string(keyword));
  CHECK(plush == libpq);
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

namespace {

// A login of its own on the test server for one test, with the grants the README gives a team, and
// its password in a pgpass file of its own (the server's superuser keeps hers); dropped after.
class TeamLogin {
 public:
  TeamLogin(const std::string& store, const std::string& tag) : name_("ann_" + tag) {
    serverSql("CREATE ROLE \"" + name_ + "\" LOGIN PASSWORD 'team-" + tag + "'");
    // The README's grants: bindings and roles read only, the audit log append only.
    std::string to = " TO \"" + name_ + "\"; ", from = " FROM \"" + name_ + "\"; ";
    onDatabase(store, "GRANT USAGE ON SCHEMA plush" + to +
                      "GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA plush" + to +
                      "GRANT USAGE ON ALL SEQUENCES IN SCHEMA plush" + to +
                      "REVOKE INSERT, UPDATE, DELETE ON plush.admin_bindings, plush.admin_roles" + from +
                      "REVOKE UPDATE, DELETE ON plush.audit" + from);
    const char* pgpass = std::getenv("PGPASSFILE");
    savedPassFile_ = pgpass ? pgpass : "";
    passFile_ = std::filesystem::temp_directory_path() / ("plush-pgpass-" + tag);
    std::ifstream in(savedPassFile_);
    std::ofstream out(passFile_);
    out << in.rdbuf() << "\n*:*:*:" << name_ << ":team-" << tag << "\n";
    out.close();
    std::filesystem::permissions(passFile_, std::filesystem::perms::owner_read | std::filesystem::perms::owner_write);
    setenv("PGPASSFILE", passFile_.c_str(), 1);
    // The store's location with this login in place of the superuser's.
    location_ = store;
    size_t at = location_.find('@'), scheme = location_.find("://") + 3;
    location_.replace(scheme, at - scheme, name_);
  }
  ~TeamLogin() {
    setenv("PGPASSFILE", savedPassFile_.c_str(), 1);
    std::error_code ec;
    std::filesystem::remove(passFile_, ec);
  }
  const std::string& name() const { return name_; }
  const std::string& location() const { return location_; }

 private:
  std::string name_, location_, savedPassFile_;
  std::filesystem::path passFile_;
};

// Dropped once the databases that granted it something are gone.
struct DropRoleAfter {
  std::string name;
  ~DropRoleAfter() {
    try {
      serverSql("DROP ROLE IF EXISTS \"" + name + "\"");
    } catch (...) {
    }
  }
};

}  // namespace

TEST_CASE("a team's login acts as the admin bound to it, and the audit log names the login", "[engine][store][postgres]") {
  std::string tag = std::to_string(std::random_device{}());
  DropRoleAfter drop{"ann_" + tag};
  Tenant t;
  {
    auto s = t.open();
    addUser(*s, "ann@contoso.com");
    s->addAdminRoleMember("LicenseAdministrator", "ann@contoso.com");
    buy(*s, "POWER_BI_PRO", 5);
    addUser(*s, "bob@contoso.com");
  }
  TeamLogin ann(t.store, tag);
  auto openAs = [&](const std::string& as) {
    SessionOptions o;
    o.storePath = ann.location();
    o.actingUpn = as;
    o.now = o.wallClock = kNow;
    return std::make_unique<Session>(o);
  };
  // Claimed: the login may say it is anyone.
  CHECK(openAs("")->actor() == "admin@contoso.onmicrosoft.com");
  CHECK(openAs("")->tenant().Identities == "Claimed");
  CHECK(openAs("")->tenant().Login == ann.name());

  std::string superuser = t.open()->tenant().Login;  // the test server's, which made the tenant
  {
    auto s = t.open();
    s->addAdminBinding("admin@contoso.onmicrosoft.com", superuser);
    s->addAdminBinding("ann@contoso.com", ann.name());
  }
  // Bound: ann's login acts as ann, and cannot claim the Global Administrator.
  auto s = openAs("");
  CHECK(s->actor() == "ann@contoso.com");
  CHECK(s->tenant().Identities == "Bound");
  CHECK(errorId([&] { openAs("admin@contoso.onmicrosoft.com"); }) == "AccessDenied");
  CHECK(errorId([&] { s->addAdminBinding("ann@contoso.com", superuser); }) == "AccessDenied");
  s->setUserLicense("bob@contoso.com", adding({"POWER_BI_PRO"}));
  std::vector<AuditEntry> last;
  s->forEachAudit({.last = 1}, [&](const AuditEntry& e) { return last.push_back(e), true; });
  REQUIRE(last.size() == 1);
  CHECK(last[0].Actor == "ann@contoso.com");
  CHECK(last[0].Login == ann.name());
  // The superuser's login is bound to the Global Administrator only.
  CHECK(superuser != ann.name());
  CHECK(t.open()->actor() == "admin@contoso.onmicrosoft.com");
  CHECK(errorId([&] { t.open("ann@contoso.com"); }) == "AccessDenied");

  // What the README's grants keep ann's login from doing with psql: binding itself, giving itself a
  // role, rewriting the log; a row it adds to the log names its own login, whatever it says.
  auto denied = [&](const std::string& sql) {
    std::string error = sqlRun(ann.location(), sql);
    INFO(sql << ": " << error);
    return error.find("permission denied") != std::string::npos;
  };
  CHECK(denied("INSERT INTO plush.admin_bindings SELECT '" + ann.name() + "', pk, 99 FROM plush.users"));
  CHECK(denied("DELETE FROM plush.admin_bindings"));
  CHECK(denied("INSERT INTO plush.admin_roles SELECT 'GlobalAdministrator', user_pk, 99 FROM plush.admin_bindings"));
  CHECK(denied("UPDATE plush.audit SET login = NULL"));
  CHECK(denied("DELETE FROM plush.audit"));
  CHECK(sqlRun(ann.location(), "INSERT INTO plush.audit(time, actor, action, target, login) "
                               "VALUES ('2026-11-22T09:00:00Z', 'admin@contoso.onmicrosoft.com', 'Forged', 'x', '" +
                                   superuser + "')") == "");
  std::string forgedBy;
  CHECK(sqlRun(t.store, "SELECT login FROM plush.audit WHERE action = 'Forged'", &forgedBy) == "");
  CHECK(forgedBy == ann.name());
}
