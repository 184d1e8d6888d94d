// Tenant cmdlets: Get-Tenant, Set-Tenant, New-Tenant, Connect-Tenant, Export-Tenant, Import-Tenant.
#include "cmdlets/nouns.h"
#include "tenant/session.h"

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
      .synopsis = "Write the whole tenant as JSON: a backup Import-Tenant restores exactly.",
      .description = "Writes the tenant's settings, products, rules, subscriptions, groups, users with their roles, "
                     "memberships and assignments (object ids included), and the audit log.",
      .params = {{.name = "Path", .position = 1, .mandatory = true, .complete = "path"}},
      .examples = {{"Export-Tenant backup.json", "A backup, or a before/after for a dry run."}},
      .process = [&ctx](shell::Call& c) {
        guarded(c, [&] { ctx.session().exportTenant(*c.str("Path")); });
      },
  });

  shell::registerCmdlet(L, {
      .name = "Import-Tenant",
      .synopsis = "Load a tenant from JSON: a plush backup, or what Microsoft Graph returns.",
      .description =
          "-Format plush (the default) reads an Export-Tenant file. Into a fresh store (New-Tenant, nothing done "
          "since) it restores the tenant whole: object ids, roles, memberships and the audit log. A store that "
          "already holds a tenant refuses it (TenantNotEmpty) unless -Merge: then the backup's objects are added or "
          "updated by identity (UPN, SkuId, group name) and this tenant's name, id, settings and log stay.\n"
          "-Format graph reads Microsoft Graph's JSON, several files at once and in any order: subscribedSkus "
          "(GET /subscribedSkus), users (GET /users with $select=...,assignedLicenses,licenseAssignmentStates,"
          "usageLocation,signInActivity), deleted users (GET /directory/deletedItems/microsoft.graph.user) and "
          "groups (GET /groups?$expand=members), each a {\"value\": [...]} page, a plain array or one object. It "
          "keeps what Graph says: object ids, consumedUnits, prepaidUnits (lockedOut too), plans' "
          "provisioningStatus and appliesTo, assignment states (Active, ActiveWithError, Disabled, Error) with "
          "their error codes and lastUpdatedDateTime. licenseAssignmentStates say which licenses are direct and "
          "which inherited; from assignedLicenses alone (which includes inherited licenses) a product one of the "
          "user's groups grants is taken as inherited. Group licenses then reach the members whose states were not "
          "given, by the rules. A graph import updates the tenant in place: a second identical import reports every "
          "object unchanged. It loads into a fresh store or one a graph import loaded before; a store holding a "
          "tenant made otherwise refuses it (TenantNotEmpty) unless -Merge. What cannot be kept as given is a "
          "warning naming the file and place.",
      .params = {{.name = "Path", .list = true, .position = 1, .mandatory = true, .complete = "path",
                  .help = "The file, or for -Format graph several files (skus.json, users.json, groups.json)."},
                 {.name = "Format", .values = {"plush", "graph"}},
                 {.name = "Merge", .type = "switch",
                  .help = "Add a plush backup's (or Graph's files') objects to the tenant this store already holds."}},
      .examples = {{"Import-Tenant backup.json", "Restore a backup into a fresh store (New-Tenant, then Connect-Tenant)."},
                   {"Import-Tenant -Path skus.json, users.json, groups.json -Format graph",
                    "A real tenant's state, as Graph returned it, to plan against offline."},
                   {"Import-Tenant fabrikam.json -Merge", "Add another backup's users and groups to this tenant."}},
      .changesState = true,
      .outputType = "TenantImport",
      .process = [&ctx](shell::Call& c) {
        guarded(c, [&] {
          auto report = ctx.session().importTenant(c.strings("Path"), c.str("Format", "plush"), c.flag("Merge"));
          for (const std::string& w : report.warnings) c.warning(w);
          c.pushObject("TenantImport", 3);
          shell::setField(c.lua(), "Added", static_cast<long long>(report.added));
          shell::setField(c.lua(), "Updated", static_cast<long long>(report.updated));
          shell::setField(c.lua(), "Unchanged", static_cast<long long>(report.unchanged));
          c.emitTop();
        });
      },
  });
}

void registerCopy(lua_State* L, TenantContext& ctx) {
  shell::registerCmdlet(L, {
      .name = "Copy-Tenant",
      .synopsis = "Copy the whole tenant into an empty store: a SQLite file to a PostgreSQL database, or back.",
      .description =
          "Every row comes over as it is: object ids, keys, kept counts, admin roles and bindings, and the audit "
          "log, to which a Copy-Tenant entry is added on both sides. The source is read in one transaction (its "
          "changes wait meanwhile) and the target written in one: it holds all of it or nothing. A target that "
          "already holds a tenant is refused (TenantNotEmpty); a PostgreSQL target is an existing database (the "
          "schema is made in it). -From is the current store unless given. Global Administrator.",
      .params = {{.name = "From", .complete = "path", .help = "The store to copy (default: the current one)."},
                 {.name = "To", .position = 1, .mandatory = true, .complete = "path",
                  .help = "An empty store: a new file, or postgresql://HOST/DATABASE, or service=NAME."}},
      .examples = {{"Copy-Tenant -From contoso.db -To postgresql://db.contoso.com/contoso",
                    "Move a tenant from one machine's file to the team's server."},
                   {"Copy-Tenant -To backup.db", "The current tenant, copied into a SQLite file."}},
      .changesState = true,
      .outputType = "TenantCopy",
      .process = [&ctx](shell::Call& c) {
        guarded(c, [&] {
          std::optional<std::string> from = c.str("From");
          std::string to = *c.str("To");
          std::unique_ptr<tenant::Session> other = from ? ctx.openOther(*from) : nullptr;
          tenant::CopyReport report = (other ? *other : ctx.session()).copyTenantTo(to);
          c.pushObject("TenantCopy", 4);
          shell::setField(c.lua(), "From", from.value_or(ctx.options().storePath));
          shell::setField(c.lua(), "To", to);
          shell::setField(c.lua(), "Tables", static_cast<long long>(report.tables));
          shell::setField(c.lua(), "Rows", static_cast<long long>(report.rows));
          c.emitTop();
        });
      },
  });
}

}  // namespace

void registerTenantCmdlets(lua_State* L, TenantContext& ctx) {
  registerSettings(L, ctx);
  registerStores(L, ctx);
  registerCopy(L, ctx);
}

}  // namespace plush::cmdlets
