// Session: pooled tenant capacity — the pools of SPEC §6 rule 1 for capacity, bots and their billed sessions.
#include <algorithm>
#include <map>

#include "tenant/bot_usage_csv.h"
#include "tenant/capacity_period.h"
#include "tenant/catalog.h"
#include "tenant/session.h"
#include "tenant/session_change.h"
#include "tenant/text.h"

namespace plush::tenant {

namespace {

constexpr const char* kDefaultEnvironment = "Default";

bool inPool(const std::string& status) { return status == "Enabled" || status == "Warning"; }

std::vector<std::string> kindNames(const std::vector<CapacityKind>& kinds) {
  std::vector<std::string> names;
  for (const CapacityKind& k : kinds) names.push_back(k.Kind);
  return names;
}

// The last day a period's usage can have come from: its end, or today while it runs.
std::string usageTo(const CapacityPeriod& p, const std::string& today) { return std::min(p.lastDay, today); }

}  // namespace

// What the catalog says a license of each product grants; products are matched by SkuId.
void Session::saveCatalogCapacity(const Catalog& catalog) {
  std::vector<CapacityGrantRecord> grants;
  for (const CapacityGrant& g : catalog.capacityGrants) {
    std::vector<int64_t> pks = store_->findProducts(ProductKey::SkuId, g.SkuId);
    if (!pks.empty()) grants.push_back(CapacityGrantRecord{pks.front(), g.Kind, g.PerLicense});
  }
  store_->saveCapacity(catalog.capacityKinds, grants);
}

const CapacityKind* Session::botKind(const std::vector<CapacityKind>& kinds) {
  for (const CapacityKind& k : kinds)
    if (k.ConsumedBy == "Bot") return &k;
  return nullptr;
}

std::vector<int64_t> Session::makerProducts(const CapacityKind& kind) {
  std::vector<int64_t> pks;
  for (const std::string& sku : kind.MakerLicenses)
    for (int64_t pk : store_->findProducts(ProductKey::SkuPartNumber, sku)) pks.push_back(pk);
  return pks;
}

bool Session::holdsAny(int64_t userPk, const std::vector<int64_t>& products) {
  std::optional<UserRecord> u = store_->userRowByPk(userPk);
  if (!u || !u->user.DeletedOn.empty()) return false;
  for (const AssignmentRecord& a : store_->assignments(userPk))
    if (a.state == "Active" && std::count(products.begin(), products.end(), a.productPk)) return true;
  return false;
}

Bot Session::publicBot(const BotRecord& r, const std::vector<int64_t>& makers) {
  Bot b = r.bot;
  b.OwnerLicensed = r.ownerPk && holdsAny(*r.ownerPk, makers);
  return b;
}

BotRecord Session::resolveBot(const std::string& identity) {
  std::optional<BotRecord> found = store_->findBot(isGuid(identity) ? BotKey::Id : BotKey::Name, identity);
  if (!found && isGuid(identity)) found = store_->findBot(BotKey::Name, identity);
  if (found && !found->bot.RemovedOn.empty())
    fail("BotNotFound", category::ObjectNotFound, identity,
         "The bot " + found->bot.Name + " (" + identity + ") was removed on " + found->bot.RemovedOn + ".", "Get-Bot");
  if (!found)
    fail("BotNotFound", category::ObjectNotFound, identity, "There is no bot " + identity + " in the tenant.", "Get-Bot");
  return *found;
}

std::vector<TenantCapacityRow> Session::capacity(std::optional<std::string> kind, std::optional<std::string> month) {
  require(Action::Read);
  std::vector<CapacityKind> kinds = store_->capacityKinds();
  if (kind && std::none_of(kinds.begin(), kinds.end(), [&](const CapacityKind& k) { return iequals(k.Kind, *kind); }))
    fail("CapacityNotFound", category::ObjectNotFound, *kind,
         "There is no capacity kind " + *kind + " in the tenant's catalog" +
             (kinds.empty() ? "." : "; it has " + join(kindNames(kinds), ", ") + "."),
         "Get-TenantCapacity");
  CapacityPeriod period = month ? monthPeriod(*month) : periodAt(clock_.now());
  Instant at = poolInstant(period, clock_.now());
  std::string atDay = formatDate(at);
  std::vector<CapacityGrantRecord> grants = store_->capacityGrants();
  std::vector<SubscriptionRecord> subscriptions = store_->subscriptions(std::nullopt);
  std::vector<TenantCapacityRow> out;
  for (const CapacityKind& k : kinds) {
    if (kind && !iequals(k.Kind, *kind)) continue;
    TenantCapacityRow row{k.Kind, k.DisplayName, k.Unit, k.Period == "Month" ? period.month : "", k.Source};
    std::map<int64_t, int64_t> perLicense, pooled;  // product -> amount per license / licenses in the pool
    for (const CapacityGrantRecord& g : grants)
      if (iequals(g.kind, k.Kind)) perLicense[g.productPk] = g.perLicense;
    for (const SubscriptionRecord& s : subscriptions) {
      auto grant = perLicense.find(s.productPk);
      if (grant == perLicense.end() || s.sub.StartsOn > atDay) continue;  // not bought yet then
      std::string status = engine_->statusAt(s, at);
      if (inPool(status)) pooled[s.productPk] += s.sub.Quantity;
      if (status == "Suspended") row.Suspended += s.sub.Quantity * grant->second;
    }
    for (const auto& [pk, licenses] : pooled) {
      row.Total += licenses * perLicense[pk];
      row.Grants.push_back(productName(pk) + ": " + std::to_string(licenses) + " x " + std::to_string(perLicense[pk]));
    }
    if (!pooled.empty() && k.TenantBase > 0) {
      row.Total += k.TenantBase;
      row.Grants.push_back("tenant: " + std::to_string(k.TenantBase));
    }
    if (k.ConsumedBy == "Bot") fillConsumption(row, period);
    if (kind || row.Total > 0 || row.Suspended > 0 || row.Consumed.value_or(0) > 0) out.push_back(std::move(row));
  }
  return out;
}

// The bots' billed sessions in the period against its pool, and where the daily rate takes it.
void Session::fillConsumption(TenantCapacityRow& row, const CapacityPeriod& period) {
  Instant now = clock_.now();
  int64_t consumed = 0;
  if (now >= period.start)
    for (const BotUsageTotal& t : store_->botUsageTotals(period.firstDay, usageTo(period, clock_.today()))) {
      consumed += t.sessions;
      row.UsageThrough = std::max(row.UsageThrough, t.lastDay);
    }
  row.Consumed = consumed;
  row.Available = row.Total - consumed;
  row.PercentUsed = percentOf(consumed, row.Total);
  if (now >= period.end) {  // a month gone by: what it used is what it came to
    row.Projected = consumed;
    row.DailyRate = oneDecimal(static_cast<double>(consumed) / period.days);
  } else if (!row.UsageThrough.empty()) {  // the rate so far, over the days the usage covers
    int elapsed = daysInto(period, row.UsageThrough);
    row.DailyRate = oneDecimal(static_cast<double>(consumed) / elapsed);
    row.Projected = projectToPeriodEnd(consumed, elapsed, period.days);
  }
  if (row.Projected) row.ProjectedPercent = percentOf(*row.Projected, row.Total);
}

std::vector<Bot> Session::bots(const std::string& pattern, std::optional<std::string> owner) {
  require(Action::Read);
  std::optional<int64_t> ownerPk;
  if (owner) ownerPk = resolveUser(*owner).pk;
  const CapacityKind* kind = nullptr;
  std::vector<CapacityKind> kinds = store_->capacityKinds();
  kind = botKind(kinds);
  std::vector<int64_t> makers = kind ? makerProducts(*kind) : std::vector<int64_t>{};
  std::string p = pattern.empty() ? "*" : pattern;
  std::vector<Bot> out;
  for (const BotRecord& r : store_->bots(false)) {
    if (ownerPk && r.ownerPk != ownerPk) continue;
    if (wildcardMatch(p, r.bot.Name) || iequals(p, r.bot.Id)) out.push_back(publicBot(r, makers));
  }
  return out;
}

Bot Session::newBot(const NewBot& request) {
  require(Action::Capacity);
  Change change(*this);
  std::string name = trimSpaces(request.name);
  if (name.empty()) failInvalidArgument(request.name, "A bot needs a -Name.");
  std::vector<CapacityKind> kinds = store_->capacityKinds();
  const CapacityKind* kind = botKind(kinds);
  if (!kind)
    fail("CapacityNotFound", category::ObjectNotFound, name,
         "The tenant's catalog defines no capacity that bots use, so it cannot hold bots.");
  if (std::optional<BotRecord> same = store_->findBot(BotKey::Name, name))
    fail("AlreadyExists", category::ResourceExists, name,
         "The tenant already has a bot named " + same->bot.Name + " (owner " + same->bot.Owner + ").",
         "Get-Bot '" + same->bot.Name + "'");
  UserRecord owner = resolveUser(request.owner);
  const std::string& upn = owner.user.UserPrincipalName;
  std::vector<std::string> granting;
  bool owned = false;
  for (const CapacityGrantRecord& g : store_->capacityGrants())
    if (iequals(g.kind, kind->Kind)) {
      granting.push_back(productName(g.productPk));
      owned = owned || engine_->pool(g.productPk).total > 0;
    }
  if (!owned)  // rule 4: the tenant license the bots' sessions are billed against
    fail("DependencyViolation", category::InvalidOperation, name,
         "Bots use the tenant's " + kind->DisplayName + ", which come with " +
             (granting.empty() ? std::string("no product in the catalog") : join(granting, " or ")) +
             "; the tenant owns none (an Enabled or Warning subscription).",
         granting.empty() ? "" : "New-Subscription -Product " + granting.front() + " -Quantity 1");
  std::vector<int64_t> makers = makerProducts(*kind);
  if (!holdsAny(owner.pk, makers))  // rule 4: the per-user license for the people who build bots
    fail("DependencyViolation", category::InvalidOperation, upn,
         upn + " cannot own a bot: building bots needs " + join(kind->MakerLicenses, " or ") + ", which " + upn +
             " does not hold.",
         kind->MakerLicenses.empty() ? ""
                                     : "Set-UserLicense -User " + upn + " -Add " + kind->MakerLicenses.front());
  BotRecord r;
  r.ownerPk = owner.pk;
  r.bot.Id = newGuid();
  r.bot.Name = name;
  r.bot.Owner = upn;
  r.bot.Environment = trimSpaces(request.environment).empty() ? kDefaultEnvironment : trimSpaces(request.environment);
  r.bot.CreatedOn = clock_.today();
  r.pk = store_->insertBot(r);
  audit("New-Bot", name, "Owner " + upn + ", Environment " + r.bot.Environment);
  change.commit();
  return publicBot(r, makers);
}

void Session::removeBot(const std::string& identity) {
  require(Action::Capacity);
  Change change(*this);
  BotRecord r = resolveBot(identity);
  store_->markBotRemoved(r.pk, clock_.today());
  audit("Remove-Bot", r.bot.Name, "Owner " + r.bot.Owner + "; its billed sessions stay in the tenant's usage");
  change.commit();
}

std::vector<BotUsageRow> Session::botUsage(std::optional<std::string> bot, std::optional<std::string> month) {
  require(Action::Read);
  CapacityPeriod period = month ? monthPeriod(*month) : periodAt(clock_.now());
  std::optional<BotRecord> only;
  if (bot) only = resolveBot(*bot);
  std::map<int64_t, BotUsageTotal> totals;
  int64_t tenantSessions = 0;
  if (clock_.now() >= period.start)
    for (const BotUsageTotal& t : store_->botUsageTotals(period.firstDay, usageTo(period, clock_.today()))) {
      totals[t.botPk] = t;
      tenantSessions += t.sessions;
    }
  std::vector<BotUsageRow> out;
  for (const BotRecord& r : only ? std::vector<BotRecord>{*only} : store_->bots(true)) {
    auto t = totals.find(r.pk);
    bool removed = !r.bot.RemovedOn.empty();
    if (removed && t == totals.end()) continue;  // a removed bot shows for the months it used
    BotUsageRow row{r.bot.Name, period.month, r.bot.Owner, r.bot.Environment, "", 0, 0, std::nullopt, removed};
    if (t != totals.end()) {
      row.BilledSessions = t->second.sessions;
      row.Days = t->second.days;
      row.UsageThrough = t->second.lastDay;
    }
    row.PercentOfTenant = percentOf(row.BilledSessions, tenantSessions);
    out.push_back(std::move(row));
  }
  return out;
}

std::vector<BotUsageDay> Session::botUsageDays(std::optional<std::string> bot, std::optional<std::string> month) {
  require(Action::Read);
  CapacityPeriod period = month ? monthPeriod(*month) : periodAt(clock_.now());
  std::optional<int64_t> botPk;
  if (bot) botPk = resolveBot(*bot).pk;
  std::map<int64_t, std::string> names;
  for (const BotRecord& r : store_->bots(true)) names[r.pk] = r.bot.Name;
  std::vector<BotUsageDay> out;
  if (clock_.now() < period.start) return out;
  for (const BotUsageRecord& u : store_->botUsage(botPk, period.firstDay, usageTo(period, clock_.today())))
    out.push_back(BotUsageDay{u.day, names[u.botPk], u.sessions});
  return out;
}

BotUsageDay Session::addBotUsage(const std::string& bot, const std::string& date, int64_t billedSessions) {
  require(Action::Capacity);
  Change change(*this);
  BotRecord r = resolveBot(bot);
  std::string day = normalizeDate(date, "Date");
  if (billedSessions < 0)
    failInvalidArgument(std::to_string(billedSessions), "A day's billed sessions cannot be negative.");
  if (day > clock_.today())
    failInvalidArgument(day, "The date " + day + " is after today (" + clock_.today() + "); usage is recorded for days gone by.");
  std::optional<int64_t> before = store_->botUsageOn(r.pk, day);
  if (before != billedSessions) {
    store_->putBotUsage(BotUsageRecord{r.pk, day, billedSessions});
    audit("Add-BotUsage", r.bot.Name,
          day + ": " + std::to_string(billedSessions) + " billed sessions" +
              (before ? " (was " + std::to_string(*before) + ")" : ""));
  }
  change.commit();
  return BotUsageDay{day, r.bot.Name, billedSessions};
}

BotUsageImport Session::importBotUsage(const std::string& path) {
  require(Action::Capacity);
  std::vector<BotUsageLine> lines = readBotUsageCsv(path);  // a malformed file fails before anything begins
  return recordBotUsage(lines, path);
}

// Every line is checked (its bot, its day) before the first is written; one audit row for all.
BotUsageImport Session::recordBotUsage(const std::vector<BotUsageLine>& lines, const std::string& source) {
  Change change(*this);
  auto bad = [&](const BotUsageLine& l, const std::string& why, const std::string& recommendation) {
    std::string at = source + ":" + std::to_string(l.line);
    fail("InvalidCsv", category::InvalidData, at, at + ": " + why + "; nothing was imported.", recommendation);
  };
  std::map<std::string, BotRecord> byName;  // lower-case name -> bot
  std::vector<int64_t> botPks;
  BotUsageImport report{source, "", "", static_cast<int64_t>(lines.size())};
  for (const BotUsageLine& l : lines) {
    auto it = byName.find(lower(l.bot));
    if (it == byName.end()) {
      std::optional<BotRecord> b = store_->findBot(isGuid(l.bot) ? BotKey::Id : BotKey::Name, l.bot);
      if (!b || !b->bot.RemovedOn.empty())
        bad(l, "there is no bot " + l.bot + " in the tenant" + (b ? " (it was removed on " + b->bot.RemovedOn + ")" : ""),
            "New-Bot -Name '" + l.bot + "' -Owner <UPN>");
      it = byName.emplace(lower(l.bot), *b).first;
    }
    botPks.push_back(it->second.pk);
    if (l.date > clock_.today())
      bad(l, "the Date " + l.date + " is after today (" + clock_.today() + ")", "");
    report.From = report.From.empty() ? l.date : std::min(report.From, l.date);
    report.To = std::max(report.To, l.date);
  }
  for (size_t i = 0; i < lines.size(); ++i) {
    pollInterrupt(static_cast<int64_t>(i));
    std::optional<int64_t> before = store_->botUsageOn(botPks[i], lines[i].date);
    if (before == lines[i].sessions) {
      ++report.Unchanged;
      continue;
    }
    ++(before ? report.Updated : report.Added);
    store_->putBotUsage(BotUsageRecord{botPks[i], lines[i].date, lines[i].sessions});
  }
  if (report.Added + report.Updated > 0) {
    std::vector<std::string> names;
    for (const auto& [key, b] : byName) names.push_back(b.bot.Name);
    audit("Import-BotUsage", source,
          std::to_string(report.Rows) + " rows, " + report.From + " to " + report.To + " (" +
              std::to_string(report.Added) + " added, " + std::to_string(report.Updated) + " updated, " +
              std::to_string(report.Unchanged) + " unchanged) for " + join(names, ", "));
  }
  change.commit();
  return report;
}

}  // namespace plush::tenant
