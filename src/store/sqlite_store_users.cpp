// SqliteStore: users (with the streaming, filtered query) and their license assignments.
#include <algorithm>
#include <unordered_map>

#include "store/filter_sql.h"
#include "store/user_selection.h"
#include "store/license_names.h"
#include "store/sqlite_store.h"
#include "store/user_keys.h"
#include "tenant/text.h"

namespace plush::store {

using namespace plush::tenant;

namespace {

constexpr int kBatch = 500;  // rows read per query while streaming; bounds memory

const char* const kUserColumns = userColumns(SqlDialect::Sqlite, UserRow::WithLicenses);
// A page of users without their licenses (forEachUser reads those for the whole page at once), so
// that the users_listing index covers the query: the page is then a run of index pages in UPN
// order, not a table row fetched at random per user.
const char* const kUserPageColumns = userColumns(SqlDialect::Sqlite, UserRow::WithoutLicenses);

UserRecord readUser(const Statement& s) {
  UserRecord r;
  r.pk = s.integer(0);
  User& u = r.user;
  u.Id = s.text(1);
  u.UserPrincipalName = s.text(2);
  u.DisplayName = s.text(3);
  u.Department = s.text(4);
  u.UsageLocation = s.text(5);
  u.UserType = s.text(6);
  u.AccountEnabled = s.integer(7) != 0;
  u.LastSignIn = s.text(8);
  u.DeletedOn = s.text(9);
  u.State = u.DeletedOn.empty() ? "Active" : "SoftDeleted";
  u.Licenses = sortedSkus(s.text(10));
  return r;
}

}  // namespace

std::optional<UserRecord> SqliteStore::oneUser(Statement& s) {
  if (!s.step()) return std::nullopt;
  return readUser(s);
}

// One user by UPN or object id, with `columns` (kUserColumns: with Licenses; kUserPageColumns: without).
std::optional<UserRecord> SqliteStore::userByKey(const char* columns, UserKey key, const std::string& value) {
  Statement s = db_.prepare(std::string(columns) + (key == UserKey::Upn ? "WHERE u.upn = ?" : "WHERE u.id = ?"));
  s.bindText(1, value);
  return oneUser(s);
}

std::optional<UserRecord> SqliteStore::userByRowId(const char* columns, int64_t pk) {
  Statement s = db_.prepare(std::string(columns) + "WHERE u.pk = ?");
  s.bind(1, pk);
  return oneUser(s);
}

std::optional<UserRecord> SqliteStore::findUser(UserKey key, const std::string& value) {
  return userByKey(kUserColumns, key, value);
}

std::optional<UserRecord> SqliteStore::userByPk(int64_t pk) { return userByRowId(kUserColumns, pk); }

// A pipeline into a change names each listed user again at once (Get-User | Set-UserLicense):
// answered from the page, that costs no query (it was a tenth of a bulk run).
std::optional<UserRecord> SqliteStore::findUserRow(UserKey key, const std::string& value) {
  if (key == UserKey::Upn)
    if (std::optional<UserRecord> listed = listedUser(value)) return listed;
  return userByKey(kUserPageColumns, key, value);
}

std::optional<UserRecord> SqliteStore::userRowByPk(int64_t pk) { return userByRowId(kUserPageColumns, pk); }

std::vector<UserRecord> SqliteStore::usersDeletedBy(const std::string& cutoff) {
  // +u.upn (still NOCASE): sorting the few deleted users beats scanning the listing index in UPN order.
  Statement s = db_.prepare(std::string(kUserColumns) + "WHERE u.deleted_on IS NOT NULL AND u.deleted_on <= ? ORDER BY +u.upn");
  s.bindText(1, cutoff);
  std::vector<UserRecord> out;
  while (s.step()) out.push_back(readUser(s));
  return out;
}

// The new user's key follows its UPN (store/user_keys.h); NULL lets SQLite pick one when there is no room.
int64_t SqliteStore::insertUser(const User& u) {
  std::optional<int64_t> key = keyForNewUser(db_, u.UserPrincipalName);
  Statement insert = db_.prepare("INSERT INTO users(pk, id, upn, display_name, department, usage_location, user_type, "
                                 "account_enabled, last_sign_in, deleted_on) VALUES (?10, ?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)");
  if (key) insert.bind(10, *key);
  else insert.bindNull(10);
  insert.bindText(1, u.Id).bindText(2, u.UserPrincipalName).bindText(3, u.DisplayName).bindOptional(4, u.Department)
      .bindOptional(5, u.UsageLocation).bindText(6, u.UserType).bind(7, int64_t{u.AccountEnabled})
      .bindOptional(8, u.LastSignIn).bindOptional(9, u.DeletedOn).run();
  int64_t pk = db_.lastInsertRowid();
  ++userWrites_;
  if (u.DeletedOn.empty()) adjustUserCount(+1);
  return pk;
}

// The tenant's count of active users, kept with every insert, delete, soft delete and restore.
void SqliteStore::adjustUserCount(int64_t delta) {
  db_.prepare("UPDATE tenant SET user_count = user_count + ? WHERE id = 1").bind(1, delta).run();
}

bool SqliteStore::isActiveUser(int64_t pk) {
  Statement s = db_.prepare("SELECT deleted_on IS NULL FROM users WHERE pk = ?");
  s.bind(1, pk);
  return s.step() && s.integer(0) != 0;
}

// A soft-deleted user leaves the member counts of its groups (as in Entra ID, where it is no
// member until restored); the memberships themselves are kept for the restore.
void SqliteStore::updateUser(const UserRecord& r) {
  const User& u = r.user;
  ++userWrites_;
  bool wasActive = isActiveUser(r.pk);
  if (wasActive != u.DeletedOn.empty()) {
    adjustMemberCountsOf(r.pk, wasActive ? -1 : +1);
    adjustUserCount(wasActive ? -1 : +1);
  }
  db_.prepare("UPDATE users SET upn = ?, display_name = ?, department = ?, usage_location = ?, user_type = ?, "
              "account_enabled = ?, last_sign_in = ?, deleted_on = ?, id = ? WHERE pk = ?")
      .bindText(1, u.UserPrincipalName).bindText(2, u.DisplayName).bindOptional(3, u.Department)
      .bindOptional(4, u.UsageLocation).bindText(5, u.UserType).bind(6, int64_t{u.AccountEnabled})
      .bindOptional(7, u.LastSignIn).bindOptional(8, u.DeletedOn).bindText(9, u.Id).bind(10, r.pk).run();
}

// Memberships go by cascade; the kept member counts are lowered first (a soft-deleted user's were
// lowered when it was deleted).
void SqliteStore::deleteUser(int64_t pk) {
  ++userWrites_;
  if (isActiveUser(pk)) {
    adjustMemberCountsOf(pk, -1);
    adjustUserCount(-1);
  }
  db_.prepare("DELETE FROM users WHERE pk = ?").bind(1, pk).run();
}

// The active SKUs of a page of users in one query: one statement for the page instead of a
// correlated subquery per user. Product names come from `skus` (pk -> SkuPartNumber), not from a
// join per assignment.
void SqliteStore::addLicenses(std::vector<UserRecord>& page, const std::unordered_map<int64_t, std::string>& skus) {
  if (page.empty()) return;
  std::vector<std::pair<int64_t, size_t>> byPk;
  for (size_t i = 0; i < page.size(); ++i) byPk.push_back({page[i].pk, i});
  std::sort(byPk.begin(), byPk.end());
  std::string sql = "SELECT a.user_pk, a.product_pk FROM assignments a WHERE a.state = 'Active' AND a.user_pk IN (?";
  for (size_t i = 1; i < page.size(); ++i) sql += ",?";
  // Full pages share one cached statement; the shorter last page of a query is prepared once.
  Statement s = page.size() == static_cast<size_t>(kBatch) ? db_.prepare(sql + ")") : db_.prepareOnce(sql + ")");
  for (size_t i = 0; i < byPk.size(); ++i) s.bind(static_cast<int>(i + 1), byPk[i].first);
  while (s.step()) {
    auto it = std::lower_bound(byPk.begin(), byPk.end(), std::make_pair(s.integer(0), size_t{0}));
    auto sku = skus.find(s.integer(1));
    if (sku == skus.end()) continue;  // cannot be: an assignment's product exists (foreign key)
    page[it->second].user.Licenses.push_back(sku->second);
  }
  for (UserRecord& r : page) sortUnique(r.user.Licenses);
}

// Keyset pages over the UPN index: each page is one short read, and the caller's callback
// runs with no statement open, so it may change the store (a pipeline into Set-UserLicense).
void SqliteStore::forEachUser(const UserSelection& sel, const std::function<bool(const UserRecord&)>& each) {
  SqlCondition where = userSelection(sel, SqlDialect::Sqlite);
  size_t batch = sel.query.first > 0 ? std::min<size_t>(sel.query.first, kBatch) : kBatch;
  // Deleted users are few: found by users_deleted and sorted (+u.upn, still NOCASE) rather than
  // picked out of a walk over every user in UPN order.
  const char* upn = sel.query.deleted ? "+u.upn" : "u.upn";
  Statement s = db_.prepareOnce(std::string(kUserPageColumns) + "WHERE " + where.sql + " AND " + upn + " > ? ORDER BY " +
                                upn + " LIMIT " + std::to_string(batch));
  size_t seen = 0;
  std::string after;
  // Product names for the pages, read again whenever products may have changed since: through
  // this connection (productsChanged_) or another one (data_version), e.g. from inside the pipeline.
  std::unordered_map<int64_t, std::string> skus;
  int64_t skusAt = -1, skusVersion = -1;
  for (;;) {
    int64_t version = dataVersion();  // before the page is read: a commit by another process after it moves it
    if (skusAt != productsChanged_ || skusVersion != version) {
      skus.clear();
      Statement products = db_.prepare("SELECT pk, sku_part_number FROM products");
      while (products.step()) skus.emplace(products.integer(0), products.text(1));
      skusAt = productsChanged_;
      skusVersion = version;
    }
    bindAll(s, where.params);
    s.bindText(static_cast<int>(where.params.size()) + 1, after);
    auto page = std::make_shared<std::vector<UserRecord>>();
    while (s.step()) page->push_back(readUser(s));
    s.reset();
    addLicenses(*page, skus);
    listed_ = ListedPage{page, version, userWrites_};
    for (const UserRecord& r : *page)
      if (!each(r) || ++seen == sel.query.first) return;
    if (page->size() < batch) return;
    after = page->back().user.UserPrincipalName;
  }
}

// A user of the page just listed, while nothing can have changed it since: no user row written
// through this connection, no commit by another one.
std::optional<UserRecord> SqliteStore::listedUser(const std::string& upn) {
  if (!listed_.rows || listed_.userWrites != userWrites_ || listed_.version != dataVersion()) return std::nullopt;
  const std::vector<UserRecord>& rows = *listed_.rows;
  auto it = std::lower_bound(rows.begin(), rows.end(), upn,
                             [](const UserRecord& r, const std::string& u) { return lessNoCase(r.user.UserPrincipalName, u); });
  if (it == rows.end() || lessNoCase(upn, it->user.UserPrincipalName)) return std::nullopt;
  UserRecord row = *it;
  row.user.Licenses.clear();  // as findUserRow promises: a change reads the assignments itself
  return row;
}

namespace {

AssignmentRecord readAssignment(const Statement& s) {
  AssignmentRecord a;
  a.userPk = s.integer(0);
  a.productPk = s.integer(1);
  a.groupPk = s.integer(2);
  a.disabledPlanIds = splitList(s.text(3), ',');
  a.state = s.text(4);
  a.error = s.text(5);
  a.message = s.text(6);
  a.lastUpdated = s.text(7);
  return a;
}

const char* kAssignmentColumns =
    "SELECT user_pk, product_pk, group_pk, disabled_plans, state, error, message, last_updated FROM assignments ";

}  // namespace

std::vector<AssignmentRecord> SqliteStore::assignments(int64_t userPk) {
  Statement s = db_.prepare(std::string(kAssignmentColumns) + "WHERE user_pk = ? ORDER BY product_pk, group_pk");
  s.bind(1, userPk);
  std::vector<AssignmentRecord> out;
  while (s.step()) out.push_back(readAssignment(s));
  return out;
}

// A page of members at a time: their pks, their rows and their assignments in three queries, so a
// group license reaching 100,000 members reads 600 statements instead of 200,000.
void SqliteStore::forEachMemberRow(int64_t groupPk,
                                   const std::function<bool(const UserRecord&, std::vector<AssignmentRecord>)>& each) {
  constexpr int kPage = 500;
  const char* inPage = " IN (SELECT user_pk FROM group_members WHERE group_pk = ?1 AND user_pk > ?2 AND user_pk <= ?3)";
  Statement pks = db_.prepare("SELECT user_pk FROM group_members WHERE group_pk = ? AND user_pk > ? ORDER BY user_pk LIMIT " +
                              std::to_string(kPage));
  Statement users = db_.prepare(std::string(kUserPageColumns) + "WHERE u.pk" + inPage + " ORDER BY u.pk");
  Statement rows = db_.prepare(std::string(kAssignmentColumns) + "WHERE user_pk" + inPage +
                               " ORDER BY user_pk, product_pk, group_pk");
  int64_t after = 0;
  for (;;) {
    pks.bind(1, groupPk).bind(2, after);
    int64_t last = after, count = 0;
    while (pks.step()) last = pks.integer(0), ++count;
    pks.reset();
    if (count == 0) return;
    std::vector<UserRecord> members;
    users.bind(1, groupPk).bind(2, after).bind(3, last);
    while (users.step()) members.push_back(readUser(users));
    users.reset();
    std::vector<AssignmentRecord> held;
    rows.bind(1, groupPk).bind(2, after).bind(3, last);
    while (rows.step()) held.push_back(readAssignment(rows));
    rows.reset();
    size_t next = 0;
    for (const UserRecord& u : members) {
      std::vector<AssignmentRecord> mine;
      while (next < held.size() && held[next].userPk < u.pk) ++next;
      while (next < held.size() && held[next].userPk == u.pk) mine.push_back(std::move(held[next++]));
      if (!each(u, std::move(mine))) return;
    }
    if (count < kPage) return;
    after = last;
  }
}

void SqliteStore::putAssignment(const AssignmentRecord& a) {
  db_.prepare("INSERT OR REPLACE INTO assignments(user_pk, product_pk, group_pk, disabled_plans, state, error, message, "
              "last_updated) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
      .bind(1, a.userPk).bind(2, a.productPk).bind(3, a.groupPk).bindText(4, join(a.disabledPlanIds, ","))
      .bindText(5, a.state).bindOptional(6, a.error).bindOptional(7, a.message).bindOptional(8, a.lastUpdated).run();
}

// A plain INSERT: OR REPLACE looks for the row to replace in every index first (77 steps of SQLite's
// program instead of 128).
void SqliteStore::insertAssignment(const AssignmentRecord& a) {
  db_.prepare("INSERT INTO assignments(user_pk, product_pk, group_pk, disabled_plans, state, error, message, "
              "last_updated) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
      .bind(1, a.userPk).bind(2, a.productPk).bind(3, a.groupPk).bindText(4, join(a.disabledPlanIds, ","))
      .bindText(5, a.state).bindOptional(6, a.error).bindOptional(7, a.message).bindOptional(8, a.lastUpdated).run();
}

void SqliteStore::deleteAssignment(int64_t userPk, int64_t productPk, int64_t groupPk) {
  db_.prepare("DELETE FROM assignments WHERE user_pk = ? AND product_pk = ? AND group_pk = ?")
      .bind(1, userPk).bind(2, productPk).bind(3, groupPk).run();
}

void SqliteStore::forEachErrorAssignment(std::optional<int64_t> groupPk, std::optional<int64_t> productPk,
                                         const std::function<bool(const AssignmentRecord&)>& each) {
  SqlCondition where;
  where.add("state = 'Error'");
  if (groupPk) where.add("group_pk = ?", {*groupPk});
  if (productPk) where.add("product_pk = ?", {*productPk});
  Statement s = db_.prepareOnce(std::string(kAssignmentColumns) + "WHERE " + where.sql +
                                " AND (user_pk, product_pk, group_pk) > (?, ?, ?) "
                                "ORDER BY user_pk, product_pk, group_pk LIMIT " + std::to_string(kBatch));
  AssignmentRecord after{0, 0, -1, {}, "", "", "", ""};
  for (;;) {
    bindAll(s, where.params);
    int n = static_cast<int>(where.params.size());
    s.bind(n + 1, after.userPk).bind(n + 2, after.productPk).bind(n + 3, after.groupPk);
    std::vector<AssignmentRecord> page;
    while (s.step()) page.push_back(readAssignment(s));
    s.reset();
    for (const AssignmentRecord& a : page)
      if (!each(a)) return;
    if (page.size() < static_cast<size_t>(kBatch)) return;
    after = page.back();
  }
}

int64_t SqliteStore::countGroupAssignments(int64_t groupPk, int64_t productPk, const std::string& state) {
  Statement s = db_.prepare("SELECT count(*) FROM assignments WHERE group_pk = ? AND product_pk = ? AND state = ?");
  s.bind(1, groupPk).bind(2, productPk).bindText(3, state);
  return s.step() ? s.integer(0) : 0;
}

}  // namespace plush::store
