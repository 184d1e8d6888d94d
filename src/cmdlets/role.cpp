// Admin cmdlets: roles (Get-AdminRole, Add-/Remove-AdminRoleMember), bindings (Get-/Add-/Remove-AdminBinding), Get-AuditLog.
#include "cmdlets/nouns.h"

namespace plush::cmdlets {

namespace {

const std::vector<std::string> kRoles = {"GlobalAdministrator", "BillingAdministrator", "LicenseAdministrator",
                                         "UserAdministrator", "GlobalReader"};

}  // namespace

void registerRoleCmdlets(lua_State* L, TenantContext& ctx) {
  shell::registerCmdlet(L, {
      .name = "Get-AdminRole",
      .synopsis = "List the admin roles and who holds them.",
      .description = "GlobalAdministrator may do everything; BillingAdministrator buys and changes subscriptions; "
                     "LicenseAdministrator assigns licenses and sets usage locations; UserAdministrator manages "
                     "users, groups and their licenses; GlobalReader reads everything.",
      .params = {{.name = "Role", .position = 1, .values = kRoles}},
      .examples = {{"Get-AdminRole", "Every role and its members."}},
      .outputType = "AdminRole",
      .process = [&ctx](shell::Call& c) {
        guarded(c, [&] {
          auto only = c.str("Role");
          for (const auto& role : ctx.session().adminRoles()) {
            if (only && *only != role.Name) continue;
            pushAdminRole(c, role);
            if (!c.emitTop()) return;
          }
        });
      },
  });

  for (bool add : {true, false}) {
    shell::registerCmdlet(L, {
        .name = add ? "Add-AdminRoleMember" : "Remove-AdminRoleMember",
        .synopsis = add ? "Give a user an admin role." : "Take an admin role from a user.",
        .params = {{.name = "Role", .mandatory = true, .values = kRoles},
                   userParam("User", 0, true, false, "The user.")},
        .examples = {{add ? "Add-AdminRoleMember -Role LicenseAdministrator -User ann@contoso.com"
                          : "Remove-AdminRoleMember -Role GlobalReader -User ann@contoso.com", ""}},
        .changesState = true,
        .process = [&ctx, add](shell::Call& c) {
          guarded(c, [&] {
            if (add) ctx.session().addAdminRoleMember(*c.str("Role"), *c.str("User"));
            else ctx.session().removeAdminRoleMember(*c.str("Role"), *c.str("User"));
          });
        },
    });
  }

  shell::registerCmdlet(L, {
      .name = "Get-AdminBinding",
      .synopsis = "List which logins may act as which admins (identities bound, not claimed).",
      .description = "While no binding exists, --as names any admin (Get-Tenant says Identities Claimed). Once one "
                     "exists (Identities Bound), a session acts only as an admin bound to its login: on PostgreSQL "
                     "the database login, on a SQLite file the OS account; --as picks among them, and each audit "
                     "row records the login.",
      .params = {{.name = "Login", .position = 1, .help = "Only this login's bindings.", .null = "refuse"}},
      .examples = {{"Get-AdminBinding", "Every login and the admin it acts as."}},
      .outputType = "AdminBinding",
      .process = [&ctx](shell::Call& c) {
        guarded(c, [&] {
          auto only = c.str("Login");
          for (const auto& b : ctx.session().adminBindings()) {
            if (only && *only != b.Login) continue;
            pushAdminBinding(c, b);
            if (!c.emitTop()) return;
          }
        });
      },
  });

  for (bool add : {true, false}) {
    shell::registerCmdlet(L, {
        .name = add ? "Add-AdminBinding" : "Remove-AdminBinding",
        .synopsis = add ? "Let a login act as an admin: from then on sessions act as the admin bound to their login."
                        : "Stop a login acting as an admin.",
        .description = add ? "GlobalAdministrator only. The first binding must be a GlobalAdministrator's; it takes "
                             "effect for the sessions opened after it. Logins are PostgreSQL logins (a SQLite "
                             "file: OS accounts), matched exactly."
                           : "GlobalAdministrator only. The last binding of a GlobalAdministrator stays while "
                             "others remain; removing every binding makes identities claimed again.",
        .params = {userParam("User", 0, true, false, "The admin."),
                   {.name = "Login", .mandatory = true, .help = "The database login (SQLite: the OS account)."}},
        .examples = {{add ? "Add-AdminBinding -User ann@contoso.com -Login ann"
                          : "Remove-AdminBinding -User ann@contoso.com -Login ann", ""}},
        .changesState = true,
        .process = [&ctx, add](shell::Call& c) {
          guarded(c, [&] {
            if (add) ctx.session().addAdminBinding(*c.str("User"), *c.str("Login"));
            else ctx.session().removeAdminBinding(*c.str("User"), *c.str("Login"));
          });
        },
    });
  }

  shell::registerCmdlet(L, {
      .name = "Get-AuditLog",
      .synopsis = "Every change made to the tenant: Time, Actor, Action, Target, Detail.",
      .description = "Each change is written to the audit log in the same transaction as the change itself.",
      .params = {{.name = "Since", .type = "date", .help = "Only changes at or after this time.", .null = "refuse"},
                 {.name = "Actor", .type = "string", .complete = "user", .help = "Only changes by this admin.",
                  .null = "refuse"},
                 {.name = "Target", .help = "Only changes to this target (wildcards allowed).", .null = "refuse"},
                 {.name = "Last", .type = "int", .help = "Only the last N changes.", .null = "refuse"}},
      .examples = {{"Get-AuditLog -Last 10", "The ten latest changes."},
                   {"Get-AuditLog -Actor licensing@contoso.onmicrosoft.com -Since 2026-11-01", "One admin's month."}},
      .outputType = "AuditEntry",
      .process = [&ctx](shell::Call& c) {
        guarded(c, [&] {
          tenant::AuditQuery q;
          q.since = c.str("Since", "");
          q.actor = c.str("Actor", "");
          q.target = c.str("Target", "");
          q.last = static_cast<int64_t>(c.number("Last").value_or(0));
          ctx.session().forEachAudit(q, [&](const tenant::AuditEntry& e) {
            pushAuditEntry(c, e);
            return c.emitTop();
          });
        });
      },
  });
}

}  // namespace plush::cmdlets
