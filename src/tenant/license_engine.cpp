// The license rules of SPEC §6 over one user's assignments: evaluation, writing, counts.
#include "tenant/license_engine.h"

#include <algorithm>

#include "tenant/text.h"

namespace plush::tenant {

namespace {

bool sameRow(const AssignmentRecord& a, const AssignmentRecord& b) {
  return a.productPk == b.productPk && a.groupPk == b.groupPk;
}

// `b` is the row to write: a time it names (an import's lastUpdatedDateTime) is part of its content.
bool sameContent(const AssignmentRecord& a, const AssignmentRecord& b) {
  return a.disabledPlanIds == b.disabledPlanIds && a.state == b.state && a.error == b.error && a.message == b.message &&
         (b.lastUpdated.empty() || b.lastUpdated == a.lastUpdated);
}

// An admin may raise what it owns: its own purchases and self-service ones it took over.
bool adminOwned(const Subscription& s) { return s.Source == "Admin" || (s.Source == "SelfService" && s.TakenOver); }

// No end date is the latest end; ISO dates compare as text.
bool endsLater(const Subscription& a, const Subscription& b) {
  if (a.ExpiresOn.empty() || b.ExpiresOn.empty()) return a.ExpiresOn.empty() && !b.ExpiresOn.empty();
  return a.ExpiresOn > b.ExpiresOn;
}

std::string exampleLocation(const std::string& tenantDefault) { return tenantDefault.empty() ? "US" : tenantDefault; }

}  // namespace

std::string capabilityStatusOf(int64_t enabled, int64_t warning, int64_t suspended, int64_t lockedOut) {
  if (enabled > 0) return "Enabled";
  if (warning > 0) return "Warning";
  if (suspended > 0) return "Suspended";
  if (lockedOut > 0) return "LockedOut";
  return "Deleted";
}

LicenseEngine::CachedProduct& LicenseEngine::cached(int64_t pk) {
  auto it = products_.find(pk);
  if (it == products_.end()) {
    CachedProduct c{store_.loadProduct(pk).product, {}};
    for (const ServicePlan& p : c.product.ServicePlans) c.planIds.push_back(lower(p.Id));
    it = products_.emplace(pk, std::move(c)).first;
  }
  return it->second;
}

const Product& LicenseEngine::product(int64_t pk) { return cached(pk).product; }

const std::vector<SubscriptionRecord>& LicenseEngine::subscriptionsOf(int64_t productPk) {
  auto it = subscriptions_.find(productPk);
  if (it == subscriptions_.end()) it = subscriptions_.emplace(productPk, store_.subscriptions(productPk)).first;
  return it->second;
}

void LicenseEngine::knowSubscriptions(const std::vector<int64_t>& productPks, const std::vector<SubscriptionRecord>& all) {
  for (int64_t pk : productPks) subscriptions_[pk].clear();
  for (const SubscriptionRecord& r : all)  // each product's in the order of its own read (by pk)
    if (auto it = subscriptions_.find(r.productPk); it != subscriptions_.end()) it->second.push_back(r);
}

const RuleBook& LicenseEngine::rules() {
  if (!rules_) {
    rules_ = store_.ruleBook();
    ruleNames_.clear();
    for (const auto& [plan, needs] : rules_->planRequires) {
      ruleNames_.insert(plan);
      ruleNames_.insert(needs.begin(), needs.end());
    }
    for (const auto& family : rules_->exclusiveFamilies) ruleNames_.insert(family.begin(), family.end());
    for (const auto& [plan, places] : rules_->planUnavailableIn) ruleNames_.insert(plan);
  }
  return *rules_;
}

const std::vector<size_t>& LicenseEngine::rulePlansOf(int64_t pk) {
  rules();
  CachedProduct& c = cached(pk);
  if (!c.rulePlans) {
    c.rulePlans.emplace();
    for (size_t i = 0; i < c.product.ServicePlans.size(); ++i)
      if (ruleNames_.count(c.product.ServicePlans[i].Name)) c.rulePlans->push_back(i);
  }
  return *c.rulePlans;
}

std::string LicenseEngine::defaultUsageLocation() {
  if (!defaultLocation_) defaultLocation_ = store_.tenant().defaultUsageLocation;
  return *defaultLocation_;
}

void LicenseEngine::forget() {
  ++generation_;
  products_.clear();
  subscriptions_.clear();
  resolvedProducts_.clear();
  rules_.reset();
  defaultLocation_.reset();
}

void LicenseEngine::syncWith(int64_t storeVersion) {
  if (storeVersion_ != storeVersion) forget();
  storeVersion_ = storeVersion;
}

std::string LicenseEngine::statusAt(const SubscriptionRecord& r, Instant when) const {
  return r.sub.Status.empty() ? statusByDate(r.sub.ExpiresOn, when) : r.sub.Status;
}

ProductPool LicenseEngine::pool(int64_t productPk) {
  if (evaluatingPools_) {
    if (auto it = evaluatingPools_->find(productPk); it != evaluatingPools_->end()) return it->second;
  }
  ProductPool pool;
  if (heldCounts_) {
    const HeldCount& held = heldCount(productPk);
    pool.assigned = held.stored + held.delta;
  } else {
    pool.assigned = store_.assignedCount(productPk);
  }
  int64_t selfService = 0, other = 0;
  std::string selfServiceId;
  std::optional<Subscription> growable;
  Instant soon = addDays(clock_.now(), kExpiringSoonDays);
  for (const SubscriptionRecord& r : subscriptionsOf(productPk)) {
    std::string st = status(r);
    int64_t q = r.sub.Quantity;
    if (st == "Suspended") pool.suspended += q;
    if (st == "LockedOut") pool.lockedOut += q;
    if (st != "Enabled" && st != "Warning") continue;
    pool.total += q;
    if (st == "Warning") pool.warning += q;
    if (st == "Warning" || (!r.sub.ExpiresOn.empty() && parseInstant(r.sub.ExpiresOn) <= soon)) pool.expiringSoon += q;
    bool untaken = r.sub.Source == "SelfService" && !r.sub.TakenOver;
    (untaken ? selfService : other) += q;
    if (untaken) selfServiceId = r.sub.Id;
    if (st == "Enabled" && adminOwned(r.sub) && (!growable || endsLater(r.sub, *growable))) growable = r.sub;
  }
  if (growable) {
    pool.growableId = growable->Id;
    pool.growableQuantity = growable->Quantity;
  }
  if (other == 0 && selfService > 0) pool.selfServiceOnlyId = selfServiceId;
  if (evaluatingPools_) evaluatingPools_->emplace(productPk, pool);
  return pool;
}

std::set<int64_t> LicenseEngine::activeProducts(const std::vector<AssignmentRecord>& rows) {
  std::set<int64_t> out;
  for (const auto& a : rows)
    if (a.state == "Active") out.insert(a.productPk);
  return out;
}

std::vector<bool> LicenseEngine::enabledMask(int64_t productPk, const std::vector<AssignmentRecord>& rows) {
  const CachedProduct& c = cached(productPk);
  bool anyActive = false;
  for (const auto& a : rows) anyActive = anyActive || (a.productPk == productPk && a.state == "Active");
  std::vector<bool> enabled(c.planIds.size(), false);
  for (const auto& a : rows) {
    if (a.productPk != productPk || (anyActive && a.state != "Active")) continue;
    for (size_t i = 0; i < c.planIds.size(); ++i)
      if (c.product.ServicePlans[i].Automatic ||
          std::find(a.disabledPlanIds.begin(), a.disabledPlanIds.end(), c.planIds[i]) == a.disabledPlanIds.end())
        enabled[i] = true;
  }
  return enabled;
}

bool LicenseEngine::enablesPlan(int64_t productPk, const std::string& planName, const std::vector<AssignmentRecord>& rows) {
  const std::vector<ServicePlan>& plans = product(productPk).ServicePlans;
  auto plan = std::find_if(plans.begin(), plans.end(), [&](const ServicePlan& p) { return p.Name == planName; });
  return plan != plans.end() && activeProducts(rows).count(productPk) &&
         enabledMask(productPk, rows)[static_cast<size_t>(plan - plans.begin())];
}

// Rule 7: a plan is enabled when any active source of its product enables it.
std::map<std::string, int64_t> LicenseEngine::enabledPlans(const std::vector<AssignmentRecord>& rows) {
  std::map<std::string, int64_t> enabled;
  for (int64_t pk : activeProducts(rows)) {
    const std::vector<size_t>& named = rulePlansOf(pk);
    if (named.empty()) continue;
    std::vector<bool> mask = enabledMask(pk, rows);
    const std::vector<ServicePlan>& plans = product(pk).ServicePlans;
    for (size_t i : named)
      if (mask[i]) enabled.emplace(plans[i].Name, pk);
  }
  return enabled;
}

std::optional<ErrorRecord> LicenseEngine::checkProducts(const UserRecord& user, const ChangeContext& c,
                                                        const std::set<int64_t>& added,
                                                        const std::set<int64_t>& fresh) {
  const std::string& upn = user.user.UserPrincipalName;
  for (int64_t pk : added) {
    const Product& p = product(pk);
    if (p.AppliesTo == "Company")
      return makeError("NotAssignableToUser", category::InvalidOperation, upn,
                       p.SkuPartNumber + " (" + p.DisplayName + ") is a tenant license; it cannot be assigned to " +
                           upn + " or to any user or group.",
                       "Get-License -Product " + p.SkuPartNumber);
  }
  if (c.direct && !c.directAdded.empty() && iequals(user.user.UserType, "Guest") && !c.actorIsGlobalAdmin)
    return makeError("GuestRequiresGlobalAdmin", category::PermissionDenied, upn,
                     upn + " is a guest; only a GlobalAdministrator may assign licenses to guests.",
                     "Run it as a GlobalAdministrator: plush --as <admin UPN>");
  if (c.direct) {
    std::set<int64_t> touched = c.directAdded;
    touched.insert(c.directRemoved.begin(), c.directRemoved.end());
    for (int64_t pk : touched) {
      ProductPool pl = pool(pk);
      if (!pl.selfServiceOnlyId.empty())
        return makeError("SelfServiceSubscription", category::InvalidOperation, upn,
                         "The licenses of " + product(pk).SkuPartNumber +
                             " come from a self-service purchase; an admin cannot assign or remove them until "
                             "the subscription is taken over.",
                         "Set-Subscription -Id " + pl.selfServiceOnlyId + " -TakeOver");
    }
  }
  for (int64_t pk : fresh)
    for (const std::string& needed : product(pk).Requires) {
      std::vector<int64_t> found = store_.findProducts(ProductKey::SkuPartNumber, needed);
      if (found.empty() || pool(found.front()).total <= 0)
        return makeError("DependencyViolation", category::InvalidOperation, upn,
                         product(pk).SkuPartNumber + " requires the tenant to own " + needed +
                             " (an Enabled or Warning subscription); it owns none.",
                         "New-Subscription -Product " + needed + " -Quantity 1");
    }
  return std::nullopt;
}

std::optional<ErrorRecord> LicenseEngine::checkLocation(const UserRecord& user, const ChangeContext& c,
                                                        const std::set<int64_t>& added,
                                                        const std::map<std::string, int64_t>& enabled) {
  const std::string& upn = user.user.UserPrincipalName;
  if (!added.empty() && c.location.empty()) {
    std::string sku = product(*added.begin()).SkuPartNumber, cc = exampleLocation(defaultUsageLocation());
    return makeError("UsageLocationRequired", category::InvalidOperation, upn,
                     upn + " has no usage location; a license (" + sku + ") needs one.",
                     c.direct ? "Set-UserLicense -User " + upn + " -Add " + sku + " -UsageLocation " + cc
                              : "Set-User -Identity " + upn + " -UsageLocation " + cc +
                                    "; Invoke-LicenseReprocess -User " + upn);
  }
  for (const auto& [plan, pk] : enabled)
    if (rules().unavailableIn(plan, upper(c.location)))
      return makeError("ProhibitedInUsageLocationViolation", category::InvalidOperation, upn,
                       "The service plan " + plan + " of " + product(pk).SkuPartNumber +
                           " is not offered in " + upper(c.location) + ", the usage location of " + upn + ".",
                       "Set-UserLicense -User " + upn + " -Add " + product(pk).SkuPartNumber +
                           " -DisabledPlans " + plan);
  return std::nullopt;
}

std::optional<ErrorRecord> LicenseEngine::checkPlans(const UserRecord& user, const std::set<int64_t>& added,
                                                     const std::vector<AssignmentRecord>& after,
                                                     const std::map<std::string, int64_t>& enabled) {
  const std::string& upn = user.user.UserPrincipalName;
  for (const auto& family : rules().exclusiveFamilies) {
    std::vector<std::string> on;
    for (const std::string& plan : family)
      if (enabled.count(plan)) on.push_back(plan);
    if (on.size() < 2) continue;
    // The fix disables the plan in the product being added, not in the one the user already relies on.
    std::string plan = on[1];
    std::optional<int64_t> adding;
    for (const std::string& candidate : on)
      for (int64_t pk : added)
        if (enablesPlan(pk, candidate, after)) plan = candidate, adding = pk;
    const std::string& sku = product(adding ? *adding : enabled.at(plan)).SkuPartNumber;
    auto skuOf = [&](const std::string& p) { return p == plan ? sku : product(enabled.at(p)).SkuPartNumber; };
    return makeError("MutuallyExclusiveViolation", category::InvalidOperation, upn,
                     "The service plans " + on[0] + " (" + skuOf(on[0]) + ") and " + on[1] + " (" + skuOf(on[1]) +
                         ") cannot both be enabled for " + upn + ".",
                     adding ? "Set-UserLicense -User " + upn + " -Add " + sku + " -DisabledPlans " + plan
                            : "Set-UserLicense -User " + upn + " -DisablePlans " + plan);
  }
  for (const auto& [plan, needs] : rules().planRequires) {
    auto it = enabled.find(plan);
    if (it == enabled.end()) continue;
    bool met = std::any_of(needs.begin(), needs.end(), [&](const std::string& n) { return enabled.count(n) > 0; });
    if (!met)
      return makeError("DependencyViolation", category::InvalidOperation, upn,
                       "The service plan " + plan + " (" + product(it->second).SkuPartNumber + ") needs " +
                           join(needs, " or ") + " enabled for " + upn + ".",
                       "Set-UserLicense -User " + upn + " -EnablePlans " + needs.front() +
                           "  (or add a product that includes it)");
  }
  return std::nullopt;
}

// The command that gives the product `shortfall` more licenses: raise the subscription that lasts
// longest, or buy one.
std::string LicenseEngine::moreLicenses(const Product& p, const ProductPool& pl, int64_t shortfall) {
  return pl.growableId.empty()
             ? "New-Subscription -Product " + p.SkuPartNumber + " -Quantity " + std::to_string(shortfall)
             : "Set-Subscription -Id " + pl.growableId + " -Quantity " + std::to_string(pl.growableQuantity + shortfall);
}

std::optional<ErrorRecord> LicenseEngine::checkCounts(const UserRecord& user, const ChangeContext& c,
                                                      const std::set<int64_t>& fresh) {
  if (!user.user.DeletedOn.empty()) return std::nullopt;
  for (int64_t pk : fresh) {
    ProductPool pl = pool(pk);
    if (pl.available() >= 1) continue;
    const Product& p = product(pk);
    // In a bulk run the users refused before this one still need a license too: the recommendation
    // covers all of them (the last error of the run names the run's whole shortfall).
    int64_t refused = 1;
    if (run_) {
      auto& users = run_->refused[pk];
      users.insert(user.pk);
      refused = static_cast<int64_t>(users.size());
    }
    int64_t shortfall = refused - std::min<int64_t>(0, pl.available());  // over-assigned products need more
    std::string inRun = refused > 1 ? "; " + std::to_string(refused) + " users of this run need one" : "";
    return makeError("CountViolation", category::LimitsExceeded, user.user.UserPrincipalName,
                     "No license of " + p.SkuPartNumber + " is available for " + user.user.UserPrincipalName +
                         " (Total " + std::to_string(pl.total) + ", Assigned " + std::to_string(pl.assigned) + inRun +
                         ").",
                     moreLicenses(p, pl, shortfall));
  }
  return std::nullopt;
}

void LicenseEngine::startRun() { run_.emplace(); }

// Users refused in the run who hold the product by now (a license freed later in the run) need
// no more; the others, less what is free at the end, are the shortfall.
std::vector<RunShortfall> LicenseEngine::finishRun() {
  std::vector<RunShortfall> out;
  if (!run_) return out;
  std::map<int64_t, std::set<int64_t>> refused = std::move(run_->refused);
  run_.reset();
  for (const auto& [pk, users] : refused) {
    int64_t missing = 0;
    for (int64_t userPk : users)
      if (!activeProducts(store_.assignments(userPk)).count(pk)) ++missing;
    ProductPool pl = pool(pk);
    int64_t shortfall = missing - pl.available();
    if (missing == 0 || shortfall <= 0) continue;
    const Product& p = product(pk);
    out.push_back(RunShortfall{p.SkuPartNumber, missing, shortfall, moreLicenses(p, pl, shortfall)});
  }
  return out;
}

std::optional<ErrorRecord> LicenseEngine::evaluate(const UserRecord& user, const ChangeContext& c,
                                                   const std::vector<AssignmentRecord>& before,
                                                   const std::vector<AssignmentRecord>& after) {
  std::set<int64_t> was = activeProducts(before), fresh;
  for (int64_t pk : activeProducts(after))
    if (!was.count(pk)) fresh.insert(pk);
  std::set<int64_t> added = c.directAdded;
  added.insert(fresh.begin(), fresh.end());
  std::map<std::string, int64_t> enabled = enabledPlans(after);
  evaluatingPools_.emplace();
  struct Done {
    std::optional<std::unordered_map<int64_t, ProductPool>>& pools;
    ~Done() { pools.reset(); }
  } done{evaluatingPools_};
  if (auto e = checkProducts(user, c, added, fresh)) return e;
  if (auto e = checkLocation(user, c, added, enabled)) return e;
  if (auto e = checkPlans(user, added, after, enabled)) return e;
  return checkCounts(user, c, fresh);
}

bool LicenseEngine::write(const UserRecord& user, const std::vector<AssignmentRecord>& before,
                          const std::vector<AssignmentRecord>& after) {
  bool changed = false;
  for (const auto& old : before)
    if (std::none_of(after.begin(), after.end(), [&](const auto& a) { return sameRow(a, old); })) {
      store_.deleteAssignment(user.pk, old.productPk, old.groupPk);
      changed = true;
    }
  for (const auto& row : after) {
    auto old = std::find_if(before.begin(), before.end(), [&](const auto& b) { return sameRow(b, row); });
    if (old == before.end() || !sameContent(*old, row)) {
      AssignmentRecord written = row;
      // A changed row is stamped with the clock, unless the caller names its own time (an import).
      if (written.lastUpdated.empty() || (old != before.end() && written.lastUpdated == old->lastUpdated))
        written.lastUpdated = clock_.nowIso();
      // Rows deleted above have keys `after` lacks, so a row new to `before` is new to the store too.
      if (old == before.end()) store_.insertAssignment(written);
      else store_.putAssignment(written);
      changed = true;
    }
  }
  if (!user.user.DeletedOn.empty()) return changed;  // a deleted user's assignments use no license
  std::set<int64_t> was = activeProducts(before), is = activeProducts(after);
  for (int64_t pk : is)
    if (!was.count(pk)) adjustAssigned(pk, +1);
  for (int64_t pk : was)
    if (!is.count(pk)) adjustAssigned(pk, -1);
  return changed;
}

void LicenseEngine::holdCounts() { heldCounts_.emplace(); }

void LicenseEngine::releaseCounts() {
  if (!heldCounts_) return;
  std::map<int64_t, HeldCount> held = std::move(*heldCounts_);
  heldCounts_.reset();
  for (const auto& [pk, count] : held)
    if (count.delta != 0) store_.adjustAssigned(pk, count.delta);
}

void LicenseEngine::dropCounts() { heldCounts_.reset(); }

LicenseEngine::HeldCount& LicenseEngine::heldCount(int64_t productPk) {
  auto it = heldCounts_->find(productPk);
  if (it == heldCounts_->end()) it = heldCounts_->emplace(productPk, HeldCount{store_.assignedCount(productPk), 0}).first;
  return it->second;
}

void LicenseEngine::adjustAssigned(int64_t productPk, int64_t delta) {
  if (heldCounts_) heldCount(productPk).delta += delta;
  else store_.adjustAssigned(productPk, delta);
}

GroupOutcome LicenseEngine::applyGroup(const UserRecord& user, int64_t groupPk, const std::vector<GroupLicenseRecord>& licenses) {
  return applyGroup(user, groupPk, licenses, store_.assignments(user.pk));
}

GroupOutcome LicenseEngine::applyGroup(const UserRecord& user, int64_t groupPk, const std::vector<GroupLicenseRecord>& licenses,
                                       std::vector<AssignmentRecord> before) {
  std::vector<AssignmentRecord> after;
  for (const auto& a : before)
    if (a.groupPk != groupPk) after.push_back(a);
  size_t first = after.size();
  for (const auto& l : licenses) after.push_back(AssignmentRecord{user.pk, l.productPk, groupPk, l.disabledPlanIds, "Active", "", "", ""});
  GroupOutcome outcome;
  if (user.user.DeletedOn.empty() && !licenses.empty()) {  // leaving a group never fails
    ChangeContext c;
    c.direct = false;
    c.location = user.user.UsageLocation.empty() ? defaultUsageLocation() : user.user.UsageLocation;
    if (auto error = evaluate(user, c, before, after)) {
      outcome.active = false;
      for (size_t i = first; i < after.size(); ++i) {
        after[i].state = "Error";
        after[i].error = error->id;
        after[i].message = error->message;
      }
    }
  }
  outcome.changed = write(user, before, after);
  return outcome;
}

void LicenseEngine::adjustForDeletion(const UserRecord& user, int64_t sign) {
  for (int64_t pk : activeProducts(store_.assignments(user.pk))) adjustAssigned(pk, sign);
}

}  // namespace plush::tenant
