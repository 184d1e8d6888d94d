// Session: opening a store and its tenant, the acting admin, transactions, identities, products.
#include "tenant/session.h"

#include <algorithm>
#include <cctype>

#include <nlohmann/json.hpp>

#include "tenant/catalog.h"
#include "tenant/session_change.h"
#include "tenant/text.h"

namespace plush::tenant {

nlohmann::json loadDemo(const std::string& path);  // session_demo.cpp

namespace {

std::string defaultAdminUpn(const std::string& tenantName) {
  std::string domain;
  for (char c : lower(tenantName))
    if (std::isalnum(static_cast<unsigned char>(c))) domain += c;
  return "admin@" + (domain.empty() ? std::string("tenant") : domain) + ".onmicrosoft.com";
}

}  // namespace

Session::Session(SessionOptions options)
    : location_(options.storePath),
      busyTimeoutMs_(options.busyTimeoutMs),
      store_(openTenantStore(options.storePath, options.busyTimeoutMs)),
      clock_(options.now),
      engine_(std::make_unique<LicenseEngine>(*store_, clock_)),
      // bounds what a crash loses and how long other writers wait
      batchCommitEvery_(std::max(0, options.batchCommitMs)) {
  if (!store_->hasTenant()) {
    Change change(*this);
    if (!store_->hasTenant()) initialiseTenant(options.onCreate, options.catalogPath);
    change.commit();
  }
  purgeExpiredDeletions(options.wallClock);
  openActor(options.actingUpn);
}

Session::Session(std::string storePath, std::string actingUpn, std::string nowIso, std::string catalogPath)
    : Session(SessionOptions{std::move(storePath), std::move(actingUpn), std::move(nowIso), std::move(catalogPath)}) {}

// What a batch has done is kept: each of its calls had finished.
Session::~Session() {
  try {
    commitBatch();
  } catch (...) {
  }
}

std::unique_ptr<Session> Session::create(const NewTenantOptions& tenant, SessionOptions options) {
  options.onCreate = tenant;
  if (options.catalogPath.empty()) options.catalogPath = tenant.catalogPath;
  if (options.now.empty()) options.now = tenant.now;
  {
    auto probe = openTenantStore(options.storePath, options.busyTimeoutMs);
    if (probe->hasTenant())
      fail("AlreadyExists", category::ResourceExists, options.storePath,
           "The store " + options.storePath + " already holds the tenant " + probe->tenant().name + ".",
           "Connect-Tenant -Path " + options.storePath);
  }
  return std::make_unique<Session>(std::move(options));
}

void createTenant(const std::string& path, const NewTenantOptions& options) {
  SessionOptions s;
  s.storePath = path;
  Session::create(options, s);
}

// The catalog, the tenant row and its first GlobalAdministrator; the demo on top when asked.
void Session::initialiseTenant(const NewTenantOptions& options, const std::string& catalogPath) {
  NewTenantOptions o = options;
  if (!o.demoPath.empty()) {  // the demo names its tenant and admin unless the caller did
    nlohmann::json t = loadDemo(o.demoPath).value("tenant", nlohmann::json::object());
    if (o.name.empty() || o.name == NewTenantOptions{}.name) o.name = t.value("name", o.name);
    if (o.adminUpn.empty()) o.adminUpn = t.value("admin", "");
  }
  if (o.name.empty()) o.name = NewTenantOptions{}.name;
  std::string location = upper(o.defaultUsageLocation);
  if (!location.empty() && !isCountryCode(location))
    fail("InvalidUsageLocation", category::InvalidArgument, o.defaultUsageLocation,
         "'" + o.defaultUsageLocation + "' is not a two-letter country code (ISO 3166), such as US or DE.");
  store_->saveTenant(TenantRecord{o.name, newGuid(), location, true});
  std::string catalog = catalogPath.empty() ? o.catalogPath : catalogPath;
  if (!catalog.empty()) {
    Catalog c = loadCatalog(catalog);
    for (const Product& p : c.products) store_->upsertProduct(p);
    store_->saveRuleBook(c.rules);
    saveCatalogCapacity(c);
  }
  User admin;
  admin.Id = newGuid();
  admin.UserPrincipalName = o.adminUpn.empty() ? defaultAdminUpn(o.name) : lower(o.adminUpn);
  admin.DisplayName = "Administrator";
  admin.UsageLocation = location;
  int64_t pk = store_->insertUser(admin);
  store_->addRole(role::GlobalAdministrator, pk);
  actorPk_ = pk;
  actorUpn_ = admin.UserPrincipalName;
  actorRoles_ = {role::GlobalAdministrator};
  engine_->forget();
  audit("New-Tenant", o.name, "admin " + admin.UserPrincipalName + (catalog.empty() ? "" : ", catalog " + catalog));
  if (!o.demoPath.empty()) applyDemo(o.demoPath);
}

void Session::openActor(const std::string& actingUpn) {
  std::vector<std::pair<std::string, int64_t>> bindings = store_->bindings();
  boundLogin_.clear();
  std::optional<UserRecord> actor;
  if (!bindings.empty()) {
    actor = boundActor(bindings, actingUpn);
  } else if (actingUpn.empty()) {
    std::vector<int64_t> admins = store_->roleMembers(role::GlobalAdministrator);
    for (int64_t pk : admins)
      if ((actor = store_->userByPk(pk)) && actor->user.DeletedOn.empty()) break;
    if (!actor || !actor->user.DeletedOn.empty())
      fail("AccessDenied", category::PermissionDenied, "", "The tenant has no GlobalAdministrator to act as.",
           "plush --as <UPN of an admin>");
  } else {
    actor = store_->findUser(UserKey::Upn, actingUpn);
    if (!actor || !actor->user.DeletedOn.empty())
      fail("UserNotFound", category::ObjectNotFound, actingUpn,
           "There is no user " + actingUpn + " in the tenant to act as.", "Get-AdminRole");
  }
  actorPk_ = actor->pk;
  actorUpn_ = actor->user.UserPrincipalName;
  actorRoles_ = store_->rolesOf(actor->pk);
}

// While bindings exist the login is the identity: a session acts as an admin bound to its login
// (the first bound, or the one --as names), never as one it merely claims to be.
UserRecord Session::boundActor(const std::vector<std::pair<std::string, int64_t>>& bindings,
                               const std::string& actingUpn) {
  std::string login = store_->login();
  std::vector<UserRecord> mine;
  for (const auto& [bound, pk] : bindings) {
    if (bound != login) continue;
    std::optional<UserRecord> admin = store_->userByPk(pk);
    if (admin && admin->user.DeletedOn.empty()) mine.push_back(*admin);
  }
  if (mine.empty())
    fail("AccessDenied", category::PermissionDenied, login,
         "The login " + login + " is bound to no admin of this tenant (its identities are bound: a session acts "
         "only as an admin bound to its login).",
         "Ask a GlobalAdministrator to run: Add-AdminBinding -User <admin UPN> -Login " + login);
  boundLogin_ = login;
  if (actingUpn.empty()) return mine.front();
  std::vector<std::string> upns;
  for (const UserRecord& admin : mine) {
    if (iequals(admin.user.UserPrincipalName, actingUpn)) return admin;
    upns.push_back(admin.user.UserPrincipalName);
  }
  fail("AccessDenied", category::PermissionDenied, actingUpn,
       "The login " + login + " may not act as " + actingUpn + "; it is bound to " + join(upns, ", ") + ".",
       "plush --as " + upns.front());
}

void Session::begin() {
  commitBatch();  // an admin's transaction starts from a committed store, never inside a batch
  store_->begin();
}

void Session::commit() {
  if (transactionDepth() > 0) store_->commit();
}

void Session::rollback() {
  if (transactionDepth() == 0) return engine_->forget();  // never the batch's: its calls are done
  store_->rollback();
  engine_->forget();
}
bool Session::inTransaction() const { return transactionDepth() > 0; }
int Session::transactionDepth() const { return store_->depth() - (batchOpen_ ? 1 : 0); }

void Session::beginBatch() {
  if (batchDepth_++ == 0) engine_->startRun();
}

std::vector<RunShortfall> Session::endBatch() {
  if (batchDepth_ == 0 || --batchDepth_ > 0) return {};
  std::vector<RunShortfall> shortfalls = engine_->finishRun();
  commitBatch();
  return shortfalls;
}

void Session::commitBatchIfDue() {
  if (batchOpen_ && store_->depth() == 1 &&
      std::chrono::steady_clock::now() - batchOpened_ >= batchCommitEvery_)
    commitBatch();
}

void Session::commitBatch() {
  if (!batchOpen_) return;
  size_t changes = pendingAudit_.size();  // one audit row per change the batch holds
  try {
    while (store_->depth() > 1) store_->rollback();  // a call still under way (cannot happen: Change ends it)
    writePendingAudit();
    batchOpen_ = false;
    store_->commit();
  } catch (const TenantError& e) {
    abandonBatch();
    // The batch's earlier calls had succeeded and were reported as done: say they are undone.
    ErrorRecord r = e.record;
    r.message += " The batch commit failed, so the " + std::to_string(changes) +
                 (changes == 1 ? " change" : " changes") +
                 " made since the last commit (this one included) were rolled back too; run the job again to redo them.";
    throw TenantError(r);
  } catch (...) {
    abandonBatch();
    throw;
  }
}

void Session::abandonBatch() {
  batchOpen_ = false;
  pendingAudit_.clear();
  store_->rollback();
  engine_->forget();
}

void Session::pollInterrupt(int64_t step) {
  if (step % 256 == 0 && interrupted_ && interrupted_())
    fail("Interrupted", category::OperationStopped, actorUpn_, "The operation was interrupted; nothing of it was kept.");
}

bool Session::actorIs(const char* role) const {
  return std::find(actorRoles_.begin(), actorRoles_.end(), role) != actorRoles_.end();
}

void Session::require(Action action) {
  if (store_->depth() == 0) engine_->syncWith(store_->dataVersion());
  std::vector<std::string> allowed = rolesAllowedTo(action);
  for (const std::string& r : allowed)
    if (actorIs(r.c_str())) return;
  std::string has = actorRoles_.empty() ? "no admin role" : join(actorRoles_, ", ");
  fail("AccessDenied", category::PermissionDenied, actorUpn_,
       actorUpn_ + " (" + has + ") may not " + describe(action) + "; that needs " + join(allowed, " or ") + ".",
       "Run it as an admin with one of those roles: plush --as <UPN>, or Connect-Tenant -As <UPN>");
}

void Session::audit(const std::string& action, const std::string& target, const std::string& detail,
                    const std::string& before) {
  ++changesMade_;
  AuditEntry e{clock_.nowIso(), actorUpn_, action, target, detail, 0, before};
  e.Login = boundLogin_;
  if (batchOpen_) pendingAudit_.push_back(std::move(e));
  else store_->appendAudit(e);
}

void Session::writePendingAudit() {
  store_->appendAudits(pendingAudit_);
  pendingAudit_.clear();
}

UserRecord Session::resolveUser(const std::string& identity, Deleted deleted) {
  // Without Licenses: a change reads the user's assignments itself; user() reads them for display.
  std::optional<UserRecord> found = store_->findUserRow(isGuid(identity) ? UserKey::Id : UserKey::Upn, identity);
  bool isDeleted = found && !found->user.DeletedOn.empty();
  if (found && deleted == Deleted::Only && !isDeleted)
    fail("UserNotFound", category::ObjectNotFound, identity, "The user " + identity + " is not deleted.",
         "Get-User -Identity " + identity);
  if (found && deleted == Deleted::No && isDeleted)
    fail("UserNotFound", category::ObjectNotFound, identity,
         "The user " + identity + " is deleted (since " + found->user.DeletedOn + ").",
         "Restore-User -Identity " + identity);
  if (isDeleted && parseInstant(found->user.DeletedOn) <= addDays(clock_.now(), -kSoftDeleteDays))
    found.reset();  // past the 30 days a soft delete is kept
  if (!found)
    fail("UserNotFound", category::ObjectNotFound, identity, "There is no user " + identity + " in the tenant.",
         deleted == Deleted::Only ? "Get-User -Deleted"
                                  : "Get-User -Filter \"startswith(userPrincipalName,'" +
                                        identity.substr(0, identity.find('@')).substr(0, 3) + "')\"");
  return *found;
}

int64_t Session::resolveProduct(const std::string& identity) {
  auto& resolved = engine_->resolvedProducts();
  std::string key = lower(identity);  // identities match case-insensitively (NOCASE columns)
  if (auto it = resolved.find(key); it != resolved.end()) return it->second;
  std::vector<int64_t> found = store_->findProducts(ProductKey::SkuPartNumber, identity);
  if (found.empty() && isGuid(identity)) found = store_->findProducts(ProductKey::SkuId, lower(identity));
  if (found.empty()) found = store_->findProducts(ProductKey::DisplayName, identity);
  if (found.size() > 1) {
    std::vector<std::string> names;
    for (int64_t pk : found) names.push_back(engine_->product(pk).SkuPartNumber + " (" + engine_->product(pk).SkuId + ")");
    fail("AmbiguousIdentity", category::InvalidArgument, identity,
         "'" + identity + "' names several products: " + join(names, ", ") + ".",
         "Name it by SkuId: " + engine_->product(found.front()).SkuId);
  }
  if (found.empty()) {
    std::string near = productNamed(identity);
    fail("ProductNotFound", category::ObjectNotFound, identity,
         "There is no product " + identity + " in the tenant." + (near.empty() ? "" : " Did you mean " + near + "?"),
         near.empty() ? "Get-Product -Catalog *" + identity + "*" : "Get-Product " + near);
  }
  resolved.emplace(key, found.front());
  return found.front();
}

GroupRecord Session::resolveGroup(const std::string& identity) {
  std::vector<GroupRecord> found = store_->findGroups(isGuid(identity) ? GroupKey::Id : GroupKey::Name, identity);
  if (found.empty() && isGuid(identity)) found = store_->findGroups(GroupKey::Name, identity);
  if (found.empty())
    fail("GroupNotFound", category::ObjectNotFound, identity, "There is no group " + identity + " in the tenant.",
         "Get-Group");
  return found.front();
}

std::string Session::productName(int64_t productPk) { return engine_->product(productPk).SkuPartNumber; }

std::string Session::groupName(int64_t groupPk) {
  auto g = store_->groupByPk(groupPk);
  return g ? g->group.DisplayName : std::string();
}

std::string Session::upnOf(int64_t userPk) {
  auto u = store_->userByPk(userPk);
  return u ? u->user.UserPrincipalName : std::string();
}

TenantInfo Session::tenant() {
  require(Action::Read);
  TenantRecord t = store_->tenant();
  return TenantInfo{t.name, t.id, t.defaultUsageLocation, t.allowAdHoc,
                    store_->countUsers(), store_->countGroups(), store_->countProducts(),
                    store_->bindings().empty() ? "Claimed" : "Bound", store_->login()};
}

int64_t Session::userCount() {
  require(Action::Read);
  return store_->countUsers();
}

std::string Session::tenantName() {
  require(Action::Read);
  return store_->tenant().name;
}

TenantInfo Session::setTenant(std::optional<std::string> defaultUsageLocation, std::optional<bool> allowAdHoc) {
  require(Action::TenantSettings);
  Change change(*this);
  TenantRecord t = store_->tenant();
  std::string detail;
  if (defaultUsageLocation) {
    std::string cc = upper(*defaultUsageLocation);
    if (!cc.empty() && !isCountryCode(cc))
      fail("InvalidUsageLocation", category::InvalidArgument, *defaultUsageLocation,
           "'" + *defaultUsageLocation + "' is not a two-letter country code (ISO 3166), such as US or DE.");
    if (cc != t.defaultUsageLocation) detail += "DefaultUsageLocation " + t.defaultUsageLocation + " -> " + cc + "; ";
    t.defaultUsageLocation = cc;
  }
  if (allowAdHoc && *allowAdHoc != t.allowAdHoc) {
    detail += std::string("AllowAdHocSubscriptions ") + (*allowAdHoc ? "True" : "False");
    t.allowAdHoc = *allowAdHoc;
  }
  if (detail.empty()) {  // the same settings again: no change, so no audit row
    change.commit();
    return tenant();
  }
  store_->saveTenant(t);
  engine_->forget();
  audit("Set-Tenant", t.name, detail);
  change.commit();
  return tenant();
}

// The product a mistyped name most likely meant: the same letters and digits as a SkuPartNumber or
// display name, separators and case aside (POWERBI_PRO -> POWER_BI_PRO); empty when none.
std::string Session::productNamed(const std::string& typed) {
  std::string want = squashed(typed);
  if (want.empty()) return {};
  for (int64_t pk : store_->productPks()) {
    const Product& product = engine_->product(pk);
    if (squashed(product.SkuPartNumber) == want || squashed(product.DisplayName) == want) return product.SkuPartNumber;
  }
  return {};
}

std::vector<Product> Session::products(const std::string& pattern, ProductScope scope) {
  require(Action::Read);
  std::vector<Product> out;
  std::string p = pattern.empty() ? "*" : pattern;
  for (int64_t pk : scope == ProductScope::Catalog ? store_->productPks() : store_->subscribedProductPks()) {
    const Product& product = engine_->product(pk);
    if (wildcardMatch(p, product.SkuPartNumber) || wildcardMatch(p, product.DisplayName) ||
        iequals(p, product.SkuId))
      out.push_back(product);
  }
  return out;
}

Product Session::product(const std::string& identity) {
  require(Action::Read);
  return engine_->product(resolveProduct(identity));
}

// Plan names or ids of one product to its plan ids; automatic plans cannot be disabled (rule 12).
std::vector<std::string> Session::planIdsIn(int64_t productPk, const std::vector<std::string>& tokens,
                                            bool forDisabling) {
  const Product& p = engine_->product(productPk);
  std::vector<std::string> ids;
  for (const std::string& token : tokens) {
    auto plan = std::find_if(p.ServicePlans.begin(), p.ServicePlans.end(),
                             [&](const ServicePlan& sp) { return iequals(sp.Name, token) || iequals(sp.Id, token); });
    if (plan == p.ServicePlans.end())
      fail("PlanNotInProduct", category::InvalidArgument, token,
           "The service plan " + token + " is not part of " + p.SkuPartNumber + ".",
           "(Get-Product " + p.SkuPartNumber + ").ServicePlans");
    if (forDisabling && plan->Automatic)
      fail("PlanIsAutomatic", category::InvalidOperation, token,
           "The service plan " + plan->Name + " comes automatically with " + p.SkuPartNumber +
               " and cannot be disabled.");
    if (std::find(ids.begin(), ids.end(), lower(plan->Id)) == ids.end()) ids.push_back(lower(plan->Id));
  }
  return ids;
}

}  // namespace plush::tenant
