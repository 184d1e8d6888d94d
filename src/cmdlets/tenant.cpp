// Tenant cmdlets: Get-Tenant, Set-Tenant, New-Tenant, Connect-Tenant, Export-Tenant, Import-Tenant.
#include "cmdlets/nouns.h"

namespace plush::cmdlets {

namespace {

void registerSettings(lua_State* L, TenantContext& ctx) {
  shell::registerCmdlet(L, {
      .name = "Get-Tenant",
      .synopsis = "The tenant: name, id, default usage location, self-service purchases, counts.",
      .examples = {{"Get-Tenant", "About this tenant."}},
      .outputType = "Tenant",
      .process = [&ctx](shell::Call& c) {
        guarded(c, [&] {
          pushTenantInfo(c, ctx.session().tenant());
          c.emitTop();
        });
      },
  });

  shell::registerCmdlet(L, {
      .name = "Set-Tenant",
      .synopsis = "Change tenant settings (Global Administrator).",
      .description = "-DefaultUsageLocation is used for group members without a usage location. "
                     "-AllowAdHocSubscriptions lets users buy or start trials themselves.",
      .params = {{.name = "DefaultUsageLocation", .help = "An ISO 3166 code."},
                 {.name = "AllowAdHocSubscriptions", .type = "bool", .help = "Allow self-service purchases."}},
      .examples = {{"Set-Tenant -DefaultUsageLocation GB", "Group members without a location count as GB."},
                   {"Set-Tenant -AllowAdHocSubscriptions $false", "No more self-service purchases."}},
      .changesState = true,
      .process = [&ctx](shell::Call& c) {
        guarded(c, [&] { ctx.session().setTenant(c.str("DefaultUsageLocation"), c.boolean("AllowAdHocSubscriptions")); });
      },
  });
}

void registerStores(lua_State* L, TenantContext& ctx) {
  shell::registerCmdlet(L, {
      .name = "New-Tenant",
      .synopsis = "Create a tenant store: empty, or the Contoso demo.",
      .description = "Creates the SQLite file at -Path with the product catalog. Its first Global Administrator "
                     "is -Admin, by default admin@<name>.onmicrosoft.com in lower case. -Demo fills it with the "
                     "Contoso demo tenant. It does not switch the session: use Connect-Tenant.",
      .params = {{.name = "Path", .mandatory = true, .complete = "path"},
                 {.name = "Name", .mandatory = true},
                 {.name = "DefaultUsageLocation"},
                 {.name = "Admin", .type = "string", .help = "The first Global Administrator's UPN."},
                 {.name = "Demo", .type = "switch", .help = "The Contoso demo tenant."}},
      .examples = {{"New-Tenant -Path fabrikam.db -Name Fabrikam -DefaultUsageLocation GB", "An empty tenant."},
                   {"New-Tenant -Path demo.db -Name Contoso -Demo", "The demo, on disk."}},
      .changesState = true,
      .outputType = "Tenant",
      .process = [&ctx](shell::Call& c) {
        guarded(c, [&] {
          tenant::NewTenantOptions o;
          o.name = *c.str("Name");
          o.defaultUsageLocation = c.str("DefaultUsageLocation", o.defaultUsageLocation);
          o.adminUpn = c.str("Admin", "");
          o.catalogPath = ctx.options().catalogPath;
          o.now = ctx.options().now;
          if (c.flag("Demo")) o.demoPath = ctx.options().demoPath;
          auto path = *c.str("Path");
          tenant::createTenant(path, o);
          tenant::Session created(path, "", ctx.options().now, ctx.options().catalogPath);
          pushTenantInfo(c, created.tenant());
          c.emitTop();
        });
      },
  });

  shell::registerCmdlet(L, {
      .name = "Connect-Tenant",
      .synopsis = "Switch the session to another tenant store and/or admin.",
      .params = {{.name = "Path", .position = 1, .complete = "path", .help = "The store (default: the current one)."},
                 {.name = "As", .type = "string", .complete = "user", .help = "Act as this admin."}},
      .examples = {{"Connect-Tenant fabrikam.db", "Work on Fabrikam."},
                   {"Connect-Tenant -As billing@contoso.onmicrosoft.com", "Act as the billing admin."}},
      .outputType = "Tenant",
      .process = [&ctx](shell::Call& c) {
        guarded(c, [&] {
          ctx.connect(c.str("Path", ""), c.str("As", ""));
          pushTenantInfo(c, ctx.session().tenant());
          c.emitTop();
        });
      },
  });

  shell::registerCmdlet(L, {
      .name = "Export-Tenant",
      .synopsis = "Write the whole tenant as JSON.",
      .params = {{.name = "Path", .position = 1, .mandatory = true, .complete = "path"}},
      .examples = {{"Export-Tenant backup.json", "A backup, or a before/after for a dry run."}},
      .process = [&ctx](shell::Call& c) {
        guarded(c, [&] { ctx.session().exportTenant(*c.str("Path")); });
      },
  });

  shell::registerCmdlet(L, {
      .name = "Import-Tenant",
      .synopsis = "Load a tenant from JSON: plush's own, or Microsoft Graph shaped.",
      .description = "-Format graph reads Graph's users (assignedLicenses, licenseAssignmentStates, usageLocation) "
                     "and subscribedSkus (skuId, skuPartNumber, prepaidUnits, consumedUnits), as a {\"value\": "
                     "[...]} page or a plain array, so a real tenant can be planned against offline.",
      .params = {{.name = "Path", .position = 1, .mandatory = true, .complete = "path"},
                 {.name = "Format", .values = {"plush", "graph"}}},
      .examples = {{"Import-Tenant backup.json", "Restore a backup."},
                   {"Import-Tenant users.json -Format graph", "Users exported from Graph."}},
      .changesState = true,
      .process = [&ctx](shell::Call& c) {
        guarded(c, [&] { ctx.session().importTenant(*c.str("Path"), c.str("Format", "plush")); });
      },
  });
}

}  // namespace

void registerTenantCmdlets(lua_State* L, TenantContext& ctx) {
  registerSettings(L, ctx);
  registerStores(L, ctx);
}

}  // namespace plush::cmdlets
