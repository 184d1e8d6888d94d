// SqliteStore: pooled capacity — the catalog's kinds and grants, bots and their billed sessions per day.
#include "store/sqlite_store.h"
#include "tenant/text.h"

namespace plush::store {

using namespace plush::tenant;

namespace {

const char* kBotColumns =
    "SELECT b.pk, b.owner_pk, b.id, b.name, u.upn, b.environment, b.created_on, b.removed_on "
    "FROM bots b LEFT JOIN users u ON u.pk = b.owner_pk ";

BotRecord readBot(const Statement& s) {
  BotRecord r;
  r.pk = s.integer(0);
  if (!s.isNull(1)) r.ownerPk = s.integer(1);
  r.bot.Id = s.text(2);
  r.bot.Name = s.text(3);
  r.bot.Owner = s.text(4);
  r.bot.Environment = s.text(5);
  r.bot.CreatedOn = s.text(6);
  r.bot.RemovedOn = s.text(7);
  return r;
}

}  // namespace

std::vector<CapacityKind> SqliteStore::capacityKinds() {
  Statement s = db_.prepare(
      "SELECT kind, display_name, unit, period, consumed_by, tenant_base, maker_licenses, source "
      "FROM capacity_kinds ORDER BY kind");
  std::vector<CapacityKind> out;
  while (s.step())
    out.push_back(CapacityKind{s.text(0), s.text(1), s.text(2), s.text(3), s.text(4), s.integer(5),
                               splitList(s.text(6), ','), s.text(7)});
  return out;
}

std::vector<CapacityGrantRecord> SqliteStore::capacityGrants() {
  Statement s = db_.prepare("SELECT product_pk, kind, per_license FROM capacity_grants ORDER BY kind, product_pk");
  std::vector<CapacityGrantRecord> out;
  while (s.step()) out.push_back(CapacityGrantRecord{s.integer(0), s.text(1), s.integer(2)});
  return out;
}

void SqliteStore::saveCapacity(const std::vector<CapacityKind>& kinds, const std::vector<CapacityGrantRecord>& grants) {
  db_.exec("DELETE FROM capacity_grants; DELETE FROM capacity_kinds;");
  for (const CapacityKind& k : kinds)
    db_.prepare("INSERT INTO capacity_kinds(kind, display_name, unit, period, consumed_by, tenant_base, "
                "maker_licenses, source) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
        .bindText(1, k.Kind).bindText(2, k.DisplayName).bindText(3, k.Unit).bindText(4, k.Period)
        .bindText(5, k.ConsumedBy).bind(6, k.TenantBase).bindText(7, join(k.MakerLicenses, ","))
        .bindText(8, k.Source).run();
  for (const CapacityGrantRecord& g : grants)
    db_.prepare("INSERT INTO capacity_grants(product_pk, kind, per_license) VALUES (?, ?, ?)")
        .bind(1, g.productPk).bindText(2, g.kind).bind(3, g.perLicense).run();
}

std::vector<BotRecord> SqliteStore::bots(bool withRemoved) {
  Statement s = db_.prepare(std::string(kBotColumns) +
                            (withRemoved ? "ORDER BY b.removed_on IS NOT NULL, b.name, b.removed_on"
                                         : "WHERE b.removed_on IS NULL ORDER BY b.name"));
  std::vector<BotRecord> out;
  while (s.step()) out.push_back(readBot(s));
  return out;
}

std::optional<BotRecord> SqliteStore::findBot(BotKey key, const std::string& value) {
  Statement s = db_.prepare(std::string(kBotColumns) +
                            (key == BotKey::Name ? "WHERE b.name = ? AND b.removed_on IS NULL" : "WHERE b.id = ?"));
  s.bindText(1, value);
  if (!s.step()) return std::nullopt;
  return readBot(s);
}

int64_t SqliteStore::insertBot(const BotRecord& b) {
  Statement s = db_.prepare("INSERT INTO bots(id, name, owner_pk, environment, created_on) VALUES (?, ?, ?, ?, ?)");
  s.bindText(1, b.bot.Id).bindText(2, b.bot.Name);
  if (b.ownerPk) s.bind(3, *b.ownerPk);
  else s.bindNull(3);
  s.bindText(4, b.bot.Environment).bindText(5, b.bot.CreatedOn).run();
  return db_.lastInsertRowid();
}

void SqliteStore::markBotRemoved(int64_t botPk, const std::string& day) {
  db_.prepare("UPDATE bots SET removed_on = ? WHERE pk = ?").bindText(1, day).bind(2, botPk).run();
}

std::optional<int64_t> SqliteStore::botUsageOn(int64_t botPk, const std::string& day) {
  Statement s = db_.prepare("SELECT sessions FROM bot_usage WHERE day = ? AND bot_pk = ?");
  s.bindText(1, day).bind(2, botPk);
  if (!s.step()) return std::nullopt;
  return s.integer(0);
}

void SqliteStore::putBotUsage(const BotUsageRecord& u) {
  db_.prepare("INSERT INTO bot_usage(day, bot_pk, sessions) VALUES (?, ?, ?) "
              "ON CONFLICT(day, bot_pk) DO UPDATE SET sessions = excluded.sessions")
      .bindText(1, u.day).bind(2, u.botPk).bind(3, u.sessions).run();
}

std::vector<BotUsageRecord> SqliteStore::botUsage(std::optional<int64_t> botPk, const std::string& from,
                                                  const std::string& to) {
  Statement s = db_.prepare(
      std::string("SELECT u.bot_pk, u.day, u.sessions FROM bot_usage u JOIN bots b ON b.pk = u.bot_pk "
                  "WHERE u.day BETWEEN ? AND ? ") +
      (botPk ? "AND u.bot_pk = ? " : "") + "ORDER BY u.day, b.name, u.bot_pk");
  s.bindText(1, from).bindText(2, to);
  if (botPk) s.bind(3, *botPk);
  std::vector<BotUsageRecord> out;
  while (s.step()) out.push_back(BotUsageRecord{s.integer(0), s.text(1), s.integer(2)});
  return out;
}

std::vector<BotUsageTotal> SqliteStore::botUsageTotals(const std::string& from, const std::string& to) {
  Statement s = db_.prepare(
      "SELECT bot_pk, sum(sessions), count(*), max(day) FROM bot_usage WHERE day BETWEEN ? AND ? "
      "GROUP BY bot_pk ORDER BY bot_pk");
  s.bindText(1, from).bindText(2, to);
  std::vector<BotUsageTotal> out;
  while (s.step()) out.push_back(BotUsageTotal{s.integer(0), s.integer(1), s.integer(2), s.text(3)});
  return out;
}

}  // namespace plush::store
