// SqliteStore: groups, membership, group licenses, admin roles and bindings, and the audit log.
#include <pwd.h>
#include <unistd.h>

#include "store/filter_sql.h"
#include "store/sqlite_store.h"
#include "store/user_selection.h"
#include "tenant/text.h"

namespace plush::store {

using namespace plush::tenant;

namespace {

constexpr int kBatch = 1000;

const char* kGroupColumns =
    "SELECT g.pk, g.id, g.name, g.description, g.member_count, "
    "(SELECT group_concat(sku, ',') FROM (SELECT p.sku_part_number AS sku FROM group_licenses l "
    "JOIN products p ON p.pk = l.product_pk WHERE l.group_pk = g.pk ORDER BY sku)) FROM user_groups g ";

}  // namespace

std::vector<GroupRecord> SqliteStore::groupRows(Statement& s) {
  std::vector<GroupRecord> out;
  while (s.step()) {
    GroupRecord r;
    r.pk = s.integer(0);
    r.group = Group{s.text(1), s.text(2), s.text(3), s.integer(4), splitList(s.text(5), ',')};
    out.push_back(std::move(r));
  }
  return out;
}

std::vector<GroupRecord> SqliteStore::findGroups(GroupKey key, const std::string& value) {
  Statement s = db_.prepare(std::string(kGroupColumns) + (key == GroupKey::Name ? "WHERE g.name = ?" : "WHERE g.id = ?"));
  s.bindText(1, value);
  return groupRows(s);
}

std::vector<GroupRecord> SqliteStore::groups() {
  Statement s = db_.prepare(std::string(kGroupColumns) + "ORDER BY g.name");
  return groupRows(s);
}

std::optional<GroupRecord> SqliteStore::groupByPk(int64_t pk) {
  Statement s = db_.prepare(std::string(kGroupColumns) + "WHERE g.pk = ?");
  s.bind(1, pk);
  auto rows = groupRows(s);
  if (rows.empty()) return std::nullopt;
  return rows.front();
}

int64_t SqliteStore::insertGroup(const Group& g) {
  db_.prepare("INSERT INTO user_groups(id, name, description) VALUES (?, ?, ?)")
      .bindText(1, g.Id).bindText(2, g.DisplayName).bindOptional(3, g.Description).run();
  return db_.lastInsertRowid();
}

void SqliteStore::updateGroup(int64_t pk, const Group& g) {
  db_.prepare("UPDATE user_groups SET id = ?, name = ?, description = ? WHERE pk = ?")
      .bindText(1, g.Id).bindText(2, g.DisplayName).bindOptional(3, g.Description).bind(4, pk).run();
}

void SqliteStore::deleteGroup(int64_t pk) { db_.prepare("DELETE FROM user_groups WHERE pk = ?").bind(1, pk).run(); }

bool SqliteStore::isMember(int64_t groupPk, int64_t userPk) {
  Statement s = db_.prepare("SELECT 1 FROM group_members WHERE group_pk = ? AND user_pk = ?");
  s.bind(1, groupPk).bind(2, userPk);
  return s.step();
}

void SqliteStore::addMember(int64_t groupPk, int64_t userPk) {
  db_.prepare("INSERT OR IGNORE INTO group_members(group_pk, user_pk) VALUES (?, ?)").bind(1, groupPk).bind(2, userPk).run();
  if (db_.changes() > 0 && isActiveUser(userPk)) adjustMemberCount(groupPk, +1);  // soft-deleted: counted on restore
}

void SqliteStore::adjustMemberCountsOf(int64_t userPk, int64_t delta) {
  db_.prepare("UPDATE user_groups SET member_count = member_count + ? "
              "WHERE pk IN (SELECT group_pk FROM group_members WHERE user_pk = ?)")
      .bind(1, delta).bind(2, userPk).run();
}

void SqliteStore::adjustMemberCount(int64_t groupPk, int64_t delta) {
  db_.prepare("UPDATE user_groups SET member_count = member_count + ? WHERE pk = ?").bind(1, delta).bind(2, groupPk).run();
}

void SqliteStore::removeMember(int64_t groupPk, int64_t userPk) {
  db_.prepare("DELETE FROM group_members WHERE group_pk = ? AND user_pk = ?").bind(1, groupPk).bind(2, userPk).run();
  if (db_.changes() > 0 && isActiveUser(userPk)) adjustMemberCount(groupPk, -1);
}

std::vector<int64_t> SqliteStore::groupsOf(int64_t userPk) {
  Statement s = db_.prepare("SELECT group_pk FROM group_members WHERE user_pk = ? ORDER BY group_pk");
  s.bind(1, userPk);
  std::vector<int64_t> out;
  while (s.step()) out.push_back(s.integer(0));
  return out;
}

void SqliteStore::forEachMember(int64_t groupPk, const std::function<bool(int64_t)>& each) {
  Statement s = db_.prepare("SELECT user_pk FROM group_members WHERE group_pk = ? AND user_pk > ? ORDER BY user_pk LIMIT " +
                            std::to_string(kBatch));
  int64_t after = 0;
  for (;;) {
    s.bind(1, groupPk).bind(2, after);
    std::vector<int64_t> page;
    while (s.step()) page.push_back(s.integer(0));
    s.reset();
    for (int64_t pk : page)
      if (!each(pk)) return;
    if (page.size() < static_cast<size_t>(kBatch)) return;
    after = page.back();
  }
}

std::vector<GroupLicenseRecord> SqliteStore::groupLicenses(int64_t groupPk) {
  Statement s = db_.prepare("SELECT l.group_pk, l.product_pk, l.disabled_plans FROM group_licenses l "
                            "JOIN products p ON p.pk = l.product_pk WHERE l.group_pk = ? ORDER BY p.sku_part_number");
  s.bind(1, groupPk);
  std::vector<GroupLicenseRecord> out;
  while (s.step()) out.push_back(GroupLicenseRecord{s.integer(0), s.integer(1), splitList(s.text(2), ',')});
  return out;
}

void SqliteStore::putGroupLicense(const GroupLicenseRecord& l) {
  db_.prepare("INSERT OR REPLACE INTO group_licenses(group_pk, product_pk, disabled_plans) VALUES (?, ?, ?)")
      .bind(1, l.groupPk).bind(2, l.productPk).bindText(3, join(l.disabledPlanIds, ",")).run();
}

void SqliteStore::deleteGroupLicense(int64_t groupPk, int64_t productPk) {
  db_.prepare("DELETE FROM group_licenses WHERE group_pk = ? AND product_pk = ?").bind(1, groupPk).bind(2, productPk).run();
}

std::vector<std::string> SqliteStore::rolesOf(int64_t userPk) {
  Statement s = db_.prepare("SELECT role FROM admin_roles WHERE user_pk = ? ORDER BY role");
  s.bind(1, userPk);
  std::vector<std::string> out;
  while (s.step()) out.push_back(s.text(0));
  return out;
}

std::vector<int64_t> SqliteStore::roleMembers(const std::string& role) {
  Statement s = db_.prepare("SELECT user_pk FROM admin_roles WHERE role = ? ORDER BY added, user_pk");
  s.bindText(1, role);
  std::vector<int64_t> out;
  while (s.step()) out.push_back(s.integer(0));
  return out;
}

void SqliteStore::addRole(const std::string& role, int64_t userPk) {
  db_.prepare("INSERT OR IGNORE INTO admin_roles(role, user_pk, added) "
              "VALUES (?, ?, (SELECT IFNULL(max(added), 0) + 1 FROM admin_roles))")
      .bindText(1, role).bind(2, userPk).run();
}

void SqliteStore::removeRole(const std::string& role, int64_t userPk) {
  db_.prepare("DELETE FROM admin_roles WHERE role = ? AND user_pk = ?").bindText(1, role).bind(2, userPk).run();
}

// A SQLite file has no logins of its own: the OS account that opened it stands for one.
std::string SqliteStore::login() {
  const passwd* account = getpwuid(geteuid());
  return account ? account->pw_name : "uid " + std::to_string(geteuid());
}

std::vector<std::pair<std::string, int64_t>> SqliteStore::bindings() {
  Statement s = db_.prepare("SELECT login, user_pk FROM admin_bindings ORDER BY login, added");
  std::vector<std::pair<std::string, int64_t>> out;
  while (s.step()) out.emplace_back(s.text(0), s.integer(1));
  return out;
}

void SqliteStore::addBinding(const std::string& login, int64_t userPk) {
  db_.prepare("INSERT OR IGNORE INTO admin_bindings(login, user_pk, added) "
              "VALUES (?, ?, (SELECT IFNULL(max(added), 0) + 1 FROM admin_bindings))")
      .bindText(1, login).bind(2, userPk).run();
}

void SqliteStore::removeBinding(const std::string& login, int64_t userPk) {
  db_.prepare("DELETE FROM admin_bindings WHERE login = ? AND user_pk = ?").bindText(1, login).bind(2, userPk).run();
}

void SqliteStore::appendAudit(const AuditEntry& e) {
  db_.prepare("INSERT INTO audit(time, actor, action, target, detail, before_state, login) VALUES (?, ?, ?, ?, ?, ?, ?)")
      .bindText(1, e.Time).bindText(2, e.Actor).bindText(3, e.Action).bindText(4, e.Target).bindText(5, e.Detail)
      .bindOptional(6, e.Before).bindOptional(7, e.Login).run();
}

// Rows a statement: each INSERT opens a cursor on the table and on each of its three indexes, which
// cost more than the row itself when it is written alone.
void SqliteStore::appendAudits(const std::vector<AuditEntry>& entries) {
  constexpr size_t kRows = 64;
  static const std::string many = [] {
    std::string sql =
        "INSERT INTO audit(time, actor, action, target, detail, before_state, login) VALUES (?, ?, ?, ?, ?, ?, ?)";
    for (size_t i = 1; i < kRows; ++i) sql += ", (?, ?, ?, ?, ?, ?, ?)";
    return sql;
  }();
  size_t at = 0;
  for (; at + kRows <= entries.size(); at += kRows) {
    Statement s = db_.prepare(many);
    for (size_t i = 0; i < kRows; ++i) {
      const AuditEntry& e = entries[at + i];
      int p = static_cast<int>(i * 7);
      s.bindText(p + 1, e.Time).bindText(p + 2, e.Actor).bindText(p + 3, e.Action).bindText(p + 4, e.Target)
          .bindText(p + 5, e.Detail).bindOptional(p + 6, e.Before).bindOptional(p + 7, e.Login);
    }
    s.run();
  }
  for (; at < entries.size(); ++at) appendAudit(entries[at]);
}

void SqliteStore::clearAudit() { db_.exec("DELETE FROM audit"); }

int64_t SqliteStore::lastAuditSequence() { return count("SELECT IFNULL(max(pk), 0) FROM audit"); }

// Oldest first; with `last`, only the newest `last` entries (still oldest first).
void SqliteStore::forEachAudit(const AuditQuery& q, const std::function<bool(const AuditEntry&)>& each) {
  SqlCondition where;
  where.add("1");
  if (!q.since.empty()) where.add("time >= ?", {q.since});
  matchText(where, "actor", q.actor, SqlDialect::Sqlite);
  matchText(where, "target", q.target, SqlDialect::Sqlite);
  int64_t after = q.afterSequence;
  if (q.afterSequence > 0) where.add("pk > ?", {q.afterSequence});
  if (q.last > 0) {
    Statement first = db_.prepareOnce("SELECT pk FROM audit WHERE " + where.sql + " ORDER BY pk DESC LIMIT 1 OFFSET ?");
    bindAll(first, where.params);
    first.bind(static_cast<int>(where.params.size()) + 1, q.last);
    after = first.step() ? first.integer(0) : q.afterSequence;
  }
  Statement s = db_.prepareOnce("SELECT pk, time, actor, action, target, detail, before_state, login FROM audit WHERE " + where.sql +
                                " AND pk > ? ORDER BY pk LIMIT " + std::to_string(kBatch));
  for (;;) {
    bindAll(s, where.params);
    s.bind(static_cast<int>(where.params.size()) + 1, after);
    std::vector<std::pair<int64_t, AuditEntry>> page;
    while (s.step())
      page.push_back({s.integer(0), AuditEntry{s.text(1), s.text(2), s.text(3), s.text(4), s.text(5), s.integer(0),
                                                s.text(6), s.text(7)}});
    s.reset();
    for (const auto& [pk, e] : page)
      if (!each(e)) return;
    if (page.size() < static_cast<size_t>(kBatch)) return;
    after = page.back().first;
  }
}

}  // namespace plush::store
