// The license rules of SPEC §6 over one user's assignments: evaluation, writing, counts.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <unordered_map>
#include <vector>

#include "tenant/clock.h"
#include "tenant/errors.h"
#include "tenant/tenant_store.h"

namespace plush::tenant {

// A product's licenses pooled over its subscriptions (rule 1), at the session clock.
struct ProductPool {
  int64_t total = 0, assigned = 0, expiringSoon = 0, warning = 0, suspended = 0, lockedOut = 0;
  std::string selfServiceOnlyId;  // set when its only usable licenses are an untaken self-service purchase
  std::string growableId;         // the admin-owned Enabled subscription ending last: the one to raise
  int64_t growableQuantity = 0;
  int64_t available() const { return total - assigned; }
};

// Graph's capabilityStatus of a subscribedSku as its prepaidUnits imply it: Enabled when any unit is.
std::string capabilityStatusOf(int64_t enabled, int64_t warning, int64_t suspended, int64_t lockedOut);

// Who asks for a change to one user's licenses, and how.
struct ChangeContext {
  bool direct = true;               // false: group-based (rule 7 never fails, it records errors)
  bool actorIsGlobalAdmin = false;  // rule 10
  std::string location;             // the usage location the rules see (rule 2)
  std::set<int64_t> directAdded, directRemoved;
};

// What applying a group's licenses to one member did.
struct GroupOutcome {
  bool active = true;    // the member's assignments from the group are Active
  bool changed = false;  // any of the member's assignments was written
};

class LicenseEngine {
 public:
  LicenseEngine(TenantStore& store, const Clock& clock) : store_(store), clock_(clock) {}

  const Product& product(int64_t pk);
  const RuleBook& rules();
  std::string defaultUsageLocation();
  // Product identities (any case) already resolved to one product: a bulk run names the same
  // product for every user. Cleared with the other caches.
  std::unordered_map<std::string, int64_t>& resolvedProducts() { return resolvedProducts_; }
  // Caches live across calls; these drop them: after imports, product, subscription and tenant
  // changes, rollbacks, and when another process committed (the store's data version moved).
  void forget();
  void syncWith(int64_t storeVersion);
  // Moves on every forget(): a change that rolls back drops the caches only if it moved this,
  // since everything that writes cached data forgets right after writing it.
  uint64_t generation() const { return generation_; }

  std::string status(const SubscriptionRecord& r) const { return statusAt(r, clock_.now()); }
  std::string statusAt(const SubscriptionRecord& r, Instant when) const;  // a status set by hand holds at any time
  ProductPool pool(int64_t productPk);
  // The subscriptions pool() reads for each of these products, taken from one read of them all.
  void knowSubscriptions(const std::vector<int64_t>& productPks, const std::vector<SubscriptionRecord>& all);

  // The first violated rule for moving the user from `before` to `after`, if any.
  std::optional<ErrorRecord> evaluate(const UserRecord& user, const ChangeContext& context,
                                      const std::vector<AssignmentRecord>& before,
                                      const std::vector<AssignmentRecord>& after);
  // Writes the difference and keeps the products' assigned counts; false when there was none.
  bool write(const UserRecord& user, const std::vector<AssignmentRecord>& before,
             const std::vector<AssignmentRecord>& after);
  // Rule 7: gives a member all of a group's products, or none of them with the reason recorded.
  GroupOutcome applyGroup(const UserRecord& user, int64_t groupPk, const std::vector<GroupLicenseRecord>& licenses);
  // The same for a member whose assignments the caller has read already (a page of members).
  GroupOutcome applyGroup(const UserRecord& user, int64_t groupPk, const std::vector<GroupLicenseRecord>& licenses,
                          std::vector<AssignmentRecord> before);
  // A group license reaching many members: while held, the products' assigned counts are kept here
  // (pool() sees them, so every rule still counts each member) and written once by releaseCounts;
  // dropCounts forgets them when the change fails and rolls back.
  void holdCounts();
  void releaseCounts();
  void dropCounts();
  // A bulk run (a pipeline into a changing cmdlet): between these, CountViolation recommendations
  // count the users the run was refused so far, and finishRun names what covers them all.
  void startRun();
  std::vector<RunShortfall> finishRun();
  // Counts follow a soft delete (+ -1) and a restore.
  void adjustForDeletion(const UserRecord& user, int64_t sign);

  // For each plan of the product (in its order): enabled for the user by any active source.
  std::vector<bool> enabledMask(int64_t productPk, const std::vector<AssignmentRecord>& rows);
  static std::set<int64_t> activeProducts(const std::vector<AssignmentRecord>& rows);

 private:
  std::optional<ErrorRecord> checkProducts(const UserRecord& user, const ChangeContext& c,
                                           const std::set<int64_t>& added, const std::set<int64_t>& fresh);
  std::optional<ErrorRecord> checkLocation(const UserRecord& user, const ChangeContext& c,
                                           const std::set<int64_t>& added,
                                           const std::map<std::string, int64_t>& enabled);
  std::optional<ErrorRecord> checkPlans(const UserRecord& user, const std::set<int64_t>& added,
                                        const std::vector<AssignmentRecord>& after,
                                        const std::map<std::string, int64_t>& enabled);
  bool enablesPlan(int64_t productPk, const std::string& planName, const std::vector<AssignmentRecord>& rows);
  std::optional<ErrorRecord> checkCounts(const UserRecord& user, const ChangeContext& c,
                                         const std::set<int64_t>& fresh);
  std::string moreLicenses(const Product& p, const ProductPool& pl, int64_t shortfall);
  // Plan name -> product, for the plans the rule book names (no other plan can fail a rule).
  std::map<std::string, int64_t> enabledPlans(const std::vector<AssignmentRecord>& rows);

  struct CachedProduct {
    Product product;
    std::vector<std::string> planIds;  // lower case, as assignments store disabled plans
    std::optional<std::vector<size_t>> rulePlans;  // positions of the plans the rule book names
  };
  CachedProduct& cached(int64_t pk);
  const std::vector<size_t>& rulePlansOf(int64_t pk);
  const std::vector<SubscriptionRecord>& subscriptionsOf(int64_t productPk);

  TenantStore& store_;
  const Clock& clock_;
  std::unordered_map<int64_t, CachedProduct> products_;
  std::unordered_map<int64_t, std::vector<SubscriptionRecord>> subscriptions_;
  std::unordered_map<std::string, int64_t> resolvedProducts_;
  std::optional<RuleBook> rules_;
  std::set<std::string> ruleNames_;  // every plan name the rule book mentions
  std::optional<std::string> defaultLocation_;
  std::optional<int64_t> storeVersion_;
  uint64_t generation_ = 0;
  struct Run {
    std::map<int64_t, std::set<int64_t>> refused;  // product -> users refused it for want of licenses
  };
  std::optional<Run> run_;  // kept across rollbacks: a refused user's change is undone, its need is not
  // Within one evaluate() nothing is written, so a product's pool is read once for all its checks.
  std::optional<std::unordered_map<int64_t, ProductPool>> evaluatingPools_;
  struct HeldCount {
    int64_t stored = 0, delta = 0;
  };
  std::optional<std::map<int64_t, HeldCount>> heldCounts_;  // product -> its count while held
  HeldCount& heldCount(int64_t productPk);
  void adjustAssigned(int64_t productPk, int64_t delta);
};

}  // namespace plush::tenant
