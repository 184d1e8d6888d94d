// PgStore: opening, transactions and the data version, the tenant row, products, the rule book, subscriptions.
#include "store/postgres/pg_store.h"

#include "store/postgres/pg_schema.h"
#include "tenant/text.h"

namespace plush::store::postgres {

using namespace plush::tenant;

namespace {
const char* kLockTenant = "SELECT data_version FROM store_state WHERE id = 1 FOR UPDATE";
const char* kReadVersion = "SELECT data_version FROM store_state WHERE id = 1";
}  // namespace

PgStore::PgStore(const std::string& location, int busyTimeoutMs) : db_(location, busyTimeoutMs) { migrate(db_); }

void PgStore::noteVersion(int64_t version) {
  if (version != seenVersion_) ++reportedVersion_;
  seenVersion_ = version;
}

void PgStore::begin() {
  if (db_.depth() > 0) return void(db_.begin());
  assigned_.clear();
  noteVersion(db_.begin(kLockTenant).integer(0, 0));
}

// The version read just before COMMIT is this transaction's own: no other writer ran meanwhile.
void PgStore::commit() {
  if (db_.depth() != 1) return db_.commit(), void();
  assigned_.clear();  // the lock goes with the transaction
  Rows version = db_.commit(kReadVersion);
  seenVersion_ = version.integer(0, 0);
}

// What was undone may include kept counts and user rows read since (see assigned_, listedUser).
void PgStore::rollback() {
  db_.rollback();
  assigned_.clear();
  ++userWrites_;
}

// Inside a transaction nobody else commits (the lock), so the version is the one read at its start.
int64_t PgStore::dataVersion() {
  if (db_.depth() == 0) noteVersion(db_.query(kReadVersion).integer(0, 0));
  return reportedVersion_;
}

int64_t PgStore::count(const std::string& sql) {
  Rows r = db_.query(sql);
  return r.empty() ? 0 : r.integer(0, 0);
}

bool PgStore::hasTenant() { return count("SELECT count(*) FROM tenant") > 0; }

TenantRecord PgStore::tenant() {
  Rows r = db_.query("SELECT name, tenant_id, default_usage_location, allow_adhoc FROM tenant WHERE id = 1");
  if (r.empty()) return {};
  return TenantRecord{r.text(0, 0), r.text(0, 1), r.text(0, 2), r.integer(0, 3) != 0};
}

void PgStore::saveTenant(const TenantRecord& t) {
  db_.query("INSERT INTO tenant(id, name, tenant_id, default_usage_location, allow_adhoc) VALUES (1, ?, ?, ?, ?) "
            "ON CONFLICT(id) DO UPDATE SET name = excluded.name, tenant_id = excluded.tenant_id, "
            "default_usage_location = excluded.default_usage_location, allow_adhoc = excluded.allow_adhoc",
            {t.name, t.id, nullIfEmpty(t.defaultUsageLocation), int64_t{t.allowAdHoc}});
}

int64_t PgStore::countUsers() { return count("SELECT user_count FROM tenant WHERE id = 1"); }
int64_t PgStore::countGroups() { return count("SELECT count(*) FROM user_groups"); }
int64_t PgStore::countProducts() { return count("SELECT count(*) FROM products"); }

namespace {
std::vector<int64_t> pks(const Rows& r) {
  std::vector<int64_t> out;
  for (int i = 0; i < r.size(); ++i) out.push_back(r.integer(i, 0));
  return out;
}
}  // namespace

std::vector<int64_t> PgStore::findProducts(ProductKey key, const std::string& value) {
  const char* sql = key == ProductKey::SkuPartNumber ? "SELECT pk FROM products WHERE fold(sku_part_number) = fold(?) ORDER BY pk"
                    : key == ProductKey::SkuId ? "SELECT pk FROM products WHERE fold(sku_id) = fold(?) ORDER BY pk"
                                               : "SELECT pk FROM products WHERE fold(display_name) = fold(?) ORDER BY pk";
  return pks(db_.query(sql, {value}));
}

std::vector<int64_t> PgStore::productPks() {
  return pks(db_.query("SELECT pk FROM products ORDER BY fold(sku_part_number), pk"));
}

ProductRecord PgStore::loadProduct(int64_t pk) {
  ProductRecord r;
  r.pk = pk;
  Rows p = db_.query("SELECT sku_part_number, sku_id, display_name, applies_to, requires FROM products WHERE pk = ?", {pk});
  if (p.empty()) return r;
  r.product = Product{p.text(0, 0), p.text(0, 1), p.text(0, 2), p.text(0, 3), {}, splitList(p.text(0, 4), ',')};
  Rows plans = db_.query("SELECT name, plan_id, display_name, automatic, provisioning_status, applies_to "
                         "FROM service_plans WHERE product_pk = ? ORDER BY position",
                         {pk});
  for (int i = 0; i < plans.size(); ++i)
    r.product.ServicePlans.push_back(ServicePlan{plans.text(i, 0), plans.text(i, 1), plans.text(i, 2),
                                                 plans.integer(i, 3) != 0, plans.text(i, 4), plans.text(i, 5)});
  return r;
}

void PgStore::replacePlans(int64_t productPk, const std::vector<ServicePlan>& plans) {
  db_.query("DELETE FROM service_plans WHERE product_pk = ?", {productPk});
  int64_t position = 0;
  for (const ServicePlan& p : plans)
    db_.query("INSERT INTO service_plans(product_pk, position, plan_id, name, display_name, automatic, "
              "provisioning_status, applies_to) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
              {productPk, position++, p.Id, p.Name, p.DisplayName, int64_t{p.Automatic},
               nullIfEmpty(p.ProvisioningStatus), nullIfEmpty(p.AppliesTo)});
}

int64_t PgStore::upsertProduct(const Product& p) {
  ++productsChanged_;
  std::vector<int64_t> existing = findProducts(ProductKey::SkuId, p.SkuId);
  int64_t pk;
  if (existing.empty()) {
    pk = db_.query("INSERT INTO products(sku_id, sku_part_number, display_name, applies_to, requires) "
                   "VALUES (?, ?, ?, ?, ?) RETURNING pk",
                   {p.SkuId, p.SkuPartNumber, p.DisplayName, p.AppliesTo, join(p.Requires, ",")})
             .integer(0, 0);
  } else {
    pk = existing.front();
    db_.query("UPDATE products SET sku_part_number = ?, display_name = ?, applies_to = ?, requires = ? WHERE pk = ?",
              {p.SkuPartNumber, p.DisplayName, p.AppliesTo, join(p.Requires, ","), pk});
  }
  replacePlans(pk, p.ServicePlans);
  return pk;
}

int64_t PgStore::assignedCount(int64_t productPk) {
  if (db_.depth() > 0)
    if (auto known = assigned_.find(productPk); known != assigned_.end()) return known->second;
  Rows r = db_.query("SELECT assigned FROM products WHERE pk = ?", {productPk});
  int64_t assigned = r.empty() ? 0 : r.integer(0, 0);
  if (db_.depth() > 0 && !r.empty()) assigned_[productPk] = assigned;
  return assigned;
}

std::vector<int64_t> PgStore::assignedProductPks() { return pks(db_.query("SELECT pk FROM products WHERE assigned <> 0")); }

void PgStore::adjustAssigned(int64_t productPk, int64_t delta) {
  db_.query("UPDATE products SET assigned = assigned + ? WHERE pk = ?", {delta, productPk});
  if (auto known = assigned_.find(productPk); known != assigned_.end()) known->second += delta;
}

std::vector<int64_t> PgStore::subscribedProductPks() {
  return pks(db_.query("SELECT pk FROM products p WHERE EXISTS (SELECT 1 FROM subscriptions s WHERE s.product_pk = p.pk) "
                       "OR EXISTS (SELECT 1 FROM sku_facts f WHERE f.product_pk = p.pk) ORDER BY fold(sku_part_number), pk"));
}

std::optional<SkuFacts> PgStore::skuFacts(int64_t productPk) {
  Rows r = db_.query("SELECT object_id, account_id, account_name, subscription_ids, consumed_units, unseen_assigned "
                     "FROM sku_facts WHERE product_pk = ?",
                     {productPk});
  if (r.empty()) return std::nullopt;
  return SkuFacts{r.text(0, 0), r.text(0, 1), r.text(0, 2), splitList(r.text(0, 3), ','), r.integer(0, 4), r.integer(0, 5)};
}

void PgStore::saveSkuFacts(int64_t productPk, const SkuFacts& f) {
  db_.query("INSERT INTO sku_facts(product_pk, object_id, account_id, account_name, subscription_ids, consumed_units, "
            "unseen_assigned) VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (product_pk) DO UPDATE SET "
            "object_id = excluded.object_id, account_id = excluded.account_id, account_name = excluded.account_name, "
            "subscription_ids = excluded.subscription_ids, consumed_units = excluded.consumed_units, "
            "unseen_assigned = excluded.unseen_assigned",
            {productPk, nullIfEmpty(f.objectId), nullIfEmpty(f.accountId), nullIfEmpty(f.accountName),
             join(f.subscriptionIds, ","), f.consumedUnits, f.unseenAssigned});
}

int64_t PgStore::countHolders(int64_t productPk) {
  Rows r = db_.query("SELECT count(DISTINCT a.user_pk) FROM assignments a JOIN users u ON u.pk = a.user_pk "
                     "WHERE a.product_pk = ? AND a.state = 'Active' AND u.deleted_on IS NULL",
                     {productPk});
  return r.empty() ? 0 : r.integer(0, 0);
}

RuleBook PgStore::ruleBook() {
  RuleBook rules;
  Rows needs = db_.query("SELECT plan, needs FROM plan_requires ORDER BY plan, needs");
  for (int i = 0; i < needs.size(); ++i) rules.planRequires[needs.text(i, 0)].push_back(needs.text(i, 1));
  Rows families = db_.query("SELECT family, plan FROM exclusive_families ORDER BY family, plan");
  int64_t current = -1;
  for (int i = 0; i < families.size(); ++i) {
    if (families.integer(i, 0) != current) rules.exclusiveFamilies.emplace_back();
    current = families.integer(i, 0);
    rules.exclusiveFamilies.back().push_back(families.text(i, 1));
  }
  Rows places = db_.query("SELECT plan, location FROM plan_unavailable");
  for (int i = 0; i < places.size(); ++i) rules.planUnavailableIn[places.text(i, 0)].insert(places.text(i, 1));
  return rules;
}

void PgStore::saveRuleBook(const RuleBook& rules) {
  db_.exec("DELETE FROM plan_requires; DELETE FROM exclusive_families; DELETE FROM plan_unavailable;");
  for (const auto& [plan, needs] : rules.planRequires)
    for (const std::string& n : needs)
      db_.query("INSERT INTO plan_requires(plan, needs) VALUES (?, ?) ON CONFLICT DO NOTHING", {plan, n});
  int64_t family = 0;
  for (const auto& members : rules.exclusiveFamilies) {
    for (const std::string& plan : members)
      db_.query("INSERT INTO exclusive_families(family, plan) VALUES (?, ?) ON CONFLICT DO NOTHING", {family, plan});
    ++family;
  }
  for (const auto& [plan, places] : rules.planUnavailableIn)
    for (const std::string& cc : places)
      db_.query("INSERT INTO plan_unavailable(plan, location) VALUES (?, ?) ON CONFLICT DO NOTHING", {plan, cc});
}

namespace {

const char* kSubscriptionColumns =
    "SELECT s.pk, s.product_pk, s.id, p.sku_part_number, s.quantity, s.manual_status, s.source, s.purchased_by, "
    "s.starts_on, s.expires_on, s.trial, s.taken_over FROM subscriptions s JOIN products p ON p.pk = s.product_pk ";

SubscriptionRecord readSubscription(const Rows& r, int i) {
  SubscriptionRecord s;
  s.pk = r.integer(i, 0);
  s.productPk = r.integer(i, 1);
  s.sub = Subscription{r.text(i, 2), r.text(i, 3), r.integer(i, 4), r.text(i, 5), r.text(i, 6), r.text(i, 7),
                       r.text(i, 8), r.text(i, 9), r.integer(i, 10) != 0, r.integer(i, 11) != 0};
  return s;
}

}  // namespace

std::vector<SubscriptionRecord> PgStore::subscriptions(std::optional<int64_t> productPk) {
  Rows r = productPk ? db_.query(std::string(kSubscriptionColumns) + "WHERE s.product_pk = ? ORDER BY s.pk", {*productPk})
                     : db_.query(std::string(kSubscriptionColumns) + "ORDER BY fold(p.sku_part_number), s.pk");
  std::vector<SubscriptionRecord> out;
  for (int i = 0; i < r.size(); ++i) out.push_back(readSubscription(r, i));
  return out;
}

std::optional<SubscriptionRecord> PgStore::findSubscription(const std::string& id) {
  Rows r = db_.query(std::string(kSubscriptionColumns) + "WHERE fold(s.id) = fold(?)", {id});
  if (r.empty()) return std::nullopt;
  return readSubscription(r, 0);
}

int64_t PgStore::insertSubscription(const SubscriptionRecord& r) {
  const Subscription& s = r.sub;
  return db_.query("INSERT INTO subscriptions(id, product_pk, quantity, manual_status, source, purchased_by, starts_on, "
                   "expires_on, trial, taken_over) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING pk",
                   {s.Id, r.productPk, s.Quantity, nullIfEmpty(s.Status), s.Source, nullIfEmpty(s.PurchasedBy), s.StartsOn,
                    nullIfEmpty(s.ExpiresOn), int64_t{s.Trial}, int64_t{s.TakenOver}})
      .integer(0, 0);
}

void PgStore::updateSubscription(const SubscriptionRecord& r) {
  const Subscription& s = r.sub;
  db_.query("UPDATE subscriptions SET quantity = ?, manual_status = ?, source = ?, purchased_by = ?, "
            "starts_on = ?, expires_on = ?, trial = ?, taken_over = ? WHERE pk = ?",
            {s.Quantity, nullIfEmpty(s.Status), s.Source, nullIfEmpty(s.PurchasedBy), s.StartsOn, nullIfEmpty(s.ExpiresOn),
             int64_t{s.Trial}, int64_t{s.TakenOver}, r.pk});
}

}  // namespace plush::store::postgres
