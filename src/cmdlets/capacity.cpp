// Tenant capacity cmdlets: Get-TenantCapacity.
#include "cmdlets/nouns.h"

namespace plush::cmdlets {

void registerCapacityCmdlets(lua_State* L, TenantContext& ctx) {
  shell::registerCmdlet(L, {
      .name = "Get-TenantCapacity",
      .synopsis = "Pooled tenant capacity: what the licenses grant, what the bots used, where the month is heading.",
      .description =
          "One row per pooled capacity the catalog defines (BilledSessions: Power Virtual Agents billed sessions "
          "a month; SharePointStorage: tenant storage). Total pools every Enabled and Warning subscription of the "
          "products that grant the kind (Quantity x the amount per license), as on the clock (--now) for the "
          "current month, on the last day of a month gone by, on the first of one to come; Suspended is what "
          "suspended subscriptions would add. For BilledSessions, Consumed sums every bot's billed sessions in the "
          "month (the tenant-level figure Microsoft's analytics do not show), Available = Total - Consumed, and "
          "Projected carries the daily rate over the days the usage covers (through UsageThrough) to the month's "
          "end. Kinds plush does not meter (storage) show the pool only. Format-List shows Grants and Source: "
          "which licenses make the Total and where the figures come from.",
      .params = {{.name = "Kind", .position = 1, .help = "Only this capacity kind (BilledSessions, SharePointStorage)."},
                 {.name = "Month", .help = "The month, YYYY-MM (default: the clock's)."}},
      .examples = {{"Get-TenantCapacity", "Every pooled capacity this month."},
                   {"Get-TenantCapacity BilledSessions | Format-List", "The sessions pool with its grants and source."},
                   {"(Get-TenantCapacity BilledSessions).ProjectedPercent -gt 90", "Will the month run out?"},
                   {"Get-TenantCapacity -Kind BilledSessions -Month 2026-10", "A month gone by."}},
      .outputType = "TenantCapacity",
      .process = [&ctx](shell::Call& c) {
        guarded(c, [&] { emitAll(c, ctx.session().capacity(c.str("Kind"), c.str("Month")), pushTenantCapacity); });
      },
  });
}

}  // namespace plush::cmdlets
