// Session: Import-Product — add or update products from Microsoft's CSV without losing catalog facts.
#include <set>

#include "tenant/product_csv.h"
#include "tenant/session.h"
#include "tenant/session_change.h"
#include "tenant/text.h"

namespace plush::tenant {

namespace {

bool samePlans(const std::vector<ServicePlan>& a, const std::vector<ServicePlan>& b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i)
    if (a[i].Name != b[i].Name || !iequals(a[i].Id, b[i].Id) || a[i].DisplayName != b[i].DisplayName ||
        a[i].Automatic != b[i].Automatic)
      return false;
  return true;
}

bool sameProduct(const Product& a, const Product& b) {
  return a.SkuPartNumber == b.SkuPartNumber && a.DisplayName == b.DisplayName && a.AppliesTo == b.AppliesTo &&
         a.Requires == b.Requires && samePlans(a.ServicePlans, b.ServicePlans);
}

}  // namespace

// The CSV knows neither AppliesTo, Requires nor automatic plans: those come from what the
// store already knows (the catalog), so an import never weakens a rule.
ImportReport Session::importProductsCsv(const std::string& path) {
  require(Action::TenantSettings);
  std::vector<Product> incoming = readProductCsv(path);
  Change change(*this);
  std::set<std::string> automatic;
  for (int64_t pk : store_->productPks())
    for (const ServicePlan& p : engine_->product(pk).ServicePlans)
      if (p.Automatic) automatic.insert(p.Name);
  ImportReport report;
  for (Product& p : incoming) {
    for (ServicePlan& plan : p.ServicePlans) plan.Automatic = automatic.count(plan.Name) > 0;
    report.plans += static_cast<int64_t>(p.ServicePlans.size());
    std::vector<int64_t> existing = store_->findProducts(ProductKey::SkuId, p.SkuId);
    if (!existing.empty()) {
      const Product& known = engine_->product(existing.front());
      p.AppliesTo = known.AppliesTo;
      p.Requires = known.Requires;
      if (sameProduct(known, p)) {
        ++report.unchanged;
        continue;
      }
    }
    store_->upsertProduct(p);
    engine_->forget();  // cached data written: forget at once, so a rollback knows to forget too
    ++(existing.empty() ? report.added : report.updated);
  }
  engine_->forget();
  if (report.added + report.updated == 0) {  // the catalog already says all this: no change, no audit row
    change.commit();
    return report;
  }
  audit("Import-Product", path,
        std::to_string(report.added) + " added, " + std::to_string(report.updated) + " updated, " +
            std::to_string(report.unchanged) + " unchanged");
  change.commit();
  return report;
}

}  // namespace plush::tenant
