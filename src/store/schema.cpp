// The store's schema as numbered migrations, applied by PRAGMA user_version.
#include "store/schema.h"

#include <string>
#include <vector>

#include "store/capacity_seed.h"
#include "store/user_keys.h"
#include "tenant/errors.h"

namespace plush::store {
namespace {

// One step: SQL, or C++ where the step depends on what the store holds (its tables' definitions).
struct Migration {
  Migration(const char* text) : sql(text) {}
  Migration(void (*step)(Database&)) : run(step) {}
  const char* sql = nullptr;
  void (*run)(Database&) = nullptr;
};

bool hasColumn(Database& db, const char* table, const char* column) {
  Statement s = db.prepareOnce("SELECT 1 FROM pragma_table_info(?) WHERE name = ?");
  s.bindText(1, table).bindText(2, column);
  return s.step();
}

// Like the SQL steps' IF NOT EXISTS: a step may run again over a store that already has its column.
void keepUserCount(Database& db) {
  if (!hasColumn(db, "tenant", "user_count")) db.exec("ALTER TABLE tenant ADD COLUMN user_count INTEGER NOT NULL DEFAULT 0");
  db.exec("UPDATE tenant SET user_count = (SELECT count(*) FROM users WHERE deleted_on IS NULL)");
}

// Identities bound, not claimed: the logins bound to admins, and the login of each audit row.
void bindLogins(Database& db) {
  db.exec(R"sql(
CREATE TABLE IF NOT EXISTS admin_bindings(
  login TEXT NOT NULL,
  user_pk INTEGER NOT NULL REFERENCES users(pk) ON DELETE CASCADE,
  added INTEGER NOT NULL,
  PRIMARY KEY(login, user_pk)) WITHOUT ROWID;
)sql");
  if (!hasColumn(db, "audit", "login")) db.exec("ALTER TABLE audit ADD COLUMN login TEXT");
}

// Pooled tenant capacity: the tables, then this release's kinds and grants for the products the store holds.
void keepCapacity(Database& db) {
  db.exec(R"sql(
CREATE TABLE IF NOT EXISTS capacity_kinds(
  kind TEXT PRIMARY KEY COLLATE NOCASE,
  display_name TEXT NOT NULL, unit TEXT NOT NULL,
  period TEXT NOT NULL CHECK (period IN ('Month', 'None')),
  consumed_by TEXT NOT NULL DEFAULT '',
  tenant_base INTEGER NOT NULL DEFAULT 0,
  maker_licenses TEXT NOT NULL DEFAULT '',        -- SkuPartNumbers, comma separated
  source TEXT NOT NULL DEFAULT '');
CREATE TABLE IF NOT EXISTS capacity_grants(
  product_pk INTEGER NOT NULL REFERENCES products(pk) ON DELETE CASCADE,
  kind TEXT NOT NULL COLLATE NOCASE,
  per_license INTEGER NOT NULL CHECK (per_license > 0),
  PRIMARY KEY(product_pk, kind)) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS bots(
  pk INTEGER PRIMARY KEY,
  id TEXT NOT NULL UNIQUE COLLATE NOCASE,
  name TEXT NOT NULL COLLATE NOCASE,
  owner_pk INTEGER REFERENCES users(pk) ON DELETE SET NULL,
  environment TEXT NOT NULL,
  created_on TEXT NOT NULL,
  removed_on TEXT);                               -- NULL while in use
CREATE UNIQUE INDEX IF NOT EXISTS bots_name_in_use ON bots(name) WHERE removed_on IS NULL;
CREATE TABLE IF NOT EXISTS bot_usage(
  bot_pk INTEGER NOT NULL REFERENCES bots(pk),
  day TEXT NOT NULL,
  sessions INTEGER NOT NULL CHECK (sessions >= 0),
  PRIMARY KEY(day, bot_pk)) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS bot_usage_bot ON bot_usage(bot_pk, day);
)sql");
  db.exec(capacitySeedSql(SqlDialect::Sqlite));
}

// Append only: a released store is upgraded by running the steps after its user_version.
const std::vector<Migration>& migrations() {
  static const std::vector<Migration> steps = {
      R"sql(
CREATE TABLE tenant(
  id INTEGER PRIMARY KEY CHECK (id = 1),
  name TEXT NOT NULL, tenant_id TEXT NOT NULL,
  default_usage_location TEXT, allow_adhoc INTEGER NOT NULL DEFAULT 0);

CREATE TABLE products(
  pk INTEGER PRIMARY KEY,
  sku_id TEXT NOT NULL UNIQUE COLLATE NOCASE,
  sku_part_number TEXT NOT NULL COLLATE NOCASE,   -- not unique: Microsoft reuses a few (MCOPSTN5)
  display_name TEXT NOT NULL COLLATE NOCASE,
  applies_to TEXT NOT NULL DEFAULT 'User',
  requires TEXT NOT NULL DEFAULT '',
  assigned INTEGER NOT NULL DEFAULT 0);          -- users using a license, kept by the engine
CREATE INDEX products_sku_part_number ON products(sku_part_number);
CREATE INDEX products_display_name ON products(display_name);

CREATE TABLE service_plans(
  product_pk INTEGER NOT NULL REFERENCES products(pk) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  plan_id TEXT NOT NULL COLLATE NOCASE, name TEXT NOT NULL, display_name TEXT NOT NULL,
  automatic INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY(product_pk, position)) WITHOUT ROWID;

CREATE TABLE plan_requires(plan TEXT NOT NULL, needs TEXT NOT NULL, PRIMARY KEY(plan, needs)) WITHOUT ROWID;
CREATE TABLE exclusive_families(family INTEGER NOT NULL, plan TEXT NOT NULL, PRIMARY KEY(family, plan)) WITHOUT ROWID;
CREATE TABLE plan_unavailable(plan TEXT NOT NULL, location TEXT NOT NULL, PRIMARY KEY(plan, location)) WITHOUT ROWID;

CREATE TABLE subscriptions(
  pk INTEGER PRIMARY KEY,
  id TEXT NOT NULL UNIQUE COLLATE NOCASE,
  product_pk INTEGER NOT NULL REFERENCES products(pk),
  quantity INTEGER NOT NULL CHECK (quantity >= 0),
  manual_status TEXT,                             -- NULL: the status follows expires_on
  source TEXT NOT NULL, purchased_by TEXT,
  starts_on TEXT NOT NULL, expires_on TEXT,
  trial INTEGER NOT NULL DEFAULT 0, taken_over INTEGER NOT NULL DEFAULT 0);
CREATE INDEX subscriptions_product ON subscriptions(product_pk);

CREATE TABLE users(
  pk INTEGER PRIMARY KEY,
  id TEXT NOT NULL UNIQUE COLLATE NOCASE,
  upn TEXT NOT NULL UNIQUE COLLATE NOCASE,
  display_name TEXT NOT NULL COLLATE NOCASE,
  department TEXT COLLATE NOCASE,
  usage_location TEXT COLLATE NOCASE,
  user_type TEXT NOT NULL DEFAULT 'Member' COLLATE NOCASE,
  account_enabled INTEGER NOT NULL DEFAULT 1,
  last_sign_in TEXT,
  deleted_on TEXT);                               -- soft delete time; NULL when active
CREATE INDEX users_department ON users(department);
CREATE INDEX users_usage_location ON users(usage_location);
CREATE INDEX users_deleted ON users(deleted_on);

CREATE TABLE user_groups(
  pk INTEGER PRIMARY KEY,
  id TEXT NOT NULL UNIQUE COLLATE NOCASE,
  name TEXT NOT NULL UNIQUE COLLATE NOCASE,
  description TEXT);

CREATE TABLE group_members(
  group_pk INTEGER NOT NULL REFERENCES user_groups(pk) ON DELETE CASCADE,
  user_pk INTEGER NOT NULL REFERENCES users(pk) ON DELETE CASCADE,
  PRIMARY KEY(group_pk, user_pk)) WITHOUT ROWID;
CREATE INDEX group_members_user ON group_members(user_pk);

CREATE TABLE group_licenses(
  group_pk INTEGER NOT NULL REFERENCES user_groups(pk) ON DELETE CASCADE,
  product_pk INTEGER NOT NULL REFERENCES products(pk),
  disabled_plans TEXT NOT NULL DEFAULT '',        -- plan ids, comma separated
  PRIMARY KEY(group_pk, product_pk)) WITHOUT ROWID;

-- One row per source of a product for a user: group_pk 0 is a direct assignment.
CREATE TABLE assignments(
  user_pk INTEGER NOT NULL REFERENCES users(pk) ON DELETE CASCADE,
  product_pk INTEGER NOT NULL REFERENCES products(pk),
  group_pk INTEGER NOT NULL DEFAULT 0,
  disabled_plans TEXT NOT NULL DEFAULT '',
  state TEXT NOT NULL DEFAULT 'Active',
  error TEXT, message TEXT,
  PRIMARY KEY(user_pk, product_pk, group_pk)) WITHOUT ROWID;
CREATE INDEX assignments_group ON assignments(group_pk, product_pk, state);
CREATE INDEX assignments_product ON assignments(product_pk, state);
CREATE INDEX assignments_errors ON assignments(group_pk, product_pk) WHERE state = 'Error';

CREATE TABLE admin_roles(
  role TEXT NOT NULL,
  user_pk INTEGER NOT NULL REFERENCES users(pk) ON DELETE CASCADE,
  added INTEGER NOT NULL,
  PRIMARY KEY(role, user_pk));
CREATE INDEX admin_roles_user ON admin_roles(user_pk);

CREATE TABLE audit(
  pk INTEGER PRIMARY KEY,
  time TEXT NOT NULL, actor TEXT NOT NULL COLLATE NOCASE, action TEXT NOT NULL,
  target TEXT NOT NULL COLLATE NOCASE, detail TEXT NOT NULL DEFAULT '');
CREATE INDEX audit_time ON audit(time);
CREATE INDEX audit_actor ON audit(actor);
CREATE INDEX audit_target ON audit(target);
)sql",
      // 2: a group's member count is kept, so adding a member costs the same in a group of any size.
      R"sql(
ALTER TABLE user_groups ADD COLUMN member_count INTEGER NOT NULL DEFAULT 0;
UPDATE user_groups SET member_count = (SELECT count(*) FROM group_members m WHERE m.group_pk = user_groups.pk);
)sql",
      // 3: users of a department or usage location come out of the index in UPN order, a page at a
      // time (Get-User streams by UPN); with the single-column indexes SQLite sorted every
      // matching user again for each page.
      R"sql(
CREATE INDEX IF NOT EXISTS users_department_upn ON users(department, upn);
CREATE INDEX IF NOT EXISTS users_usage_location_upn ON users(usage_location, upn);
DROP INDEX IF EXISTS users_department;
DROP INDEX IF EXISTS users_usage_location;
)sql",
      // 4: Get-User streams users in UPN order; this index holds every column a page shows, so
      // a page is read from consecutive index pages instead of one table row at random per user
      // (at a million users the table no longer fits any cache).
      R"sql(
CREATE INDEX IF NOT EXISTS users_listing ON users(upn, deleted_on, id, display_name, department, usage_location,
                                                  user_type, account_enabled, last_sign_in);
)sql",
      // 5: soft-deleted users are not counted as members (they are none until restored).
      R"sql(
