// PgStore: pooled capacity — the catalog's kinds and grants, bots and their billed sessions per day.
#include "store/postgres/pg_store.h"
#include "tenant/text.h"

namespace plush::store::postgres {

using namespace plush::tenant;

namespace {

const char* kBotColumns =
    "SELECT b.pk, b.owner_pk, b.id, b.name, u.upn, b.environment, b.created_on, b.removed_on "
    "FROM bots b LEFT JOIN users u ON u.pk = b.owner_pk ";

BotRecord readBot(const Rows& r, int i) {
  BotRecord b;
  b.pk = r.integer(i, 0);
  if (!r.isNull(i, 1)) b.ownerPk = r.integer(i, 1);
  b.bot.Id = r.text(i, 2);
  b.bot.Name = r.text(i, 3);
  b.bot.Owner = r.text(i, 4);
  b.bot.Environment = r.text(i, 5);
  b.bot.CreatedOn = r.text(i, 6);
  b.bot.RemovedOn = r.text(i, 7);
  return b;
}

std::vector<BotRecord> botRows(const Rows& r) {
  std::vector<BotRecord> out;
  for (int i = 0; i < r.size(); ++i) out.push_back(readBot(r, i));
  return out;
}

}  // namespace

std::vector<CapacityKind> PgStore::capacityKinds() {
  Rows r = db_.query(
      "SELECT kind, display_name, unit, period, consumed_by, tenant_base, maker_licenses, source "
      "FROM capacity_kinds ORDER BY fold(kind)");
  std::vector<CapacityKind> out;
  for (int i = 0; i < r.size(); ++i)
    out.push_back(CapacityKind{r.text(i, 0), r.text(i, 1), r.text(i, 2), r.text(i, 3), r.text(i, 4), r.integer(i, 5),
                               splitList(r.text(i, 6), ','), r.text(i, 7)});
  return out;
}

std::vector<CapacityGrantRecord> PgStore::capacityGrants() {
  Rows r = db_.query("SELECT product_pk, kind, per_license FROM capacity_grants ORDER BY fold(kind), product_pk");
  std::vector<CapacityGrantRecord> out;
  for (int i = 0; i < r.size(); ++i) out.push_back(CapacityGrantRecord{r.integer(i, 0), r.text(i, 1), r.integer(i, 2)});
  return out;
}

void PgStore::saveCapacity(const std::vector<CapacityKind>& kinds, const std::vector<CapacityGrantRecord>& grants) {
  db_.exec("DELETE FROM capacity_grants; DELETE FROM capacity_kinds;");
  for (const CapacityKind& k : kinds)
    db_.query("INSERT INTO capacity_kinds(kind, display_name, unit, period, consumed_by, tenant_base, "
              "maker_licenses, source) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
              {k.Kind, k.DisplayName, k.Unit, k.Period, k.ConsumedBy, k.TenantBase, join(k.MakerLicenses, ","),
               k.Source});
  for (const CapacityGrantRecord& g : grants)
    db_.query("INSERT INTO capacity_grants(product_pk, kind, per_license) VALUES (?, ?, ?)",
              {g.productPk, g.kind, g.perLicense});
}

std::vector<BotRecord> PgStore::bots(bool withRemoved) {
  return botRows(db_.query(std::string(kBotColumns) +
                           (withRemoved ? "ORDER BY b.removed_on IS NOT NULL, fold(b.name), b.removed_on"
                                        : "WHERE b.removed_on IS NULL ORDER BY fold(b.name)")));
}

std::optional<BotRecord> PgStore::findBot(BotKey key, const std::string& value) {
  std::vector<BotRecord> found = botRows(db_.query(
      std::string(kBotColumns) +
          (key == BotKey::Name ? "WHERE fold(b.name) = fold(?) AND b.removed_on IS NULL" : "WHERE fold(b.id) = fold(?)"),
      {value}));
  if (found.empty()) return std::nullopt;
  return found.front();
}

int64_t PgStore::insertBot(const BotRecord& b) {
  SqlParam owner = b.ownerPk ? SqlParam{*b.ownerPk} : SqlParam{};
  return db_.query("INSERT INTO bots(id, name, owner_pk, environment, created_on) VALUES (?, ?, ?, ?, ?) RETURNING pk",
                   {b.bot.Id, b.bot.Name, owner, b.bot.Environment, b.bot.CreatedOn})
      .integer(0, 0);
}

void PgStore::markBotRemoved(int64_t botPk, const std::string& day) {
  db_.query("UPDATE bots SET removed_on = ? WHERE pk = ?", {day, botPk});
}

std::optional<int64_t> PgStore::botUsageOn(int64_t botPk, const std::string& day) {
  Rows r = db_.query("SELECT sessions FROM bot_usage WHERE day = ? AND bot_pk = ?", {day, botPk});
  if (r.empty()) return std::nullopt;
  return r.integer(0, 0);
}

void PgStore::putBotUsage(const BotUsageRecord& u) {
  db_.query("INSERT INTO bot_usage(day, bot_pk, sessions) VALUES (?, ?, ?) "
            "ON CONFLICT (day, bot_pk) DO UPDATE SET sessions = excluded.sessions",
            {u.day, u.botPk, u.sessions});
}

std::vector<BotUsageRecord> PgStore::botUsage(std::optional<int64_t> botPk, const std::string& from,
                                              const std::string& to) {
  std::vector<SqlParam> params = {from, to};
  if (botPk) params.emplace_back(*botPk);
  Rows r = db_.query(std::string("SELECT u.bot_pk, u.day, u.sessions FROM bot_usage u JOIN bots b ON b.pk = u.bot_pk "
                                 "WHERE u.day BETWEEN ? AND ? ") +
                         (botPk ? "AND u.bot_pk = ? " : "") + "ORDER BY u.day, fold(b.name), u.bot_pk",
                     params);
  std::vector<BotUsageRecord> out;
  for (int i = 0; i < r.size(); ++i) out.push_back(BotUsageRecord{r.integer(i, 0), r.text(i, 1), r.integer(i, 2)});
  return out;
}

std::vector<BotUsageTotal> PgStore::botUsageTotals(const std::string& from, const std::string& to) {
  Rows r = db_.query(
      "SELECT bot_pk, sum(sessions), count(*), max(day) FROM bot_usage WHERE day BETWEEN ? AND ? "
      "GROUP BY bot_pk ORDER BY bot_pk",
      {from, to});
  std::vector<BotUsageTotal> out;
  for (int i = 0; i < r.size(); ++i)
    out.push_back(BotUsageTotal{r.integer(i, 0), r.integer(i, 1), r.integer(i, 2), r.text(i, 3)});
  return out;
}

}  // namespace plush::store::postgres
