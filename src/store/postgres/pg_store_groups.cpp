// PgStore: groups, membership, group licenses, admin roles and bindings, and the audit log.
#include "store/filter_sql.h"
#include "store/postgres/pg_store.h"
#include "store/user_selection.h"
#include "tenant/text.h"

namespace plush::store::postgres {

using namespace plush::tenant;

namespace {

constexpr int kBatch = 1000;

const char* kGroupColumns =
    "SELECT g.pk, g.id, g.name, g.description, g.member_count, "
    "(SELECT string_agg(p.sku_part_number, ',' ORDER BY fold(p.sku_part_number)) FROM group_licenses l "
    "JOIN products p ON p.pk = l.product_pk WHERE l.group_pk = g.pk) FROM user_groups g ";

std::vector<int64_t> column0(const Rows& r) {
  std::vector<int64_t> out;
  for (int i = 0; i < r.size(); ++i) out.push_back(r.integer(i, 0));
  return out;
}

}  // namespace

std::vector<GroupRecord> PgStore::groupRows(const Rows& r) {
  std::vector<GroupRecord> out;
  for (int i = 0; i < r.size(); ++i) {
    GroupRecord g;
    g.pk = r.integer(i, 0);
    g.group = Group{r.text(i, 1), r.text(i, 2), r.text(i, 3), r.integer(i, 4), splitList(r.text(i, 5), ',')};
    out.push_back(std::move(g));
  }
  return out;
}

std::vector<GroupRecord> PgStore::findGroups(GroupKey key, const std::string& value) {
  return groupRows(db_.query(
      std::string(kGroupColumns) + (key == GroupKey::Name ? "WHERE fold(g.name) = fold(?)" : "WHERE fold(g.id) = fold(?)"),
      {value}));
}

std::vector<GroupRecord> PgStore::groups() { return groupRows(db_.query(std::string(kGroupColumns) + "ORDER BY fold(g.name)")); }

std::optional<GroupRecord> PgStore::groupByPk(int64_t pk) {
  auto rows = groupRows(db_.query(std::string(kGroupColumns) + "WHERE g.pk = ?", {pk}));
  if (rows.empty()) return std::nullopt;
  return rows.front();
}

int64_t PgStore::insertGroup(const Group& g) {
  return db_.query("INSERT INTO user_groups(id, name, description) VALUES (?, ?, ?) RETURNING pk",
                   {g.Id, g.DisplayName, nullIfEmpty(g.Description)})
      .integer(0, 0);
}

void PgStore::updateGroup(int64_t pk, const Group& g) {
  db_.query("UPDATE user_groups SET id = ?, name = ?, description = ? WHERE pk = ?",
            {g.Id, g.DisplayName, nullIfEmpty(g.Description), pk});
}

void PgStore::deleteGroup(int64_t pk) { db_.query("DELETE FROM user_groups WHERE pk = ?", {pk}); }

bool PgStore::isMember(int64_t groupPk, int64_t userPk) {
  return !db_.query("SELECT 1 FROM group_members WHERE group_pk = ? AND user_pk = ?", {groupPk, userPk}).empty();
}

void PgStore::addMember(int64_t groupPk, int64_t userPk) {
  Rows added = db_.query("INSERT INTO group_members(group_pk, user_pk) VALUES (?, ?) ON CONFLICT DO NOTHING",
                         {groupPk, userPk});
  if (added.affected() > 0 && isActiveUser(userPk)) adjustMemberCount(groupPk, +1);  // soft-deleted: counted on restore
}

void PgStore::adjustMemberCountsOf(int64_t userPk, int64_t delta) {
  db_.query("UPDATE user_groups SET member_count = member_count + ? "
            "WHERE pk IN (SELECT group_pk FROM group_members WHERE user_pk = ?)",
            {delta, userPk});
}

void PgStore::adjustMemberCount(int64_t groupPk, int64_t delta) {
  db_.query("UPDATE user_groups SET member_count = member_count + ? WHERE pk = ?", {delta, groupPk});
}

void PgStore::removeMember(int64_t groupPk, int64_t userPk) {
  Rows removed = db_.query("DELETE FROM group_members WHERE group_pk = ? AND user_pk = ?", {groupPk, userPk});
  if (removed.affected() > 0 && isActiveUser(userPk)) adjustMemberCount(groupPk, -1);
}

std::vector<int64_t> PgStore::groupsOf(int64_t userPk) {
  return column0(db_.query("SELECT group_pk FROM group_members WHERE user_pk = ? ORDER BY group_pk", {userPk}));
}

void PgStore::forEachMember(int64_t groupPk, const std::function<bool(int64_t)>& each) {
  std::string sql = "SELECT user_pk FROM group_members WHERE group_pk = ? AND user_pk > ? ORDER BY user_pk LIMIT " +
                    std::to_string(kBatch);
  int64_t after = 0;
  for (;;) {
    std::vector<int64_t> page = column0(db_.query(sql, {groupPk, after}));
    for (int64_t pk : page)
      if (!each(pk)) return;
    if (page.size() < static_cast<size_t>(kBatch)) return;
    after = page.back();
  }
}

std::vector<GroupLicenseRecord> PgStore::groupLicenses(int64_t groupPk) {
  Rows r = db_.query("SELECT l.group_pk, l.product_pk, l.disabled_plans FROM group_licenses l "
                     "JOIN products p ON p.pk = l.product_pk WHERE l.group_pk = ? ORDER BY fold(p.sku_part_number), p.pk",
                     {groupPk});
  std::vector<GroupLicenseRecord> out;
  for (int i = 0; i < r.size(); ++i)
    out.push_back(GroupLicenseRecord{r.integer(i, 0), r.integer(i, 1), splitList(r.text(i, 2), ',')});
  return out;
}

void PgStore::putGroupLicense(const GroupLicenseRecord& l) {
  db_.query("INSERT INTO group_licenses(group_pk, product_pk, disabled_plans) VALUES (?, ?, ?) "
            "ON CONFLICT (group_pk, product_pk) DO UPDATE SET disabled_plans = excluded.disabled_plans",
            {l.groupPk, l.productPk, join(l.disabledPlanIds, ",")});
}

void PgStore::deleteGroupLicense(int64_t groupPk, int64_t productPk) {
  db_.query("DELETE FROM group_licenses WHERE group_pk = ? AND product_pk = ?", {groupPk, productPk});
}

std::vector<std::string> PgStore::rolesOf(int64_t userPk) {
  Rows r = db_.query("SELECT role FROM admin_roles WHERE user_pk = ? ORDER BY role", {userPk});
  std::vector<std::string> out;
  for (int i = 0; i < r.size(); ++i) out.push_back(r.text(i, 0));
  return out;
}

std::vector<int64_t> PgStore::roleMembers(const std::string& role) {
  return column0(db_.query("SELECT user_pk FROM admin_roles WHERE role = ? ORDER BY added, user_pk", {role}));
}

void PgStore::addRole(const std::string& role, int64_t userPk) {
  db_.query("INSERT INTO admin_roles(role, user_pk, added) "
            "VALUES (?, ?, (SELECT COALESCE(max(added), 0) + 1 FROM admin_roles)) ON CONFLICT DO NOTHING",
            {role, userPk});
}

void PgStore::removeRole(const std::string& role, int64_t userPk) {
  db_.query("DELETE FROM admin_roles WHERE role = ? AND user_pk = ?", {role, userPk});
}

std::string PgStore::login() { return db_.login(); }

std::vector<std::pair<std::string, int64_t>> PgStore::bindings() {
  Rows r = db_.query("SELECT login, user_pk FROM admin_bindings ORDER BY login, added");
  std::vector<std::pair<std::string, int64_t>> out;
  for (int i = 0; i < r.size(); ++i) out.emplace_back(r.text(i, 0), r.integer(i, 1));
  return out;
}

void PgStore::addBinding(const std::string& login, int64_t userPk) {
  db_.query("INSERT INTO admin_bindings(login, user_pk, added) "
            "VALUES (?, ?, (SELECT COALESCE(max(added), 0) + 1 FROM admin_bindings)) ON CONFLICT DO NOTHING",
            {login, userPk});
}

void PgStore::removeBinding(const std::string& login, int64_t userPk) {
  db_.query("DELETE FROM admin_bindings WHERE login = ? AND user_pk = ?", {login, userPk});
}

void PgStore::appendAudit(const AuditEntry& e) {
  db_.query("INSERT INTO audit(time, actor, action, target, detail, before_state, login) VALUES (?, ?, ?, ?, ?, ?, ?)",
            {e.Time, e.Actor, e.Action, e.Target, e.Detail, nullIfEmpty(e.Before), nullIfEmpty(e.Login)});
}

// A bulk run's batch in one COPY: one round trip instead of one per entry.
void PgStore::appendAudits(const std::vector<AuditEntry>& entries) {
  if (entries.size() < 2) {
    for (const AuditEntry& e : entries) appendAudit(e);
    return;
  }
  auto orNull = [](const std::string& s) { return s.empty() ? std::nullopt : std::optional<std::string>(s); };
  std::string data;
  for (const AuditEntry& e : entries)
    data += copyRow({e.Time, e.Actor, e.Action, e.Target, e.Detail, orNull(e.Before), orNull(e.Login)});
  db_.copyIn("audit", {"time", "actor", "action", "target", "detail", "before_state", "login"}, data);
}

void PgStore::clearAudit() { db_.query("DELETE FROM audit"); }

int64_t PgStore::lastAuditSequence() { return count("SELECT COALESCE(max(pk), 0) FROM audit"); }

// Oldest first; with `last`, only the newest `last` entries (still oldest first).
void PgStore::forEachAudit(const AuditQuery& q, const std::function<bool(const AuditEntry&)>& each) {
  SqlCondition where;
  where.add("TRUE");
  if (!q.since.empty()) where.add("time >= ?", {q.since});
  matchText(where, "actor", q.actor, SqlDialect::Postgres);
  matchText(where, "target", q.target, SqlDialect::Postgres);
  int64_t after = q.afterSequence;
  if (q.afterSequence > 0) where.add("pk > ?", {q.afterSequence});
  if (q.last > 0) {
    std::vector<SqlParam> params = where.params;
    params.emplace_back(std::in_place_type<int64_t>, q.last);
    Rows first = db_.queryOnce("SELECT pk FROM audit WHERE " + where.sql + " ORDER BY pk DESC LIMIT 1 OFFSET ?", params);
    after = first.empty() ? q.afterSequence : first.integer(0, 0);
  }
  std::string sql = "SELECT pk, time, actor, action, target, detail, before_state, login FROM audit WHERE " + where.sql +
                    " AND pk > ? ORDER BY pk LIMIT " + std::to_string(kBatch);
  for (;;) {
    std::vector<SqlParam> params = where.params;
    params.emplace_back(std::in_place_type<int64_t>, after);
    Rows r = db_.queryOnce(sql, params);
    for (int i = 0; i < r.size(); ++i)
      if (!each(AuditEntry{r.text(i, 1), r.text(i, 2), r.text(i, 3), r.text(i, 4), r.text(i, 5), r.integer(i, 0),
                           r.text(i, 6), r.text(i, 7)}))
        return;
    if (r.size() < kBatch) return;
    after = r.integer(r.size() - 1, 0);
  }
}

}  // namespace plush::store::postgres
