// User cmdlets: Get-User, New-User, Set-User, Remove-User, Restore-User.
#include "cmdlets/nouns.h"
#include "cmdlets/pushed_where.h"
#include "cmdlets/user_rows.h"

namespace plush::cmdlets {

namespace {

const std::vector<std::string> kUserTypes = {"Member", "Guest"};

tenant::UserQuery userQuery(shell::Call& c) {
  tenant::UserQuery q;
  q.identity = c.str("Identity", "");
  q.filter = c.str("Filter", "");
  q.department = c.str("Department");  // '' (also from $null): users without one
  q.usageLocation = c.str("UsageLocation");
  q.product = c.str("Product", "");
  q.userType = c.str("UserType", "");
  q.licensed = c.flag("Licensed");
  q.unlicensed = c.flag("Unlicensed");
  q.deleted = c.flag("Deleted");
  return q;
}

tenant::UserChanges userChanges(shell::Call& c) {
  tenant::UserChanges u;
  u.displayName = c.str("DisplayName");
  u.usageLocation = c.str("UsageLocation");
  u.department = c.str("Department");
  u.userType = c.str("UserType");
  u.lastSignIn = c.str("LastSignIn");
  u.accountEnabled = c.boolean("AccountEnabled");
  return u;
}

// Every active user: then the kept count says how many will come.
bool listsEveryone(const tenant::UserQuery& q) {
  return q.identity.empty() && q.filter.empty() && !q.department && !q.usageLocation &&
         q.product.empty() && q.userType.empty() && !q.licensed && !q.unlicensed && !q.deleted && !q.pushed;
}

// Where-Object's test, when the pipeline handed it over (shell/pipeline.lua): into the query what
// gives the block's own answer; -Verbose on either command says what went in.
void pushWhere(shell::Call& c, tenant::UserQuery& q) {
  if (!c.has("PushedTest")) return;
  c.pushArgument("PushedTest");
  PushedWhere w = pushedUserTest(c.lua(), -1);
  lua_pop(c.lua(), 1);
  std::string left = w.left.empty() ? "" : " Not pushed: " + w.left + ".";
  if (!w.query) {
    c.verbose("Where-Object's test runs on every user read; none of it goes into the store's query." +
              (left.empty() ? std::string(" A part of its -or or -not is not pushed.") : left));
    return;
  }
  q.pushed = std::move(w.query);
  if (w.whole) c.verbose("Where-Object's test runs in the store's query: " + w.pushed + ".");
  else c.verbose("Part of Where-Object's test runs in the store's query: " + w.pushed + "; the block tests each user read." + left);
}

// The users as the pipeline's value (`local users = Get-User`): kept as compact rows, each made into
// its object when the List's item is first read (user_rows.h), so a million users fit in memory.
void keepUsers(shell::Call& c, TenantContext& ctx, const tenant::UserQuery& query) {
  lua_State* L = c.lua();
  lua_newtable(L);
  UserRows rows(L, -1);
  ctx.session().forEachUser(query, [&](const tenant::User& u) {
    rows.add(u);
    if ((rows.size() & 0x3FF) == 0) c.pollStop();
    return true;
  });
  pushUserList(L, std::move(rows));
  c.giveListTop();
}

void registerGetUser(lua_State* L, TenantContext& ctx) {
  shell::registerCmdlet(L, {
      .name = "Get-User",
      .synopsis = "List users, filtered in the store.",
      .description = "Streams users from the store: every filter runs as a query, so a million users cost "
                     "only what is read. -Filter takes Microsoft Graph's OData subset: eq ne gt ge lt le, and or "
                     "not, startswith(field,'x'), null, assignedLicenses/any(x:x/skuId eq GUID) and "
                     "skuPartNumber eq 'X'.",
      .params = {userParam("Identity", 1, false, false, "One user: UPN or object id."),
                 {.name = "Filter", .help = "An OData filter, e.g. \"department eq 'Sales' and usageLocation eq null\".",
                  .null = "refuse"},
                 {.name = "Department", .help = "Only this department; $null or '' for users without one.", .null = "none"},
                 {.name = "UsageLocation",
                  .help = "Only this usage location (ISO 3166 code); $null or '' for users without one.",
                  .null = "none"},
                 {.name = "Licensed", .type = "switch", .help = "Only users holding a license."},
                 {.name = "Unlicensed", .type = "switch", .help = "Only users holding none."},
                 productParam("Product", 0, false, false, "Only users holding this product."),
                 {.name = "UserType", .values = kUserTypes, .help = "Member or Guest.", .null = "refuse"},
                 {.name = "Deleted", .type = "switch", .help = "Soft-deleted users instead of active ones."}},
      .examples = {{"Get-User -Department Sales", "Everyone in Sales."},
                   {"Get-User -Filter \"usageLocation eq null\"", "Users without a usage location."},
                   {"Get-User -Product POWER_BI_PRO | Measure-Object", "How many hold Power BI Pro."}},
      .outputType = "User",
      .process = [&ctx](shell::Call& c) {
        guarded(c, [&] {
          tenant::UserQuery query = userQuery(c);
          pushWhere(c, query);
          if (c.outputIsValue()) return keepUsers(c, ctx, query);
          if (listsEveryone(query)) c.expect(ctx.session().userCount());
          ctx.session().forEachUser(query, [&](const tenant::User& u) {
            pushUser(c, u);
            return c.emitTop();
          });
        });
      },
  });
}

void registerUserChanges(lua_State* L, TenantContext& ctx) {
  shell::registerCmdlet(L, {
      .name = "New-User",
      .synopsis = "Create a user.",
      .description = "UsageLocation is a two-letter ISO 3166 code; licenses need one.",
      .params = {{.name = "UserPrincipalName", .mandatory = true, .pipeline = "property", .aliases = {"UPN"}},
                 {.name = "DisplayName", .mandatory = true, .pipeline = "property"},
                 {.name = "UsageLocation", .pipeline = "property"},
                 {.name = "Department", .pipeline = "property"},
                 {.name = "UserType", .pipeline = "property", .values = kUserTypes},
                 {.name = "AccountEnabled", .type = "bool", .pipeline = "property"}},
      .examples = {{"New-User -UserPrincipalName ann@contoso.com -DisplayName 'Ann Lee' -UsageLocation GB", "A user."},
                   {"Import-Csv new-hires.csv | New-User", "Users from a CSV with the same column names."}},
      .changesState = true,
      .outputType = "User",
      .process = [&ctx](shell::Call& c) {
        guarded(c, [&] {
          tenant::NewUser n;
          n.userPrincipalName = *c.str("UserPrincipalName");
          n.displayName = *c.str("DisplayName");
          n.usageLocation = c.str("UsageLocation", "");
          n.department = c.str("Department", "");
          n.userType = c.str("UserType", "Member");
          n.accountEnabled = c.boolean("AccountEnabled").value_or(true);
          pushUser(c, ctx.session().newUser(n));
          c.emitTop();
        });
      },
  });

  shell::registerCmdlet(L, {
      .name = "Set-User",
      .synopsis = "Change a user's properties.",
      .description = "Changes only what is given. -UsageLocation is validated as an ISO 3166 code.",
      .params = {userParam("Identity", 1, true, false, "The user."),
                 {.name = "DisplayName"},
                 {.name = "UsageLocation", .help = "ISO 3166 code; $null or '' removes it.", .null = "none"},
                 {.name = "Department", .help = "$null or '' removes it.", .null = "none"},
                 {.name = "UserType", .values = kUserTypes},
                 {.name = "AccountEnabled", .type = "bool"},
                 {.name = "LastSignIn", .type = "date", .help = "When the user last signed in; $null or '' removes it.",
                  .null = "none"}},
      .examples = {{"Set-User bob@contoso.com -UsageLocation US", "Give Bob a usage location."},
                   {"Get-User -Department Sales | Set-User -UsageLocation GB", "For everyone in Sales."}},
      .changesState = true,
      .process = [&ctx](shell::Call& c) {
        guarded(c, [&] { ctx.session().setUser(*c.str("Identity"), userChanges(c)); });
      },
  });

  shell::registerCmdlet(L, {
      .name = "Remove-User",
      .synopsis = "Delete a user: soft (30 days, licenses suspended) or permanent.",
      .description = "A soft delete suspends the user's licenses, freeing them; Restore-User brings them back "
                     "within 30 days. -Permanent deletes the user and the assignments.",
      .params = {userParam("Identity", 1, true, false, "The user."),
                 {.name = "Permanent", .type = "switch", .help = "Delete for good."}},
      .examples = {{"Remove-User gary.hall@contoso.com", "Soft-delete Gary."}},
      .changesState = true,
      .process = [&ctx](shell::Call& c) {
        guarded(c, [&] { ctx.session().removeUser(*c.str("Identity"), c.flag("Permanent")); });
      },
  });

  shell::registerCmdlet(L, {
      .name = "Restore-User",
      .synopsis = "Restore a soft-deleted user with its licenses.",
      .description = "Brings the licenses back even when that over-assigns a product, as Microsoft 365 does "
                     "(Get-License then shows a negative Available).",
      .params = {userParam("Identity", 1, true, false, "The soft-deleted user.")},
      .examples = {{"Restore-User gary.hall@contoso.com", "Gary is back."}},
      .changesState = true,
      .outputType = "User",
      .process = [&ctx](shell::Call& c) {
        guarded(c, [&] {
          pushUser(c, ctx.session().restoreUser(*c.str("Identity")));
          c.emitTop();
        });
      },
  });
}

}  // namespace

void registerUserCmdlets(lua_State* L, TenantContext& ctx) {
  registerGetUser(L, ctx);
  registerUserChanges(L, ctx);
}

}  // namespace plush::cmdlets