UPDATE user_groups SET member_count = (SELECT count(*) FROM group_members m JOIN users u ON u.pk = m.user_pk
                                        WHERE m.group_pk = user_groups.pk AND u.deleted_on IS NULL);
)sql",
      // 6: what Microsoft Graph says that plush keeps (Import-Tenant -Format graph, ConvertTo-Json):
      // plans' provisioningStatus and appliesTo, when each assignment last changed, a subscribed
      // product's Graph ids and consumedUnits; and each audit row's "before" facts (Export-GraphRequest).
      R"sql(
ALTER TABLE service_plans ADD COLUMN provisioning_status TEXT;
ALTER TABLE service_plans ADD COLUMN applies_to TEXT;
ALTER TABLE assignments ADD COLUMN last_updated TEXT;
ALTER TABLE audit ADD COLUMN before_state TEXT;
CREATE TABLE sku_facts(
  product_pk INTEGER PRIMARY KEY REFERENCES products(pk) ON DELETE CASCADE,
  object_id TEXT, account_id TEXT, account_name TEXT,
  subscription_ids TEXT NOT NULL DEFAULT '',      -- comma separated
  consumed_units INTEGER NOT NULL DEFAULT 0,
  unseen_assigned INTEGER NOT NULL DEFAULT 0);
)sql",
      // 7: users keyed in UPN order (store/user_keys.h), so that a bulk change over users listed by UPN
      // writes neighbouring pages of assignments instead of pages all over the table.
      renumberUsersByUpn,
      // 8: the number of active users is kept (Get-Tenant, the prompt), not counted over a million rows.
      keepUserCount,
      // 9: pooled tenant capacity: the catalog's kinds and what a license of each product grants,
      // bots (a removed bot keeps its usage: its sessions were billed) and their billed sessions per day.
            keepCapacity,
      // 10: identities bound, not claimed: the logins (here OS accounts) that may act as each admin,
      // and the login behind each audit row while bindings are in force.
      bindLogins,
  };
  return steps;
}

int currentVersion(Database& db) {
  Statement s = db.prepareOnce("PRAGMA user_version");
  s.step();
  return static_cast<int>(s.integer(0));
}

}  // namespace

int schemaVersion() { return static_cast<int>(migrations().size()); }

void migrate(Database& db) {
  int version = currentVersion(db);
  if (version > schemaVersion())
    tenant::fail("StoreTooNew", tenant::category::InvalidData, "",
                 "This tenant store was written by a newer plush (schema " + std::to_string(version) +
                     "); this one reads up to schema " + std::to_string(schemaVersion()) + ".");
  if (version == schemaVersion()) return;
  db.begin();
  try {
    for (int step = version; step < schemaVersion(); ++step) {
      const Migration& m = migrations()[static_cast<size_t>(step)];
      if (m.sql) db.exec(m.sql);
      else m.run(db);
    }
    db.exec("PRAGMA user_version = " + std::to_string(schemaVersion()));
    db.commit();
  } catch (...) {
    db.rollback();
    throw;
  }
}

}  // namespace plush::store
