// Graph PowerShell session and directory cmdlets: Import-Module (of the Graph modules), Connect-MgGraph,
// Disconnect-MgGraph, Get-MgContext, Get-MgSubscribedSku, Get-MgDirectoryDeletedItemAsUser,
// Restore-MgDirectoryDeletedItem.
#include <cstdio>

#include "cmdlets/mg_common.h"
#include "tenant/text.h"

namespace plush::cmdlets::mg {

namespace {

// One line on stderr, after what stdout holds so far.
void note(const std::string& text) {
  std::fflush(stdout);
  std::fputs((text + "\n").c_str(), stderr);
}

// The modules whose cmdlets plush's own stand in for: importing them is a no-op, any other is refused.
bool standsInFor(const std::string& module) {
  std::string m = tenant::lower(module);
  return m.rfind("microsoft.graph", 0) == 0 || m == "msonline" || m == "azuread" || m == "azureadpreview";
}

void registerImportModule(lua_State* L) {
  shell::registerCmdlet(L, {
      .name = "Import-Module",
      .aliases = {"ipmo"},
      .synopsis = "Accept Import-Module of the Microsoft Graph (and MSOnline, AzureAD) modules: plush's cmdlets stand in for them.",
      .description = "Scripts written for the Microsoft Graph PowerShell SDK start with Import-Module "
                     "Microsoft.Graph.Users (or .Authentication, .Groups, ...); the Mg* cmdlets are built in, so "
                     "this does nothing for them. Any other module is refused with NotSupportedInPlush: plush "
                     "loads no modules.",
      .params = {{.name = "Name", .list = true, .position = 1, .mandatory = true, .help = "The module names."},
                 {.name = "Force", .type = "switch"}, {.name = "Global", .type = "switch"},
                 {.name = "Scope"}, {.name = "MinimumVersion"}, {.name = "RequiredVersion"}, {.name = "MaximumVersion"},
                 {.name = "DisableNameChecking", .type = "switch"}, {.name = "Prefix"}},
      .examples = {{"Import-Module Microsoft.Graph.Users", "As a Graph PowerShell script starts."}},
      .process = [](shell::Call& c) {
        cmdlets::guarded(c, [&] {
          for (const std::string& module : c.strings("Name"))
            if (!standsInFor(module))
              tenant::fail("NotSupportedInPlush", "NotImplemented", module,
                           "Import-Module " + module + " is not supported in plush: modules are out of scope (the "
                           "Microsoft Graph, MSOnline and AzureAD modules are accepted, since plush's own cmdlets "
                           "stand in for them).");
        });
      },
  });
}

void registerConnection(lua_State* L, TenantContext& ctx, const ConnectionPtr& connection) {
  shell::registerCmdlet(L, {
      .name = "Connect-MgGraph",
      .synopsis = "Start a Graph PowerShell session: offline, on the tenant store (nothing is sent to Microsoft Graph).",
      .description = "Scripts written for the Microsoft Graph PowerShell SDK call this first; plush accepts its "
                     "parameters and says in one line that the Mg* commands work on the tenant store. They read "
                     "and change the store with every licensing rule checked; Export-GraphRequest (or plush "
                     "--what-if --graph-requests FILE) writes the Graph requests that make the real tenant match. "
                     "-NoWelcome leaves the line out.",
      .params = {{.name = "Scopes", .list = true, .help = "Recorded for Get-MgContext; plush checks the admin's roles instead."},
                 {.name = "TenantId"}, {.name = "ClientId"}, {.name = "CertificateThumbprint"},
                 {.name = "CertificateName"}, {.name = "Certificate", .type = "object"},
                 {.name = "ClientSecretCredential", .type = "object"}, {.name = "AccessToken", .type = "object"},
                 {.name = "Identity", .type = "switch"}, {.name = "UseDeviceCode", .type = "switch", .aliases = {"UseDeviceAuthentication"}},
                 {.name = "ContextScope"}, {.name = "Environment"},
                 {.name = "NoWelcome", .type = "switch", .help = "No line about working offline."}},
      .examples = {{"Connect-MgGraph -Scopes User.ReadWrite.All, Organization.Read.All", "As a script starts."}},
      .process = [&ctx, connection](shell::Call& c) {
        cmdlets::guarded(c, [&] {
          connection->connected = true;
          connection->scopes = c.strings("Scopes");
          if (!c.flag("NoWelcome"))
            note("Connect-MgGraph: offline: the Mg* commands work on the tenant " + ctx.session().tenant().Name +
                 " in the plush store as " + ctx.session().actor() + "; nothing is sent to Microsoft Graph.");
        });
      },
  });

  shell::registerCmdlet(L, {
      .name = "Disconnect-MgGraph",
      .aliases = {"Disconnect-Graph"},
      .synopsis = "End the Graph PowerShell session (the Mg* commands then need Connect-MgGraph again).",
      .process = [connection](shell::Call&) {
        connection->connected = false;
        connection->scopes.clear();
      },
  });

  shell::registerCmdlet(L, {
      .name = "Get-MgContext",
      .synopsis = "The Graph PowerShell session: the tenant, the acting admin and the scopes asked for; $null when not connected.",
      .outputType = "MicrosoftGraphContext",
      .process = [&ctx, connection](shell::Call& c) {
        cmdlets::guarded(c, [&] {
          if (!connection->connected) return;
          lua_State* L = c.lua();
          tenant::TenantInfo t = ctx.session().tenant();
          c.pushObject("MicrosoftGraphContext", 6);
          shell::setField(L, "TenantId", t.Id);
          shell::setField(L, "Scopes", connection->scopes);
          shell::setField(L, "AuthType", "Offline");
          shell::setField(L, "Account", ctx.session().actor());
          shell::setField(L, "AppName", "plush");
          shell::setField(L, "Environment", "Offline: the tenant store, nothing sent to Microsoft Graph");
          c.emitTop();
        });
      },
  });
}

void registerSubscribedSku(lua_State* L, TenantContext& ctx, const ConnectionPtr& connection) {
  shell::registerCmdlet(L, {
      .name = "Get-MgSubscribedSku",
      .synopsis = "The tenant's subscribed products as Graph's subscribedSku objects.",
      .description = "MicrosoftGraphSubscribedSku objects: Id, AccountId, AccountName, AppliesTo, CapabilityStatus, "
                     "ConsumedUnits, PrepaidUnits (Enabled, Suspended, Warning, LockedOut), ServicePlans "
                     "(ServicePlanId, ServicePlanName, ProvisioningStatus, AppliesTo), SkuId, SkuPartNumber, "
                     "SubscriptionIds: the products Get-Product lists, with their licenses.",
      .params = {{.name = "SubscribedSkuId", .position = 1, .sets = {"Get"}, .help = "One subscribedSku by its id (<tenant id>_<SkuId>)."},
                 {.name = "All", .type = "switch", .sets = {"List"}, .help = "Accepted for scripts: there is one page."},
                 {.name = "Property", .list = true, .aliases = {"Select"}, .help = "Accepted for scripts: every property is filled."},
                 {.name = "Search", .sets = {"List"}}, {.name = "Filter", .sets = {"List"}}},
      .examples = {{"Get-MgSubscribedSku -All | Select-Object SkuPartNumber, ConsumedUnits, @{n='Enabled'; e={$_.PrepaidUnits.Enabled}}",
                    "Licenses in use."}},
      .defaultSet = "List",
      .outputType = "MicrosoftGraphSubscribedSku",
      .process = [&ctx, connection](shell::Call& c) {
        guarded(c, *connection, [&] {
          if (c.has("Filter")) failBadRequest("Filter", "Query filter expressions aren't supported on subscribedSkus (Graph says so too).");
          std::optional<std::string> id = c.str("SubscribedSkuId");
          bool found = false;
          for (const tenant::SubscribedSku& sku : ctx.session().subscribedSkus()) {
            if (id && !tenant::iequals(*id, sku.Id)) continue;
            found = true;
            pushSubscribedSku(c, sku);
            if (!c.emitTop()) return;
          }
          if (id && !found) failNotFound(*id);
        });
      },
  });
}

void registerDeletedItems(lua_State* L, TenantContext& ctx, const ConnectionPtr& connection) {
  shell::registerCmdlet(L, {
      .name = "Get-MgDirectoryDeletedItemAsUser",
      .synopsis = "Soft-deleted users (Graph's /directory/deletedItems/microsoft.graph.user).",
      .description = "MicrosoftGraphUser objects with DeletedDateTime: users removed within the last 30 days, "
                     "which Restore-MgDirectoryDeletedItem brings back with their licenses.",
      .params = {{.name = "DirectoryObjectId", .position = 1, .sets = {"Get"}, .complete = "user", .help = "One deleted user's id."},
                 {.name = "All", .type = "switch", .sets = {"List"}},
                 {.name = "Top", .type = "int", .sets = {"List"}},
                 {.name = "Property", .list = true, .aliases = {"Select"}}},
      .examples = {{"Get-MgDirectoryDeletedItemAsUser -All | Select-Object UserPrincipalName, DeletedDateTime", "Deleted users."}},
      .defaultSet = "List",
      .outputType = "MicrosoftGraphUser",
      .process = [&ctx, connection](shell::Call& c) {
        guarded(c, *connection, [&] {
          std::vector<std::string> defaults = userDefaults();
          defaults.push_back("deletedDateTime");
          Selection sel(c.strings("Property"), defaults, userSelectable(), "microsoft.graph.user");
          auto& session = ctx.session();
          if (std::optional<std::string> id = c.str("DirectoryObjectId")) {
            tenant::User u = session.anyUser(*id);
            if (u.DeletedOn.empty()) failNotFound(*id);
            pushUser(c, u, sel, nullptr);
            c.emitTop();
            return;
          }
          tenant::UserQuery q;
          q.deleted = true;
          std::optional<double> top = c.number("Top");
          size_t limit = top ? static_cast<size_t>(*top) : SIZE_MAX, emitted = 0;
          session.forEachUser(q, [&](const tenant::User& u) {
            if (emitted++ == limit) return false;
            pushUser(c, u, sel, nullptr);
            return c.emitTop();
          });
        });
      },
  });

  shell::registerCmdlet(L, {
      .name = "Restore-MgDirectoryDeletedItem",
      .synopsis = "Restore a soft-deleted user with its licenses (Graph's POST /directory/deletedItems/{id}/restore).",
      .description = "The licenses come back even when that over-assigns a product, as Microsoft 365 does.",
      .params = {{.name = "DirectoryObjectId", .position = 1, .mandatory = true, .complete = "user", .help = "The deleted user's id."}},
      .examples = {{"Restore-MgDirectoryDeletedItem -DirectoryObjectId $u.Id", "Bring a user back."}},
      .changesState = true,
      .outputType = "MicrosoftGraphDirectoryObject",
      .process = [&ctx, connection](shell::Call& c) {
        guarded(c, *connection, [&] {
          pushUserAsDirectoryObject(c, ctx.session().restoreUser(*c.str("DirectoryObjectId")));
          c.emitTop();
        });
      },
  });
}

}  // namespace

void registerDirectoryCmdlets(lua_State* L, TenantContext& ctx, const ConnectionPtr& connection) {
  registerImportModule(L);
  registerConnection(L, ctx, connection);
  registerSubscribedSku(L, ctx, connection);
  registerDeletedItems(L, ctx, connection);
}

}  // namespace plush::cmdlets::mg
