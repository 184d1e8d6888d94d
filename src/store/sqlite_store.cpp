// SqliteStore: opening, the tenant row, products with their plans, the rule book, subscriptions.
#include "store/sqlite_store.h"

#include "store/schema.h"
#include "tenant/text.h"

namespace plush::store {

using namespace plush::tenant;

// After the migrations (whose temporary tables may be large): savepoint journals in memory. A bulk run
// gives each call a savepoint inside its batch; once that journal spilled to a temporary file, every
// later call wrote its pages there too (267 MB for 100,000 users, four times the change itself).
SqliteStore::SqliteStore(const std::string& path, int busyTimeoutMs) : db_(path, busyTimeoutMs) {
  migrate(db_);
  db_.exec("PRAGMA temp_store=MEMORY");
}

void SqliteStore::begin() {
  db_.begin();
  userWritesAt_.push_back(userWrites_);
}

void SqliteStore::commit() {
  if (db_.depth() == 0) return;
  db_.commit();
  if (!userWritesAt_.empty()) userWritesAt_.pop_back();
}

// What was undone may include user rows a listing's page still holds (see listedUser), but only
// if this level wrote one: a bulk run's refused user, who wrote none, keeps the page valid for the
// users after it (each of them was otherwise read again: a tenth of the run).
void SqliteStore::rollback() {
  if (db_.depth() == 0) return db_.rollback();
  bool marked = !userWritesAt_.empty();  // always, unless a level was opened behind this store's back
  bool wroteUsers = !marked || userWritesAt_.back() != userWrites_;
  if (marked) userWritesAt_.pop_back();
  if (wroteUsers) ++userWrites_;
  db_.rollback();
}

int64_t SqliteStore::count(const std::string& sql) {
  Statement s = db_.prepare(sql);
  return s.step() ? s.integer(0) : 0;
}

int64_t SqliteStore::dataVersion() { return count("PRAGMA data_version"); }

bool SqliteStore::hasTenant() { return count("SELECT count(*) FROM tenant") > 0; }

TenantRecord SqliteStore::tenant() {
  Statement s = db_.prepare("SELECT name, tenant_id, default_usage_location, allow_adhoc FROM tenant WHERE id = 1");
  TenantRecord t;
  if (s.step()) t = TenantRecord{s.text(0), s.text(1), s.text(2), s.integer(3) != 0};
  return t;
}

void SqliteStore::saveTenant(const TenantRecord& t) {
  db_.prepare("INSERT INTO tenant(id, name, tenant_id, default_usage_location, allow_adhoc) VALUES (1, ?, ?, ?, ?) "
              "ON CONFLICT(id) DO UPDATE SET name = excluded.name, tenant_id = excluded.tenant_id, "
              "default_usage_location = excluded.default_usage_location, allow_adhoc = excluded.allow_adhoc")
      .bindText(1, t.name).bindText(2, t.id).bindOptional(3, t.defaultUsageLocation)
      .bind(4, int64_t{t.allowAdHoc}).run();
}

int64_t SqliteStore::countUsers() { return count("SELECT user_count FROM tenant WHERE id = 1"); }
int64_t SqliteStore::countGroups() { return count("SELECT count(*) FROM user_groups"); }
int64_t SqliteStore::countProducts() { return count("SELECT count(*) FROM products"); }

std::vector<int64_t> SqliteStore::findProducts(ProductKey key, const std::string& value) {
  const char* sql = key == ProductKey::SkuPartNumber ? "SELECT pk FROM products WHERE sku_part_number = ?"
                    : key == ProductKey::SkuId       ? "SELECT pk FROM products WHERE sku_id = ?"
                                                     : "SELECT pk FROM products WHERE display_name = ? ORDER BY pk";
  Statement s = db_.prepare(sql);
  s.bindText(1, value);
  std::vector<int64_t> pks;
  while (s.step()) pks.push_back(s.integer(0));
  return pks;
}

std::vector<int64_t> SqliteStore::productPks() {
  Statement s = db_.prepare("SELECT pk FROM products ORDER BY sku_part_number");
  std::vector<int64_t> pks;
  while (s.step()) pks.push_back(s.integer(0));
  return pks;
}

ProductRecord SqliteStore::loadProduct(int64_t pk) {
  ProductRecord r;
  r.pk = pk;
  {
    Statement s = db_.prepare(
        "SELECT sku_part_number, sku_id, display_name, applies_to, requires FROM products WHERE pk = ?");
    s.bind(1, pk);
    if (!s.step()) return r;
    r.product = Product{s.text(0), s.text(1), s.text(2), s.text(3), {}, splitList(s.text(4), ',')};
  }
  Statement plans = db_.prepare(
      "SELECT name, plan_id, display_name, automatic, provisioning_status, applies_to FROM service_plans "
      "WHERE product_pk = ? ORDER BY position");
  plans.bind(1, pk);
  while (plans.step())
    r.product.ServicePlans.push_back(ServicePlan{plans.text(0), plans.text(1), plans.text(2), plans.integer(3) != 0,
                                                 plans.text(4), plans.text(5)});
  return r;
}

ProductName SqliteStore::productName(int64_t pk) {
  Statement s = db_.prepare("SELECT sku_part_number, display_name FROM products WHERE pk = ?");
  s.bind(1, pk);
  if (!s.step()) return {};
  return {s.text(0), s.text(1)};
}

void SqliteStore::replacePlans(int64_t productPk, const std::vector<ServicePlan>& plans) {
  db_.prepare("DELETE FROM service_plans WHERE product_pk = ?").bind(1, productPk).run();
  int64_t position = 0;
  for (const ServicePlan& p : plans)
    db_.prepare("INSERT INTO service_plans(product_pk, position, plan_id, name, display_name, automatic, "
                "provisioning_status, applies_to) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
        .bind(1, productPk).bind(2, position++).bindText(3, p.Id).bindText(4, p.Name)
        .bindText(5, p.DisplayName).bind(6, int64_t{p.Automatic}).bindOptional(7, p.ProvisioningStatus)
        .bindOptional(8, p.AppliesTo).run();
}

int64_t SqliteStore::upsertProduct(const Product& p) {
  ++productsChanged_;
  std::vector<int64_t> existing = findProducts(ProductKey::SkuId, p.SkuId);
  if (existing.empty())
    db_.prepare("INSERT INTO products(sku_id, sku_part_number, display_name, applies_to, requires) "
                "VALUES (?, ?, ?, ?, ?)")
        .bindText(1, p.SkuId).bindText(2, p.SkuPartNumber).bindText(3, p.DisplayName)
        .bindText(4, p.AppliesTo).bindText(5, join(p.Requires, ",")).run();
  else
    db_.prepare("UPDATE products SET sku_part_number = ?, display_name = ?, applies_to = ?, requires = ? "
                "WHERE pk = ?")
        .bindText(1, p.SkuPartNumber).bindText(2, p.DisplayName).bindText(3, p.AppliesTo)
        .bindText(4, join(p.Requires, ",")).bind(5, existing.front()).run();
  int64_t pk = existing.empty() ? db_.lastInsertRowid() : existing.front();
  replacePlans(pk, p.ServicePlans);
  return pk;
}

int64_t SqliteStore::assignedCount(int64_t productPk) {
  Statement s = db_.prepare("SELECT assigned FROM products WHERE pk = ?");
  s.bind(1, productPk);
  return s.step() ? s.integer(0) : 0;
}

std::vector<int64_t> SqliteStore::assignedProductPks() {
  Statement s = db_.prepare("SELECT pk FROM products WHERE assigned <> 0");
  std::vector<int64_t> pks;
  while (s.step()) pks.push_back(s.integer(0));
  return pks;
}

void SqliteStore::adjustAssigned(int64_t productPk, int64_t delta) {
  db_.prepare("UPDATE products SET assigned = assigned + ? WHERE pk = ?").bind(1, delta).bind(2, productPk).run();
}

std::vector<int64_t> SqliteStore::subscribedProductPks() {
  Statement s = db_.prepare(
      "SELECT pk FROM products p WHERE EXISTS (SELECT 1 FROM subscriptions s WHERE s.product_pk = p.pk) "
      "OR EXISTS (SELECT 1 FROM sku_facts f WHERE f.product_pk = p.pk) ORDER BY sku_part_number");
  std::vector<int64_t> pks;
  while (s.step()) pks.push_back(s.integer(0));
  return pks;
}

std::optional<SkuFacts> SqliteStore::skuFacts(int64_t productPk) {
  Statement s = db_.prepare("SELECT object_id, account_id, account_name, subscription_ids, consumed_units, "
                            "unseen_assigned FROM sku_facts WHERE product_pk = ?");
  s.bind(1, productPk);
  if (!s.step()) return std::nullopt;
  return SkuFacts{s.text(0), s.text(1), s.text(2), splitList(s.text(3), ','), s.integer(4), s.integer(5)};
}

void SqliteStore::saveSkuFacts(int64_t productPk, const SkuFacts& f) {
  db_.prepare("INSERT OR REPLACE INTO sku_facts(product_pk, object_id, account_id, account_name, subscription_ids, "
              "consumed_units, unseen_assigned) VALUES (?, ?, ?, ?, ?, ?, ?)")
      .bind(1, productPk).bindOptional(2, f.objectId).bindOptional(3, f.accountId).bindOptional(4, f.accountName)
      .bindText(5, join(f.subscriptionIds, ",")).bind(6, f.consumedUnits).bind(7, f.unseenAssigned).run();
}

int64_t SqliteStore::countHolders(int64_t productPk) {
  Statement s = db_.prepare("SELECT count(DISTINCT a.user_pk) FROM assignments a JOIN users u ON u.pk = a.user_pk "
                            "WHERE a.product_pk = ? AND a.state = 'Active' AND u.deleted_on IS NULL");
  s.bind(1, productPk);
  return s.step() ? s.integer(0) : 0;
}

RuleBook SqliteStore::ruleBook() {
  RuleBook rules;
  Statement needs = db_.prepare("SELECT plan, needs FROM plan_requires ORDER BY plan, needs");
  while (needs.step()) rules.planRequires[needs.text(0)].push_back(needs.text(1));
  Statement families = db_.prepare("SELECT family, plan FROM exclusive_families ORDER BY family, plan");
  int64_t current = -1;
  while (families.step()) {
    if (families.integer(0) != current) rules.exclusiveFamilies.emplace_back();
    current = families.integer(0);
    rules.exclusiveFamilies.back().push_back(families.text(1));
  }
  Statement places = db_.prepare("SELECT plan, location FROM plan_unavailable");
  while (places.step()) rules.planUnavailableIn[places.text(0)].insert(places.text(1));
  return rules;
}

void SqliteStore::saveRuleBook(const RuleBook& rules) {
  db_.exec("DELETE FROM plan_requires; DELETE FROM exclusive_families; DELETE FROM plan_unavailable;");
  for (const auto& [plan, needs] : rules.planRequires)
    for (const std::string& n : needs)
      db_.prepare("INSERT OR IGNORE INTO plan_requires(plan, needs) VALUES (?, ?)").bindText(1, plan).bindText(2, n).run();
  int64_t family = 0;
  for (const auto& members : rules.exclusiveFamilies) {
    for (const std::string& plan : members)
      db_.prepare("INSERT OR IGNORE INTO exclusive_families(family, plan) VALUES (?, ?)")
          .bind(1, family).bindText(2, plan).run();
    ++family;
  }
  for (const auto& [plan, places] : rules.planUnavailableIn)
    for (const std::string& cc : places)
      db_.prepare("INSERT OR IGNORE INTO plan_unavailable(plan, location) VALUES (?, ?)")
          .bindText(1, plan).bindText(2, cc).run();
}

namespace {

const char* kSubscriptionColumns =
    "SELECT s.pk, s.product_pk, s.id, p.sku_part_number, s.quantity, s.manual_status, s.source, s.purchased_by, "
    "s.starts_on, s.expires_on, s.trial, s.taken_over FROM subscriptions s JOIN products p ON p.pk = s.product_pk ";

SubscriptionRecord readSubscription(const Statement& s) {
  SubscriptionRecord r;
  r.pk = s.integer(0);
  r.productPk = s.integer(1);
  r.sub = Subscription{s.text(2), s.text(3), s.integer(4), s.text(5), s.text(6), s.text(7),
                       s.text(8), s.text(9), s.integer(10) != 0, s.integer(11) != 0};
  return r;
}

}  // namespace

std::vector<SubscriptionRecord> SqliteStore::subscriptions(std::optional<int64_t> productPk) {
  Statement s = db_.prepare(std::string(kSubscriptionColumns) +
                            (productPk ? "WHERE s.product_pk = ? ORDER BY s.pk" : "ORDER BY p.sku_part_number, s.pk"));
  if (productPk) s.bind(1, *productPk);
  std::vector<SubscriptionRecord> out;
  while (s.step()) out.push_back(readSubscription(s));
  return out;
}

std::optional<SubscriptionRecord> SqliteStore::findSubscription(const std::string& id) {
  Statement s = db_.prepare(std::string(kSubscriptionColumns) + "WHERE s.id = ?");
  s.bindText(1, id);
  if (!s.step()) return std::nullopt;
  return readSubscription(s);
}

int64_t SqliteStore::insertSubscription(const SubscriptionRecord& r) {
  db_.prepare("INSERT INTO subscriptions(id, product_pk, quantity, manual_status, source, purchased_by, starts_on, "
              "expires_on, trial, taken_over) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
      .bindText(1, r.sub.Id).bind(2, r.productPk).bind(3, r.sub.Quantity).bindOptional(4, r.sub.Status)
      .bindText(5, r.sub.Source).bindOptional(6, r.sub.PurchasedBy).bindText(7, r.sub.StartsOn)
      .bindOptional(8, r.sub.ExpiresOn).bind(9, int64_t{r.sub.Trial}).bind(10, int64_t{r.sub.TakenOver}).run();
  return db_.lastInsertRowid();
}

void SqliteStore::updateSubscription(const SubscriptionRecord& r) {
  db_.prepare("UPDATE subscriptions SET quantity = ?, manual_status = ?, source = ?, purchased_by = ?, "
              "starts_on = ?, expires_on = ?, trial = ?, taken_over = ? WHERE pk = ?")
      .bind(1, r.sub.Quantity).bindOptional(2, r.sub.Status).bindText(3, r.sub.Source)
      .bindOptional(4, r.sub.PurchasedBy).bindText(5, r.sub.StartsOn).bindOptional(6, r.sub.ExpiresOn)
      .bind(7, int64_t{r.sub.Trial}).bind(8, int64_t{r.sub.TakenOver}).bind(9, r.pk).run();
}

}  // namespace plush::store
