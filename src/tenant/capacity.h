// Pooled tenant capacity as the cmdlets see it: the catalog's kinds, bots and their billed sessions.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace plush::tenant {

// A pooled capacity the catalog defines (stdlib/catalog.json "capacityKinds"): what a license of
// a product grants to the whole tenant, e.g. Power Virtual Agents billed sessions per month.
struct CapacityKind {
  std::string Kind;         // BilledSessions, SharePointStorage, ...
  std::string DisplayName;
  std::string Unit;         // sessions, GB, ...
  std::string Period;       // Month (the pool renews each calendar month) | None (a standing amount)
  std::string ConsumedBy;   // Bot (bots' usage is summed against it) | "" (plush meters no use of it)
  int64_t TenantBase = 0;   // granted once when the tenant holds any license that grants the kind
  std::vector<std::string> MakerLicenses;  // ConsumedBy Bot: the bot owner holds one of these products
  std::string Source;       // where the figures come from
};

// One product's grant: each license of it adds PerLicense of the kind to the tenant's pool.
struct CapacityGrant {
  std::string SkuPartNumber, SkuId, Kind;
  int64_t PerLicense = 0;
};

struct Bot {
  std::string Id, Name, Owner, Environment, CreatedOn;  // Owner: UPN, empty once that user is gone
  bool OwnerLicensed = false;  // the owner is active and holds one of the kind's maker licenses
  std::string RemovedOn;       // empty while the bot is in use
};

// One bot's billed sessions on one day: the shape of the bot's analytics (billing) export.
struct BotUsageDay {
  std::string Date, Bot;
  int64_t BilledSessions = 0;
};

// A bot's billed sessions over one month (Get-BotUsage).
struct BotUsageRow {
  std::string Bot, Month, Owner, Environment, UsageThrough;
  int64_t BilledSessions = 0, Days = 0;
  std::optional<double> PercentOfTenant;  // of every bot's sessions that month; none when there were none
  bool Removed = false;
};

// A kind's pool over one period (Get-TenantCapacity). Optional figures are absent when they have
// no meaning: no consumption for a kind plush does not meter, no projection without usage.
struct TenantCapacityRow {
  std::string Kind, DisplayName, Unit, Month, Source;  // Month: YYYY-MM, empty for standing kinds
  int64_t Total = 0, Suspended = 0;
  std::optional<int64_t> Consumed, Available, Projected;
  std::optional<double> PercentUsed, DailyRate, ProjectedPercent;
  std::string UsageThrough;            // the last day with usage in the period
  std::vector<std::string> Grants;     // "VIRTUAL_AGENT_BASE: 2 x 2000"
};

struct NewBot {
  std::string name, owner, environment;  // environment empty: "Default"
};

struct BotUsageImport {
  std::string Path, From, To;  // From/To: the first and last date in the file
  int64_t Rows = 0, Added = 0, Updated = 0, Unchanged = 0;
};

}  // namespace plush::tenant
