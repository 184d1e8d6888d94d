// The pooled capacity this release's catalog defines, given to a store made before capacity was kept.
#include "store/capacity_seed.h"

namespace plush::store {

namespace {

// (kind, display name, unit, period, consumed by, tenant base, maker licenses, source), as stdlib/catalog.json.
const char* kKinds = R"sql(
  ('BilledSessions', 'Power Virtual Agents billed sessions', 'sessions', 'Month', 'Bot', 0, 'VIRTUAL_AGENT_USL', 'Microsoft Power Apps, Power Automate and Power Virtual Agents Licensing Guide (e.g. November 2021), ''Power Virtual Agents subscriptions'': each Power Virtual Agents tenant license (VIRTUAL_AGENT_BASE) comes with 2,000 billed sessions a month, pooled across the tenant; learn.microsoft.com, ''View billed sessions'' (Power Virtual Agents analytics): capacity is pooled across the tenant and its consumption is shown per bot only.'),
  ('SharePointStorage', 'SharePoint Online tenant storage', 'GB', 'None', '', 1024, '', 'SharePoint Online service description, ''SharePoint limits'': a tenant''s pooled storage is 1 TB plus 10 GB per license of an eligible plan (Microsoft 365 E3/E5, Office 365 E1/E3/E5, Microsoft 365 Business Basic/Standard/Premium, SharePoint Plan 1/2); Microsoft 365 admin docs, ''Add more SharePoint storage'': Office 365 Extra File Storage (SHAREPOINTSTORAGE) adds 1 GB per license.')
)sql";

// (product SkuId, kind, per license)
const char* kGrants = R"sql(
  ('6fd2c87f-b296-42f0-b197-1e91e994b900', 'SharePointStorage', 10),
  ('05e9a617-0261-4cee-bb44-138d3ef5d965', 'SharePointStorage', 10),
  ('06ebc4ee-1bb5-47dd-8120-11324bc54e06', 'SharePointStorage', 10),
  ('e4e55366-9635-46f4-a907-fc8c3b5ec81f', 'BilledSessions', 2000),
  ('c7df2760-2c81-4ef7-b578-5b5392b571df', 'SharePointStorage', 10),
  ('cbdc14ab-d96c-4c30-b9f4-6ada7cdc1d46', 'SharePointStorage', 10),
  ('3b555118-da6a-4418-894f-7df1e2096870', 'SharePointStorage', 10),
  ('f245ecc8-75af-4f8e-b61f-27d8114de5f3', 'SharePointStorage', 10),
  ('18181a46-0d4e-45cd-891e-60aabd171b4e', 'SharePointStorage', 10),
  ('1fc08a02-8b3d-43b9-831e-f76859e04e1a', 'SharePointStorage', 10),
  ('a9732ec9-17d9-494c-a51c-d6b45b384dcb', 'SharePointStorage', 10),
  ('99049c9c-6011-4908-bf17-15f496e6519d', 'SharePointStorage', 1)
)sql";

}  // namespace

std::string capacitySeedSql(SqlDialect dialect) {
  bool sqlite = dialect == SqlDialect::Sqlite;
  std::string insert = sqlite ? "INSERT OR IGNORE INTO " : "INSERT INTO ";
  std::string ignore = sqlite ? "" : " ON CONFLICT DO NOTHING";
  // Only into a store that holds a tenant: a new store takes its catalog's, and Copy-Tenant's target
  // must start empty.
  return insert + "capacity_kinds(kind, display_name, unit, period, consumed_by, tenant_base, maker_licenses, source) "
                  "SELECT * FROM (VALUES " + kKinds + ") AS k WHERE EXISTS (SELECT 1 FROM tenant)" + ignore + ";\n"
         "WITH g(sku_id, kind, per_license) AS (VALUES " + kGrants + ")\n" +
         insert + "capacity_grants(product_pk, kind, per_license) "
                  "SELECT p.pk, g.kind, g.per_license FROM products p JOIN g ON " +
         (sqlite ? "p.sku_id = g.sku_id" : "fold(p.sku_id) = fold(g.sku_id)") + ignore + ";\n";
}

}  // namespace plush::store
