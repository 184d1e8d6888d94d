// Session: subscriptions (rules 9 and 11) and the per-product license pool (rule 1).
#include <algorithm>

#include "tenant/session.h"
#include "tenant/session_change.h"
#include "tenant/text.h"

namespace plush::tenant {

namespace {

const std::vector<std::string> kSources = {"Admin", "SelfService", "Trial", "Partner", "Volume"};
// LockedOut: cancelled (Graph's capabilityStatus); set by hand or imported, never by the clock.
const std::vector<std::string> kStatuses = {"Enabled", "Warning", "Suspended", "Deleted", "LockedOut"};

std::string canonical(const std::vector<std::string>& allowed, const std::string& value, const std::string& what) {
  for (const std::string& a : allowed)
    if (iequals(a, value)) return a;
  failInvalidArgument(value, "'" + value + "' is not a valid " + what + "; use one of " + join(allowed, ", ") + ".");
}

bool sameTerms(const Subscription& a, const Subscription& b) {
  return a.Quantity == b.Quantity && a.Status == b.Status && a.ExpiresOn == b.ExpiresOn && a.TakenOver == b.TakenOver;
}

}  // namespace

Subscription Session::publicSubscription(const SubscriptionRecord& r) {
  Subscription s = r.sub;
  s.Status = engine_->status(r);
  return s;
}

std::vector<Subscription> Session::subscriptions(std::optional<std::string> product, std::optional<std::string> status) {
  require(Action::Read);
  std::optional<int64_t> pk;
  if (product) pk = resolveProduct(*product);
  std::string wanted = status ? canonical(kStatuses, *status, "subscription status") : "";
  std::vector<Subscription> out;
  for (const SubscriptionRecord& r : store_->subscriptions(pk)) {
    Subscription s = publicSubscription(r);
    if (wanted.empty() || s.Status == wanted) out.push_back(std::move(s));
  }
  return out;
}

Subscription Session::newSubscription(const NewSubscription& request) {
  require(Action::Subscriptions);
  Change change(*this);
  int64_t pk = resolveProduct(request.product);
  if (request.quantity <= 0)
    failInvalidArgument(std::to_string(request.quantity), "A subscription's Quantity must be at least 1.");
  SubscriptionRecord r;
  r.productPk = pk;
  r.sub.Id = newGuid();
  r.sub.Product = engine_->product(pk).SkuPartNumber;
  r.sub.Quantity = request.quantity;
  r.sub.Trial = request.trial;
  r.sub.Source = request.source.empty() ? (request.trial ? "Trial" : "Admin") : canonical(kSources, request.source, "Source");
  r.sub.StartsOn = request.startsOn.empty() ? clock_.today() : normalizeDate(request.startsOn, "StartsOn");
  r.sub.ExpiresOn = request.expiresOn.empty() ? "" : normalizeDate(request.expiresOn, "ExpiresOn");
  if (r.sub.Trial && r.sub.ExpiresOn.empty())
    r.sub.ExpiresOn = formatDate(addDays(parseInstant(r.sub.StartsOn), 30));  // rule 11: trials end
  if (!request.purchasedBy.empty()) r.sub.PurchasedBy = resolveUser(request.purchasedBy).user.UserPrincipalName;
  if (r.sub.Source == "SelfService" && !store_->tenant().allowAdHoc)
    fail("AdHocSubscriptionsDisabled", category::InvalidOperation, r.sub.Product,
         "Users cannot buy subscriptions themselves while the tenant's AllowAdHocSubscriptions is off.",
         "Set-Tenant -AllowAdHocSubscriptions $true");
  store_->insertSubscription(r);
  engine_->forget();  // the engine caches each product's subscriptions
  audit("New-Subscription", r.sub.Product,
        "Id " + r.sub.Id + ", Quantity " + std::to_string(r.sub.Quantity) + ", Source " + r.sub.Source +
            (r.sub.ExpiresOn.empty() ? "" : ", ExpiresOn " + r.sub.ExpiresOn));
  change.commit();
  return publicSubscription(r);
}

Subscription Session::setSubscription(const std::string& id, const SubscriptionChanges& c) {
  require(Action::Subscriptions);
  Change change(*this);
  std::optional<SubscriptionRecord> found = store_->findSubscription(id);
  if (!found)
    fail("SubscriptionNotFound", category::ObjectNotFound, id, "There is no subscription " + id + ".", "Get-Subscription");
  SubscriptionRecord r = *found;
  std::vector<std::string> detail;
  if (c.expiresOn) {
    r.sub.ExpiresOn = c.expiresOn->empty() ? "" : normalizeDate(*c.expiresOn, "ExpiresOn");
    r.sub.Status = "";  // a new end date hands the status back to the clock
    detail.push_back("ExpiresOn " + r.sub.ExpiresOn);
  }
  if (c.status) {
    r.sub.Status = c.status->empty() || iequals(*c.status, "Auto") ? "" : canonical(kStatuses, *c.status, "Status");
    detail.push_back("Status " + (r.sub.Status.empty() ? std::string("follows ExpiresOn") : r.sub.Status));
  }
  if (c.takeOver) {
    if (r.sub.Source != "SelfService")
      fail("InvalidOperation", category::InvalidOperation, id,
           "The subscription " + id + " is not a self-service purchase (Source " + r.sub.Source + "); there is nothing to take over.");
    r.sub.TakenOver = true;
    detail.push_back("taken over from " + r.sub.PurchasedBy);
  }
  if (c.quantity) {
    if (*c.quantity < 0) failInvalidArgument(std::to_string(*c.quantity), "A Quantity cannot be negative.");
    detail.push_back("Quantity " + std::to_string(r.sub.Quantity) + " -> " + std::to_string(*c.quantity));
    r.sub.Quantity = *c.quantity;
  }
  if (sameTerms(r.sub, found->sub)) {  // the same values again: no change, no audit row
    change.commit();
    return publicSubscription(r);
  }
  store_->updateSubscription(r);
  engine_->forget();  // the engine caches each product's subscriptions
  ProductPool after = engine_->pool(r.productPk);
  if (c.quantity && after.available() < 0 && !c.force)
    fail("QuantityBelowAssigned", category::LimitsExceeded, id,
         "Cutting " + r.sub.Product + " to a Total of " + std::to_string(after.total) + " would leave it below its " +
             std::to_string(after.assigned) + " assigned licenses.",
         "Set-Subscription -Id " + id + " -Quantity " + std::to_string(*c.quantity) +
             " -Force  (or remove licenses first: Get-User -Product " + r.sub.Product + ")");
  audit("Set-Subscription", r.sub.Product, "Id " + id + ": " + join(detail, ", "));
  change.commit();
  return publicSubscription(r);
}

LicenseRow Session::licenseRow(int64_t productPk) {
  ProductName p = store_->productName(productPk);
  ProductPool pool = engine_->pool(productPk);
  std::optional<SkuFacts> facts = store_->skuFacts(productPk);
  return LicenseRow{p.displayName,       p.skuPartNumber, pool.total,   pool.assigned,  pool.available(),
                    pool.expiringSoon,   pool.warning,    pool.suspended, pool.lockedOut,
                    facts ? facts->unseenAssigned : 0};
}

// Without -Product: the products the tenant subscribes to or still has assigned.
std::vector<LicenseRow> Session::licenses(std::optional<std::string> product) {
  require(Action::Read);
  ReadScope read(*store_);
  if (product) return {licenseRow(resolveProduct(*product))};
  std::vector<int64_t> pks;
  std::vector<SubscriptionRecord> subscriptions = store_->subscriptions(std::nullopt);
  for (const SubscriptionRecord& r : subscriptions) pks.push_back(r.productPk);
  for (int64_t pk : store_->assignedProductPks()) pks.push_back(pk);  // one read, not one per product
  std::sort(pks.begin(), pks.end());
  pks.erase(std::unique(pks.begin(), pks.end()), pks.end());
  engine_->knowSubscriptions(pks, subscriptions);  // the pools below need no read per product
  std::vector<LicenseRow> out;
  for (int64_t pk : pks) out.push_back(licenseRow(pk));
  std::sort(out.begin(), out.end(), [](const LicenseRow& a, const LicenseRow& b) { return a.SkuPartNumber < b.SkuPartNumber; });
  return out;
}

}  // namespace plush::tenant
