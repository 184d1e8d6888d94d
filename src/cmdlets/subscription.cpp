// Subscription cmdlets: Get-Subscription, New-Subscription, Set-Subscription.
#include "cmdlets/nouns.h"

namespace plush::cmdlets {

namespace {

const std::vector<std::string> kStatuses = {"Enabled", "Warning", "Suspended", "Deleted", "LockedOut"};
const std::vector<std::string> kSources = {"Admin", "SelfService", "Trial", "Partner", "Volume"};

std::optional<int64_t> integer(shell::Call& c, const char* name) {
  auto n = c.number(name);
  if (!n) return std::nullopt;
  return static_cast<int64_t>(*n);
}

}  // namespace

void registerSubscriptionCmdlets(lua_State* L, TenantContext& ctx) {
  shell::registerCmdlet(L, {
      .name = "Get-Subscription",
      .synopsis = "List subscriptions: quantity, status, source and dates.",
      .description = "Status follows ExpiresOn and the clock (--now): Enabled, then Warning for 30 days after it "
                     "ends, then Suspended for 90 days, then Deleted; unless set by hand with Set-Subscription.",
      .params = {productParam("Product", 0, false, false, "Only this product's subscriptions."),
                 {.name = "Status", .values = kStatuses, .help = "Only subscriptions in this status.", .null = "refuse"}},
      .examples = {{"Get-Subscription", "Every subscription."},
                   {"Get-Subscription -Status Warning", "Subscriptions in their grace period."}},
      .outputType = "Subscription",
      .process = [&ctx](shell::Call& c) {
        guarded(c, [&] { emitAll(c, ctx.session().subscriptions(c.str("Product"), c.str("Status")), pushSubscription); });
      },
  });

  shell::registerCmdlet(L, {
      .name = "New-Subscription",
      .synopsis = "Buy a subscription: licenses of a product.",
      .description = "Adds -Quantity licenses of -Product. -Trial starts a trial (30 days unless -ExpiresOn). "
                     "-Source SelfService with -PurchasedBy records a purchase made by a user (rule 9).",
      .params = {productParam("Product", 0, true, false, "The product to buy."),
                 {.name = "Quantity", .type = "int", .mandatory = true, .help = "How many licenses."},
                 {.name = "Trial", .type = "switch", .help = "A trial, with an end date."},
                 {.name = "ExpiresOn", .type = "date", .help = "When it ends (ISO date)."},
                 {.name = "Source", .values = kSources, .help = "Who bought it (default Admin)."},
                 {.name = "PurchasedBy", .type = "user", .complete = "user", .help = "The user who bought it (SelfService)."}},
      .examples = {{"New-Subscription -Product POWER_BI_PRO -Quantity 10", "Ten Power BI Pro licenses."},
                   {"New-Subscription -Product SPE_E5 -Quantity 25 -Trial", "A 30-day trial."}},
      .changesState = true,
      .outputType = "Subscription",
      .process = [&ctx](shell::Call& c) {
        guarded(c, [&] {
          tenant::NewSubscription n;
          n.product = *c.str("Product");
          n.quantity = integer(c, "Quantity").value_or(0);
          n.trial = c.flag("Trial");
          n.expiresOn = c.str("ExpiresOn", "");
          n.source = c.str("Source", "");
          n.purchasedBy = c.str("PurchasedBy", "");
          pushSubscription(c, ctx.session().newSubscription(n));
          c.emitTop();
        });
      },
  });

  shell::registerCmdlet(L, {
      .name = "Set-Subscription",
      .synopsis = "Add or remove licenses, change status or end date, take over a self-service purchase.",
      .description = "Cutting -Quantity below what is assigned is refused (QuantityBelowAssigned) unless -Force; "
                     "then the product shows over-assigned until fixed. -Status sets the status by hand. "
                     "-TakeOver lets admins assign a SelfService subscription's licenses.",
      .params = {{.name = "Id", .type = "subscription", .position = 1, .mandatory = true, .pipeline = "property",
                  .aliases = {"SubscriptionId"}, .help = "The subscription's id."},
                 {.name = "Quantity", .type = "int", .help = "The new number of licenses."},
                 {.name = "Status", .values = {"Enabled", "Warning", "Suspended", "Deleted", "LockedOut", "Auto"},
                  .help = "Set the status by hand; Auto follows the dates again."},
                 {.name = "ExpiresOn", .type = "date", .help = "A new end date."},
                 {.name = "TakeOver", .type = "switch", .help = "Take over a self-service purchase."},
                 {.name = "Force", .type = "switch", .help = "Allow a quantity below what is assigned."}},
      .examples = {{"Set-Subscription -Id $s.Id -Quantity 30", "Thirty licenses."},
                   {"Get-Subscription -Product POWER_BI_STANDARD | Set-Subscription -TakeOver", "Take over a purchase."}},
      .changesState = true,
      .outputType = "Subscription",
      .process = [&ctx](shell::Call& c) {
        guarded(c, [&] {
          tenant::SubscriptionChanges changes;
          changes.quantity = integer(c, "Quantity");
          changes.status = c.str("Status");
          changes.expiresOn = c.str("ExpiresOn");
          changes.takeOver = c.flag("TakeOver");
          changes.force = c.flag("Force");
          pushSubscription(c, ctx.session().setSubscription(*c.str("Id"), changes));
          c.emitTop();
        });
      },
  });
}

}  // namespace plush::cmdlets
