// Product cmdlets: Get-Product, Import-Product.
#include "cmdlets/nouns.h"

namespace plush::cmdlets {

void registerProductCmdlets(lua_State* L, TenantContext& ctx) {
  shell::registerCmdlet(L, {
      .name = "Get-Product",
      .synopsis = "List the products (SKUs) the tenant knows, with their service plans.",
      .description = "Products come from the catalog and Import-Product. -Name matches SkuPartNumber or display "
                     "name, with wildcards. Each Product has SkuPartNumber, SkuId, DisplayName, AppliesTo "
                     "(User or Company), ServicePlans and Requires.",
      .params = {{.name = "Name", .position = 1, .aliases = {"SkuPartNumber"}, .complete = "product",
                  .help = "A SkuPartNumber, SkuId or display name; wildcards * and ? allowed.", .null = "refuse"}},
      .examples = {{"Get-Product", "Every product."},
                   {"Get-Product *E3*", "Products whose part number or name contains E3."},
                   {"(Get-Product SPE_E3).ServicePlans | Select-Object Name", "The service plans of Microsoft 365 E3."}},
      .outputType = "Product",
      .process = [&ctx](shell::Call& c) {
        guarded(c, [&] {
          emitAll(c, ctx.session().products(c.str("Name", "*")), pushProduct);
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
                     "A malformed file is an InvalidCsv error naming the line, and nothing is written.",
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
