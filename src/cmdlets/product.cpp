// Product cmdlets: Get-Product, Import-Product.
#include "cmdlets/nouns.h"
#include "tenant/text.h"

namespace plush::cmdlets {

void registerProductCmdlets(lua_State* L, TenantContext& ctx) {
  shell::registerCmdlet(L, {
      .name = "Get-Product",
      .synopsis = "List the products (SKUs) the tenant subscribes to, or with -Catalog every product plush knows.",
      .description = "Without -Catalog: the tenant's subscribed products, as Microsoft Graph's subscribedSkus lists "
                     "them (a subscription of any status, or a subscribedSku imported with Import-Tenant -Format "
                     "graph). -Catalog: every product plush knows, from its catalog and Import-Product. A product "
                     "named exactly (no wildcard) is found either way. -Name matches SkuPartNumber, SkuId or display "
                     "name, with wildcards. Each Product has SkuPartNumber, SkuId, DisplayName, AppliesTo "
                     "(User or Company), ServicePlans and Requires; ConvertTo-Json writes it as a subscribedSku.",
      .params = {{.name = "Name", .position = 1, .aliases = {"SkuPartNumber"}, .complete = "product",
                  .help = "A SkuPartNumber, SkuId or display name; wildcards * and ? allowed.", .null = "refuse"},
                 {.name = "Catalog", .type = "switch", .help = "Every product plush knows, subscribed or not."}},
      .examples = {{"Get-Product", "The products the tenant subscribes to."},
                   {"Get-Product -Catalog *E3*", "Every known product whose part number or name contains E3."},
                   {"(Get-Product SPE_E3).ServicePlans | Select-Object Name", "The service plans of Microsoft 365 E3."},
                   {"Get-Product | ConvertTo-Json", "The subscribed products as Graph's subscribedSku objects."}},
      .outputType = "Product",
      .process = [&ctx](shell::Call& c) {
        guarded(c, [&] {
          std::string name = c.str("Name", "*");
          bool exact = !name.empty() && !tenant::hasWildcard(name);
          auto scope = c.flag("Catalog") || exact ? tenant::Session::ProductScope::Catalog
                                                  : tenant::Session::ProductScope::Subscribed;
          emitAll(c, ctx.session().products(name, scope), pushProduct);
        });
      },
  });

  shell::registerCmdlet(L, {
      .name = "Import-Product",
      .synopsis = "Add or update products from Microsoft's product and service-plan CSV.",
      .description = "Reads Microsoft's published 'Product names and service plan identifiers for licensing' CSV "
                     "(Product_Display_Name, String_Id, GUID, Service_Plan_Name, Service_Plan_Id, "
                     "Service_Plans_Included_Friendly_Names; one row per product and plan) and adds or updates "
                     "every product in it, in one transaction. A second import of the same file changes nothing. "
                     "The file is UTF-8 (Microsoft's has a BOM) or UTF-16 with a BOM; another encoding is refused "
                     "at its first line that is not UTF-8. A malformed file is an InvalidCsv error naming the line "
                     "(for an unclosed quote, the line where it opened), and nothing is written.",
      .params = {{.name = "Path", .position = 1, .mandatory = true, .aliases = {"FilePath"}, .complete = "path",
                  .help = "The CSV file."}},
      .examples = {{"Import-Product -Path product-service-plans.csv", "Load Microsoft's list."}},
      .changesState = true,
      .outputType = "ImportReport",
      .process = [&ctx](shell::Call& c) {
        guarded(c, [&] {
          auto report = ctx.session().importProductsCsv(*c.str("Path"));
          c.pushObject("ImportReport", 4);
          shell::setField(c.lua(), "Added", static_cast<long long>(report.added));
          shell::setField(c.lua(), "Updated", static_cast<long long>(report.updated));
          shell::setField(c.lua(), "Unchanged", static_cast<long long>(report.unchanged));
          shell::setField(c.lua(), "ServicePlans", static_cast<long long>(report.plans));
          c.emitTop();
        });
      },
  });
}

}  // namespace plush::cmdlets
