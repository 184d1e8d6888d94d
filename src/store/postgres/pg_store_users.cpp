// PgStore: users (with the streaming, filtered query) and their license assignments.
#include <algorithm>
#include <unordered_map>

#include "store/filter_sql.h"
#include "store/user_selection.h"
#include "store/license_names.h"
#include "store/postgres/pg_store.h"
#include "store/user_keys.h"
#include "tenant/text.h"

namespace plush::store::postgres {

using namespace plush::tenant;

namespace {

constexpr int kBatch = 500;  // rows read per query while streaming; bounds memory

const char* const kUserColumns = userColumns(SqlDialect::Postgres, UserRow::WithLicenses);
// Without licenses: forEachUser reads those for a whole page in one query.
const char* const kUserPageColumns = userColumns(SqlDialect::Postgres, UserRow::WithoutLicenses);

UserRecord readUser(const Rows& r, int i) {
  UserRecord rec;
  rec.pk = r.integer(i, 0);
  User& u = rec.user;
  u.Id = r.text(i, 1);
  u.UserPrincipalName = r.text(i, 2);
  u.DisplayName = r.text(i, 3);
  u.Department = r.text(i, 4);
  u.UsageLocation = r.text(i, 5);
  u.UserType = r.text(i, 6);
  u.AccountEnabled = r.integer(i, 7) != 0;
  u.LastSignIn = r.text(i, 8);
  u.DeletedOn = r.text(i, 9);
  u.State = u.DeletedOn.empty() ? "Active" : "SoftDeleted";
  u.Licenses = sortedSkus(r.text(i, 10));
  return rec;
}

}  // namespace

std::optional<UserRecord> PgStore::oneUser(const Rows& r) {
  if (r.empty()) return std::nullopt;
  return readUser(r, 0);
}

std::optional<UserRecord> PgStore::userByKey(const char* columns, UserKey key, const std::string& value) {
  return oneUser(db_.query(std::string(columns) + (key == UserKey::Upn ? "WHERE fold(u.upn) = fold(?)" : "WHERE fold(u.id) = fold(?)"),
                           {value}));
}

std::optional<UserRecord> PgStore::userByRowId(const char* columns, int64_t pk) {
  return oneUser(db_.query(std::string(columns) + "WHERE u.pk = ?", {pk}));
}

std::optional<UserRecord> PgStore::findUser(UserKey key, const std::string& value) {
  return userByKey(kUserColumns, key, value);
}

std::optional<UserRecord> PgStore::userByPk(int64_t pk) { return userByRowId(kUserColumns, pk); }

// A pipeline into a change names each listed user again at once (Get-User | Set-UserLicense):
// answered from the page, that costs no round trip to the server.
std::optional<UserRecord> PgStore::findUserRow(UserKey key, const std::string& value) {
  if (key == UserKey::Upn)
    if (std::optional<UserRecord> listed = listedUser(value)) return listed;
  return userByKey(kUserPageColumns, key, value);
}

// A user of the page just listed, while nothing can have changed it since: no user row written
// through this connection, no commit by another one (the data version, read before the page).
std::optional<UserRecord> PgStore::listedUser(const std::string& upn) {
  if (!listed_.rows || listed_.userWrites != userWrites_ || listed_.version != dataVersion()) return std::nullopt;
  const std::vector<UserRecord>& rows = *listed_.rows;
  size_t at = listed_.next < rows.size() && iequals(rows[listed_.next].user.UserPrincipalName, upn)
                  ? listed_.next
                  : std::find_if(rows.begin(), rows.end(),
                                 [&](const UserRecord& r) { return iequals(r.user.UserPrincipalName, upn); }) -
                        rows.begin();
  if (at == rows.size()) return std::nullopt;
  listed_.next = at + 1;
  UserRecord row = rows[at];
  row.user.Licenses.clear();  // as findUserRow promises: a change reads the assignments itself
  return row;
}

std::optional<UserRecord> PgStore::userRowByPk(int64_t pk) { return userByRowId(kUserPageColumns, pk); }

std::vector<UserRecord> PgStore::usersDeletedBy(const std::string& cutoff) {
  Rows r = db_.query(std::string(kUserColumns) + "WHERE u.deleted_on IS NOT NULL AND u.deleted_on <= ? ORDER BY fold(u.upn)",
                     {cutoff});
  std::vector<UserRecord> out;
  for (int i = 0; i < r.size(); ++i) out.push_back(readUser(r, i));
  return out;
}

// Keyed between its UPN neighbours as the SQLite store keys users (store/user_keys.h): member and
// error listings go by key, and come out in the same order from both stores. Without room, the next
// key after the largest (SQLite's next rowid).
int64_t PgStore::insertUser(const User& u) {
  ++userWrites_;
  if (u.DeletedOn.empty()) adjustUserCount(+1);
  Rows near = db_.query("SELECT (SELECT pk FROM users WHERE fold(upn) < fold(?) ORDER BY fold(upn) DESC LIMIT 1), "
                        "(SELECT pk FROM users WHERE fold(upn) > fold(?) ORDER BY fold(upn) LIMIT 1)",
                        {u.UserPrincipalName, u.UserPrincipalName});
  auto key = [&](int column) { return near.isNull(0, column) ? std::nullopt : std::optional<int64_t>(near.integer(0, column)); };
  std::optional<int64_t> between = keyBetween(key(0), key(1));
  SqlParam wanted = between ? SqlParam{*between} : SqlParam{};
  return db_.query("INSERT INTO users(pk, id, upn, display_name, department, usage_location, user_type, account_enabled, "
                   "last_sign_in, deleted_on) VALUES (COALESCE((SELECT ?::bigint WHERE NOT EXISTS "
                   "(SELECT 1 FROM users WHERE pk = ?::bigint)), (SELECT COALESCE(max(pk), 0) + 1 FROM users)), "
                   "?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING pk",
                   {wanted, wanted, u.Id, u.UserPrincipalName, u.DisplayName, nullIfEmpty(u.Department),
                    nullIfEmpty(u.UsageLocation), u.UserType, int64_t{u.AccountEnabled}, nullIfEmpty(u.LastSignIn),
                    nullIfEmpty(u.DeletedOn)})
      .integer(0, 0);
}

// The tenant's count of active users, kept with every insert, delete, soft delete and restore.
void PgStore::adjustUserCount(int64_t delta) {
  db_.query("UPDATE tenant SET user_count = user_count + ? WHERE id = 1", {delta});
}

bool PgStore::isActiveUser(int64_t pk) {
  Rows r = db_.query("SELECT (deleted_on IS NULL)::int FROM users WHERE pk = ?", {pk});
  return !r.empty() && r.integer(0, 0) != 0;
}

// A soft-deleted user leaves the member counts of its groups; the memberships are kept for the restore.
void PgStore::updateUser(const UserRecord& r) {
  ++userWrites_;
  const User& u = r.user;
  bool wasActive = isActiveUser(r.pk);
  if (wasActive != u.DeletedOn.empty()) {
    adjustMemberCountsOf(r.pk, wasActive ? -1 : +1);
    adjustUserCount(wasActive ? -1 : +1);
  }
  db_.query("UPDATE users SET upn = ?, display_name = ?, department = ?, usage_location = ?, user_type = ?, "
            "account_enabled = ?, last_sign_in = ?, deleted_on = ?, id = ? WHERE pk = ?",
            {u.UserPrincipalName, u.DisplayName, nullIfEmpty(u.Department), nullIfEmpty(u.UsageLocation), u.UserType,
             int64_t{u.AccountEnabled}, nullIfEmpty(u.LastSignIn), nullIfEmpty(u.DeletedOn), u.Id, r.pk});
}

void PgStore::deleteUser(int64_t pk) {
  ++userWrites_;
  if (isActiveUser(pk)) {
    adjustMemberCountsOf(pk, -1);
    adjustUserCount(-1);
  }
  db_.query("DELETE FROM users WHERE pk = ?", {pk});
}

// The active SKUs of a page of users in one query (one prepared statement for any page size: the
// page's pks go as one array); names come from `skus` (pk -> SkuPartNumber).
void PgStore::addLicenses(std::vector<UserRecord>& page, const std::unordered_map<int64_t, std::string>& skus) {
  if (page.empty()) return;
  std::unordered_map<int64_t, size_t> byPk;
  std::string array = "{";
  for (size_t i = 0; i < page.size(); ++i) {
    byPk.emplace(page[i].pk, i);
    array += (i ? "," : "") + std::to_string(page[i].pk);
  }
  Rows r = db_.query("SELECT a.user_pk, a.product_pk FROM assignments a WHERE a.state = 'Active' "
                     "AND a.user_pk = ANY(?::bigint[])",
                     {array + "}"});
  for (int i = 0; i < r.size(); ++i) {
    auto sku = skus.find(r.integer(i, 1));
    if (sku != skus.end()) page[byPk.at(r.integer(i, 0))].user.Licenses.push_back(sku->second);
  }
  for (UserRecord& u : page) sortUnique(u.user.Licenses);
}

// Keyset pages in UPN order (fold(upn) is unique): each page is one short read, and the caller's
// callback runs with no query open, so it may change the store (a pipeline into Set-UserLicense).
void PgStore::forEachUser(const UserSelection& sel, const std::function<bool(const UserRecord&)>& each) {
  SqlCondition where = userSelection(sel, SqlDialect::Postgres);
  size_t batch = sel.query.first > 0 ? std::min<size_t>(sel.query.first, kBatch) : kBatch;
  std::string sql = std::string(kUserPageColumns) + "WHERE " + where.sql +
                    " AND fold(u.upn) > fold(?) ORDER BY fold(u.upn) LIMIT " + std::to_string(batch);
  size_t seen = 0;
  std::string after;
  // Product names for the pages, read again whenever products may have changed since: through this
  // connection (productsChanged_) or another one (the data version), e.g. from inside the pipeline.
  std::unordered_map<int64_t, std::string> skus;
  int64_t skusAt = -1, skusVersion = -1;
  for (;;) {
    int64_t version = dataVersion();  // before the page is read: a commit by another connection after it moves it
    if (skusAt != productsChanged_ || skusVersion != version) {
      skus.clear();
      Rows products = db_.query("SELECT pk, sku_part_number FROM products");
      for (int i = 0; i < products.size(); ++i) skus.emplace(products.integer(i, 0), products.text(i, 1));
      skusAt = productsChanged_;
      skusVersion = version;
    }
    std::vector<SqlParam> params = where.params;
    params.push_back(after);
    Rows rows = db_.queryOnce(sql, params);
    auto page = std::make_shared<std::vector<UserRecord>>();
    for (int i = 0; i < rows.size(); ++i) page->push_back(readUser(rows, i));
    addLicenses(*page, skus);
    listed_ = ListedPage{page, version, userWrites_};
    for (const UserRecord& r : *page)
      if (!each(r) || ++seen == sel.query.first) return;
    if (page->size() < batch) return;
    after = page->back().user.UserPrincipalName;
  }
}

namespace {

AssignmentRecord readAssignment(const Rows& r, int i) {
  AssignmentRecord a;
  a.userPk = r.integer(i, 0);
  a.productPk = r.integer(i, 1);
  a.groupPk = r.integer(i, 2);
  a.disabledPlanIds = splitList(r.text(i, 3), ',');
  a.state = r.text(i, 4);
  a.error = r.text(i, 5);
  a.message = r.text(i, 6);
  a.lastUpdated = r.text(i, 7);
  return a;
}

const char* kAssignmentColumns =
    "SELECT user_pk, product_pk, group_pk, disabled_plans, state, error, message, last_updated FROM assignments ";

}  // namespace

std::vector<AssignmentRecord> PgStore::assignments(int64_t userPk) {
  Rows r = db_.query(std::string(kAssignmentColumns) + "WHERE user_pk = ? ORDER BY product_pk, group_pk", {userPk});
  std::vector<AssignmentRecord> out;
  for (int i = 0; i < r.size(); ++i) out.push_back(readAssignment(r, i));
  return out;
}

void PgStore::putAssignment(const AssignmentRecord& a) {
  db_.query("INSERT INTO assignments(user_pk, product_pk, group_pk, disabled_plans, state, error, message, last_updated) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (user_pk, product_pk, group_pk) DO UPDATE SET "
            "disabled_plans = excluded.disabled_plans, state = excluded.state, error = excluded.error, "
            "message = excluded.message, last_updated = excluded.last_updated",
            {a.userPk, a.productPk, a.groupPk, join(a.disabledPlanIds, ","), a.state, nullIfEmpty(a.error),
             nullIfEmpty(a.message), nullIfEmpty(a.lastUpdated)});
}

void PgStore::deleteAssignment(int64_t userPk, int64_t productPk, int64_t groupPk) {
  db_.query("DELETE FROM assignments WHERE user_pk = ? AND product_pk = ? AND group_pk = ?", {userPk, productPk, groupPk});
}

void PgStore::forEachErrorAssignment(std::optional<int64_t> groupPk, std::optional<int64_t> productPk,
                                     const std::function<bool(const AssignmentRecord&)>& each) {
  SqlCondition where;
  where.add("state = 'Error'");
  if (groupPk) where.add("group_pk = ?", {*groupPk});
  if (productPk) where.add("product_pk = ?", {*productPk});
  std::string sql = std::string(kAssignmentColumns) + "WHERE " + where.sql +
                    " AND (user_pk, product_pk, group_pk) > (?, ?, ?) ORDER BY user_pk, product_pk, group_pk LIMIT " +
                    std::to_string(kBatch);
  AssignmentRecord after{0, 0, -1, {}, "", "", "", ""};
  for (;;) {
    std::vector<SqlParam> params = where.params;
    params.insert(params.end(), {after.userPk, after.productPk, after.groupPk});
    Rows r = db_.query(sql, params);
    std::vector<AssignmentRecord> page;
    for (int i = 0; i < r.size(); ++i) page.push_back(readAssignment(r, i));
    for (const AssignmentRecord& a : page)
      if (!each(a)) return;
    if (page.size() < static_cast<size_t>(kBatch)) return;
    after = page.back();
  }
}

int64_t PgStore::countGroupAssignments(int64_t groupPk, int64_t productPk, const std::string& state) {
  Rows r = db_.query("SELECT count(*) FROM assignments WHERE group_pk = ? AND product_pk = ? AND state = ?",
                     {groupPk, productPk, state});
  return r.empty() ? 0 : r.integer(0, 0);
}

}  // namespace plush::store::postgres
