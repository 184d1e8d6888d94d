// License cmdlets: Get-License, Get-UserLicense, Set-UserLicense, Switch-UserLicense, Get-LicenseError, Invoke-LicenseReprocess.
#include "cmdlets/nouns.h"
#include "tenant/text.h"

namespace plush::cmdlets {

namespace {

tenant::SetUserLicenseRequest licenseRequest(shell::Call& c) {
  tenant::SetUserLicenseRequest r;
  r.add = c.strings("Add");
  r.remove = c.strings("Remove");
  if (c.has("DisabledPlans")) r.disabledPlans = c.strings("DisabledPlans");
  r.disablePlans = c.strings("DisablePlans");
  r.enablePlans = c.strings("EnablePlans");
  r.usageLocation = c.str("UsageLocation");
  r.replace = c.flag("Replace");
  r.rows = c.flag("Verbose");  // only -Verbose shows them: at 100,000 users reading them back costs more than the change
  return r;
}

// "POWER_BI_PRO (Active), SPE_E3 (Error)" for -Verbose.
std::string licenseSummary(const std::vector<tenant::UserLicenseRow>& rows) {
  std::string text;
  for (const auto& row : rows) {
    if (!text.empty()) text += ", ";
    text += row.SkuPartNumber + " (" + row.State + ")";
  }
  return text.empty() ? "no licenses" : text;
}

// -UsageLocation sets a missing location only; a user who has another one keeps it, and -Verbose says so.
void verboseKeptLocation(shell::Call& c, const tenant::User& u, const std::string& asked) {
  if (u.UsageLocation.empty() || tenant::iequals(u.UsageLocation, asked)) return;
  c.verbose(u.UserPrincipalName + " keeps its usage location " + u.UsageLocation + " (-UsageLocation " + asked +
            " sets a missing one only; Set-User -Identity " + u.UserPrincipalName + " -UsageLocation " + asked +
            " changes it).");
}

void registerReads(lua_State* L, TenantContext& ctx) {
  shell::registerCmdlet(L, {
      .name = "Get-License",
      .synopsis = "Show the licenses of each product: total, assigned, available.",
      .description = "One row per product over all its subscriptions. Total counts Enabled and Warning "
                     "subscriptions; Assigned the assignments that use a license; Available = Total - Assigned "
                     "(negative when over-assigned). ExpiringSoon: licenses on Warning subscriptions and on "
                     "Enabled ones ending within 30 days. Suspended: licenses on Suspended subscriptions. "
                     "LockedOut: licenses of cancelled subscriptions (Graph's prepaidUnits.lockedOut). "
                     "AssignedElsewhere: of Assigned, the licenses Graph counted (consumedUnits) for users this "
                     "store does not hold, as Import-Tenant -Format graph keeps them. ConvertTo-Json writes each "
                     "row as Graph's subscribedSku.",
      .params = {productParam("Product", 1, false, false, "Only this product (SkuPartNumber, SkuId or name).")},
      .examples = {{"Get-License", "Every product with licenses."},
                   {"(Get-License POWER_BI_PRO).Available", "Free Power BI Pro licenses."},
                   {"Get-License | Where-Object { $_.Available -lt 5 }", "Products running low."}},
      .outputType = "License",
      .process = [&ctx](shell::Call& c) {
        guarded(c, [&] { emitAll(c, ctx.session().licenses(c.str("Product")), pushLicense); });
      },
  });

  shell::registerCmdlet(L, {
      .name = "Get-UserLicense",
      .synopsis = "Show the products a user holds, how, and in which state.",
      .description = "One row per product the user holds: AssignedBy (Direct and/or group names), State "
                     "(Active; ActiveWithError, Disabled as Graph reports them; Error: not given, uses no license; "
                     "Suspended: the user is soft-deleted (no license used until Restore-User) or the product's "
                     "subscriptions are), the Error id when in error or ActiveWithError, and the disabled and "
                     "enabled plans.",
      .params = {userParam("User", 1, true, false, "The user: UPN, object id or User object.")},
      .examples = {{"Get-UserLicense alice.johnson@contoso.com", "Alice's licenses."},
                   {"Get-User -Department Sales | Get-UserLicense", "Licenses of everyone in Sales."}},
      .outputType = "UserLicense",
      .process = [&ctx](shell::Call& c) {
        guarded(c, [&] { emitAll(c, ctx.session().userLicenses(*c.str("User")), pushUserLicense); });
      },
  });

  shell::registerCmdlet(L, {
      .name = "Get-LicenseError",
      .synopsis = "List users whose license is in error, with the reason.",
      .description = "Group-based licensing never fails the group change: a member who cannot get a group's "
                     "products is recorded in error. This lists them: User, SkuPartNumber, AssignedBy, Error "
                     "(CountViolation, UsageLocationRequired, MutuallyExclusiveViolation, ...) and Message.",
      .params = {groupParam("Group", 0, false, "Only errors from this group."),
                 productParam("Product", 0, false, false, "Only errors for this product.")},
      .examples = {{"Get-LicenseError", "Every license in error."},
                   {"Get-LicenseError -Group 'Power BI Users' | Group-Object Error", "Errors of one group by reason."}},
      .outputType = "LicenseError",
      .process = [&ctx](shell::Call& c) {
        guarded(c, [&] {
          ctx.session().licenseErrors(c.str("Group"), c.str("Product"), [&](const tenant::LicenseErrorRow& e) {
            pushLicenseError(c, e);
            return c.emitTop();
          });
        });
      },
  });
}

void registerChanges(lua_State* L, TenantContext& ctx) {
  shell::registerCmdlet(L, {
      .name = "Set-UserLicense",
      .synopsis = "Assign or remove products for users, directly.",
      .description = "-Add and -Remove apply together in one step, so a swap never leaves the user without "
                     "service. -DisabledPlans sets the disabled plans of the products added; -DisablePlans and "
                     "-EnablePlans change the current set. -UsageLocation sets a missing location in the same "
                     "step; a user who has a location keeps it (-Verbose names them; Set-User changes it). "
                     "-Replace removes the direct licenses not named in -Add. Users come from the pipeline too: "
                     "User objects, or any object with a UserPrincipalName or Id (a CSV row). Each user is "
                     "one transaction; a user who fails is reported and the others go on. A pipeline short of "
                     "licenses: each CountViolation recommends the quantity that covers every user refused so far, "
                     "and the end of the pipeline warns with the quantity that covers them all.",
      .params = {userParam("User", 1, true, true, "The users: UPNs, object ids or User objects."),
                 productParam("Add", 0, false, true, "Products to assign."),
                 productParam("Remove", 0, false, true, "Products to remove (direct assignments only)."),
                 {.name = "DisabledPlans", .list = true, .complete = "plan",
                  .help = "The plans to disable in the products added (names or ids); replaces the set."},
                 {.name = "DisablePlans", .list = true, .complete = "plan", .help = "Plans to disable as well."},
                 {.name = "EnablePlans", .list = true, .complete = "plan", .help = "Disabled plans to enable again."},
                 {.name = "UsageLocation",
                  .help = "Set this usage location (ISO 3166 code) if the user has none; another location is kept."},
                 {.name = "Replace", .type = "switch", .help = "Remove direct licenses not named in -Add."}},
      .examples = {{"Set-UserLicense alice.johnson@contoso.com -Add POWER_BI_PRO", "Assign Power BI Pro."},
                   {"Get-User -Department Sales | Set-UserLicense -Add POWER_BI_PRO -UsageLocation US",
                    "All of Sales, setting a missing usage location on the way."},
                   {"Set-UserLicense bob@contoso.com -Add SPE_E3 -Remove ENTERPRISEPACK", "Swap products in one step."},
                   {"Import-Csv users.csv | Set-UserLicense -Add ENTERPRISEPACK -DisabledPlans SWAY",
                    "From a CSV with a UserPrincipalName column."}},
      .changesState = true,
      .outputType = "UserLicense",
      .process = [&ctx](shell::Call& c) {
        auto request = licenseRequest(c);
        for (const auto& user : c.strings("User")) {
          guarded(c, [&] {
            auto rows = ctx.session().setUserLicense(user, request);
            if (!request.rows) return;
            c.verbose(user + " now holds: " + licenseSummary(rows));
            if (request.usageLocation) verboseKeptLocation(c, ctx.session().user(user), *request.usageLocation);
          });
        }
      },
  });

  shell::registerCmdlet(L, {
      .name = "Switch-UserLicense",
      .synopsis = "Move users from one product to another in one step, keeping their disabled plans.",
      .description = "For each user, removes -From and assigns -To in one transaction, carrying the user's "
                     "disabled plans over by plan name (plans -To does not have are dropped).",
      .params = {userParam("User", 1, true, true, "The users."),
                 productParam("From", 0, true, false, "The product they hold now."),
                 productParam("To", 0, true, false, "The product they get instead.")},
      .examples = {{"Get-User -Product ENTERPRISEPACK | Switch-UserLicense -From ENTERPRISEPACK -To SPE_E3",
                    "Everyone on Office 365 E3 to Microsoft 365 E3."}},
      .changesState = true,
      .process = [&ctx](shell::Call& c) {
        auto from = *c.str("From"), to = *c.str("To");
        for (const auto& user : c.strings("User")) {
          guarded(c, [&] { ctx.session().switchUserLicense(user, from, to); });
        }
      },
  });

  shell::registerCmdlet(L, {
      .name = "Invoke-LicenseReprocess",
      .synopsis = "Re-evaluate licenses in error (after buying licenses or fixing a location).",
      .description = "Retries every group-based assignment in error (or not yet given), for one group, one "
                     "user or the whole tenant. Those that now pass become Active and use a license. The report "
                     "counts what was retried: Evaluated (a member's licenses from one group), Fixed (now "
                     "Active) and InError (still refused); groups without licenses and licenses already Active "
                     "are not evaluated. In a pipeline, several CountViolations for one product end with a "
                     "warning naming the quantity that covers them all.",
      .params = {groupParam("Group", 0, false, "Only this group's members."),
                 userParam("User", 0, false, false, "Only this user.")},
      .examples = {{"Invoke-LicenseReprocess -Group 'Power BI Users'", "Retry one group."}},
      .changesState = true,
      .outputType = "ReprocessReport",
      .process = [&ctx](shell::Call& c) {
        guarded(c, [&] {
          auto report = ctx.session().reprocess(c.str("Group"), c.str("User"));
          c.pushObject("ReprocessReport", 3);
          shell::setField(c.lua(), "Evaluated", static_cast<long long>(report.evaluated));
          shell::setField(c.lua(), "Fixed", static_cast<long long>(report.fixed));
          shell::setField(c.lua(), "InError", static_cast<long long>(report.inError));
          c.emitTop();
        });
      },
  });
}

}  // namespace

void registerLicenseCmdlets(lua_State* L, TenantContext& ctx) {
  registerReads(L, ctx);
  registerChanges(L, ctx);
}

}  // namespace plush::cmdlets
