// Session: the engine's public API over one open tenant store, one acting admin and one clock.
//
// How the cmdlets use it (namespace plush::tenant; every changing call is ONE transaction,
// nested as a savepoint inside begin()/commit()/rollback(); a failure throws
// TenantError{record.id, category, target, message, recommendation} and leaves the store
// exactly as before). Identities are case-insensitive: user = UPN or Id, product =
// SkuPartNumber | SkuId | DisplayName, group = DisplayName or Id. Every call checks the
// actor's roles (reads: any role; AccessDenied names the roles that may).
//
//   Session s(SessionOptions{storePath, actingUpn /*""=first GA*/, nowIso /*""=system*/, catalogPath,
//             busyTimeoutMs, onCreate /*tenant made when the store has none*/});
//   createTenant(path, NewTenantOptions{name, defaultUsageLocation, adminUpn, catalogPath, demoPath, now});
//   auto s = Session::create(NewTenantOptions{..., demoPath}, SessionOptions{":memory:", ...});  // --demo
//   Opening a Session permanently deletes users soft-deleted 30 days or more before its clock (rule 8).
//   s.begin(); s.commit(); s.rollback(); s.inTransaction();  // Start-/Complete-/Undo-Transaction, --what-if
//   s.actor(); s.actorRoles(); s.now();  s.setInterruptCheck([]{ return ctrlC; });  // long loops poll it
//   tenant() -> TenantInfo;  setTenant(optional<string> defaultUsageLocation, optional<bool> adHoc)
//   products(pattern, Catalog | Subscribed) -> vector<Product>;  product(identity) -> Product
//   anyUser(identity), graphLicenses(user), subscribedSku(product), subscribedSkus(), groupAssignedLicenses(group):
//   the same objects as Microsoft Graph shapes them (for ConvertTo-Json and the Mg* cmdlets)
//   importProductsCsv(path) -> ImportReport{added, updated, unchanged, plans}
//   subscriptions(optional<string> product, optional<string> status) -> vector<Subscription>
//   newSubscription(NewSubscription{product, quantity, trial, expiresOn, startsOn, source, purchasedBy})
//   setSubscription(id, SubscriptionChanges{quantity?, status? ("Auto" = by date), expiresOn?, takeOver, force})
//   licenses(optional<string> product) -> vector<LicenseRow>
//   userLicenses(user) -> vector<UserLicenseRow>
//   setUserLicense(user, SetUserLicenseRequest{add, remove, disabledPlans?, disablePlans,
//                  enablePlans, usageLocation?, replace, rows}) -> vector<UserLicenseRow> (the user's, after;
//                  none when rows is false)
//   switchUserLicense(user, from, to) -> vector<UserLicenseRow>
//   groupLicenses(group) -> vector<GroupLicenseRow{Group, SkuPartNumber, DisabledPlans, EnabledPlans, Active, Errors}>
//   setGroupLicense(group, add, remove, optional<vector<string>> disabledPlans) -> vector<GroupLicenseRow>
//   licenseErrors(optional group, optional product) -> vector<LicenseErrorRow>, or with a callback (streams)
//   reprocess(optional group, optional user) -> ReprocessReport{evaluated, fixed, inError}
//   forEachUser(UserQuery{identity, filter, department, usageLocation, product, userType,
//               licensed, unlicensed, deleted}, callback(const User&) -> bool /*false = stop*/)
//   user(identity) -> User;  newUser(NewUser{...}) -> User;  setUser(identity, UserChanges{...}) -> User
//   removeUser(identity, permanent);  restoreUser(identity) -> User
//   groups(pattern) -> vector<Group>;  group(identity) -> Group;  newGroup(name, description) -> Group
//   removeGroup(group);  forEachGroupMember(group, callback(const User&) -> bool)
//   addGroupMember(group, user) (already a member: no-op);  removeGroupMember(group, user)
//   adminRoles() -> vector<AdminRole>;  addAdminRoleMember(role, user);  removeAdminRoleMember(role, user)
//   adminBindings() -> vector<AdminBinding>;  addAdminBinding(user, login);  removeAdminBinding(user, login)
//   forEachAudit(AuditQuery{since, actor, target, last, afterSequence}, callback(const AuditEntry&) -> bool)
//   auditSequence() -> int64 (mark before a --what-if run; then forEachAudit({.afterSequence = mark}))
//   exportTenant(path);  importTenant(paths, "plush" | "graph", merge) -> ImportReport{..., warnings}
//   copyTenantTo(location) -> CopyReport{tables, rows}  (Copy-Tenant into an empty store)
//   capacity(kind?, month? "YYYY-MM") -> vector<TenantCapacityRow> (pooled from Enabled/Warning subscriptions,
//            consumed = the bots' billed sessions, projection from the daily rate)
//   bots(pattern, owner?) -> vector<Bot>;  newBot(NewBot{name, owner, environment}) -> Bot;  removeBot(bot)
//   botUsage(bot?, month?) -> vector<BotUsageRow>;  botUsageDays(bot?, month?) -> vector<BotUsageDay>
//   addBotUsage(bot, date, billedSessions) -> BotUsageDay;  importBotUsage(path) -> BotUsageImport
//
// Streaming callbacks run with no store statement open, so they may call back into the Session
// (Get-User | Set-UserLicense). Error ids: CountViolation, UsageLocationRequired,
// ProhibitedInUsageLocationViolation, NotAssignableToUser, DependencyViolation,
// MutuallyExclusiveViolation, InheritedLicense, SelfServiceSubscription, GuestRequiresGlobalAdmin,
// AccessDenied, UserNotFound, ProductNotFound, GroupNotFound, SubscriptionNotFound, RoleNotFound,
// NotFound, AmbiguousIdentity, InvalidUsageLocation, InvalidArgument, AlreadyExists,
// GroupHasLicenses, QuantityBelowAssigned, PlanNotInProduct, PlanIsAutomatic, LicenseNotAssigned,
// AdHocSubscriptionsDisabled, LastGlobalAdministrator, InvalidFilter, InvalidCsv, InvalidJson,
// CatalogNotFound, StoreBusy, StoreTooNew, StoreError, TenantNotFound, TenantNotEmpty, Interrupted,
// BotNotFound, CapacityNotFound.
#pragma once

#include <chrono>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "tenant/capacity.h"
#include "tenant/capacity_period.h"
#include "tenant/clock.h"
#include "tenant/entities.h"
#include "tenant/errors.h"
#include "tenant/graph_requests.h"
#include "tenant/roles.h"
#include "tenant/tenant_copy.h"
#include "tenant/tenant_store.h"

namespace plush::tenant {

class LicenseEngine;
struct Catalog;
struct BotUsageLine;

struct SessionOptions {
  std::string storePath;        // a file, or ":memory:"
  std::string actingUpn;        // empty: the tenant's first GlobalAdministrator
  std::string now;              // ISO clock; empty: the system clock
  std::string catalogPath;      // loaded into a NEW store when the tenant is created on first use
  int busyTimeoutMs = 10000;    // then StoreBusy
  int batchCommitMs = 200;      // a bulk run commits what it has done this often (see beginBatch)
  NewTenantOptions onCreate;    // the tenant made when the store has none yet
  // The wall clock (ISO; empty: the system clock). What cannot be undone (purging soft-deleted users)
  // waits for real time, so planning with a clock ahead of it loses nothing.
  std::string wallClock;
};

// New-Tenant: creates the store file with its tenant (fails AlreadyExists if it has one).
void createTenant(const std::string& path, const NewTenantOptions& options);

class Session {
 public:
  explicit Session(SessionOptions options);
  Session(std::string storePath, std::string actingUpn, std::string nowIso, std::string catalogPath);
  ~Session();
  // Creates the tenant and keeps the store open (the only way for ":memory:", e.g. --demo).
  static std::unique_ptr<Session> create(const NewTenantOptions& tenant, SessionOptions options);

  // transactions (nest: the outermost is BEGIN IMMEDIATE, inner ones savepoints)
  void begin();
  void commit();
  void rollback();
  bool inTransaction() const;
  int transactionDepth() const;  // open transactions: Start-Transaction, --atomic, a change under way

  // A bulk run (a pipeline into a changing cmdlet): until endBatch, the calls that would each
  // commit on their own share one outer transaction instead, each still its own savepoint, so a
  // failing call undoes only itself and the others go on. What is done is committed every
  // SessionOptions::batchCommitMs, at endBatch, before begin(), and when the Session closes: one
  // commit per user would cost more than the change itself. Invisible to inTransaction() and
  // transactionDepth().
  // endBatch also tells what the run could not license for want of licenses (CountViolation), with
  // the quantity that covers all of it.
  void beginBatch();
  std::vector<RunShortfall> endBatch();

  std::string actor() const { return actorUpn_; }
  int64_t changesMade() const { return changesMade_; }  // audited changes since the session opened
  std::vector<std::string> actorRoles() const { return actorRoles_; }
  std::string now() const { return clock_.nowIso(); }

  // tenant
  TenantInfo tenant();
  std::string tenantName();  // the tenant row alone, for the prompt drawn after every statement
  int64_t userCount();       // active users (a kept count)
  TenantInfo setTenant(std::optional<std::string> defaultUsageLocation, std::optional<bool> allowAdHoc);

  // products: every product plush knows (the catalog and Import-Product), or those the tenant
  // subscribes to (a subscription, or a subscribedSku imported from Graph)
  enum class ProductScope { Catalog, Subscribed };
  std::vector<Product> products(const std::string& pattern = "*", ProductScope scope = ProductScope::Catalog);
  Product product(const std::string& identity);
  ImportReport importProductsCsv(const std::string& path);

  // subscriptions and licenses
  std::vector<Subscription> subscriptions(std::optional<std::string> product = {},
                                          std::optional<std::string> status = {});
  Subscription newSubscription(const NewSubscription& request);
  Subscription setSubscription(const std::string& id, const SubscriptionChanges& changes);
  std::vector<LicenseRow> licenses(std::optional<std::string> product = {});
  std::vector<UserLicenseRow> userLicenses(const std::string& user);
  std::vector<UserLicenseRow> setUserLicense(const std::string& user, const SetUserLicenseRequest& request,
                                            const std::string& action = "Set-UserLicense");  // action: the audit's
  std::vector<UserLicenseRow> switchUserLicense(const std::string& user, const std::string& from,
                                                const std::string& to);
  std::vector<GroupLicenseRow> groupLicenses(const std::string& group);
  std::vector<GroupLicenseRow> setGroupLicense(const std::string& group, const std::vector<std::string>& add,
                                               const std::vector<std::string>& remove,
                                               std::optional<std::vector<std::string>> disabledPlans = {});
  void licenseErrors(std::optional<std::string> group, std::optional<std::string> product,
                     const std::function<bool(const LicenseErrorRow&)>& each);
  std::vector<LicenseErrorRow> licenseErrors(std::optional<std::string> group = {},
                                             std::optional<std::string> product = {});
  ReprocessReport reprocess(std::optional<std::string> group = {}, std::optional<std::string> user = {});

  // users
  void forEachUser(const UserQuery& query, const std::function<bool(const User&)>& each);
  User user(const std::string& identity);
  User newUser(const NewUser& request);
  User setUser(const std::string& identity, const UserChanges& changes);
  void removeUser(const std::string& identity, bool permanent = false);
  User restoreUser(const std::string& identity);

  // groups
  std::vector<Group> groups(const std::string& pattern = "*");
  Group group(const std::string& identity);
  Group newGroup(const std::string& name, const std::string& description = "");
  void removeGroup(const std::string& identity);
  void forEachGroupMember(const std::string& group, const std::function<bool(const User&)>& each);
  void addGroupMember(const std::string& group, const std::string& user);
  bool isGroupMember(const std::string& group, const std::string& user);
  void removeGroupMember(const std::string& group, const std::string& user);

  // Microsoft Graph's shapes of the same objects (session_graph.cpp)
  User anyUser(const std::string& identity);  // active or soft-deleted
  UserGraphLicenses graphLicenses(const std::string& user);  // active or soft-deleted
  SubscribedSku subscribedSku(const std::string& product);
  std::vector<SubscribedSku> subscribedSkus();
  std::vector<AssignedLicense> groupAssignedLicenses(const std::string& group);
  // Groups by Graph's $filter on id, displayName and assignedLicenses (all groups when empty).
  std::vector<Group> groupsFiltered(const std::string& filter);

  // roles and audit
  std::vector<AdminRole> adminRoles();
  void addAdminRoleMember(const std::string& role, const std::string& user);
  void removeAdminRoleMember(const std::string& role, const std::string& user);
  // Identities bound, not claimed: once a login is bound to an admin, every session acts as an admin
  // bound to its own login (GlobalAdministrator only; at least one GlobalAdministrator stays bound).
  std::vector<AdminBinding> adminBindings();
  void addAdminBinding(const std::string& user, const std::string& login);
  void removeAdminBinding(const std::string& user, const std::string& login);
  void forEachAudit(const AuditQuery& query, const std::function<bool(const AuditEntry&)>& each);
  int64_t auditSequence();  // the newest entry's Sequence (0 when none): a mark for --what-if

  // Polled by long loops (a group license over many members, reprocess, imports); when it
  // returns true the call stops with TenantError "Interrupted" and its changes roll back.
  void setInterruptCheck(std::function<bool()> interrupted) { interrupted_ = std::move(interrupted); }

  // Export-GraphRequest (session_requests.cpp): the Graph requests that repeat the changes after a mark.
  int64_t graphRequestMark(const std::string& since, int64_t last);  // neither: since the last Graph import
  GraphRequestPlan graphRequests(int64_t afterSequence);
  std::string exportGraphRequests(const std::string& path, int64_t afterSequence);  // the summary

  // whole tenant
  // Copy-Tenant: every row of this store (ids, keys, the audit log) into the empty store at `target`
  // (a file or a database; either kind); refuses (AlreadyExists) a target that holds a tenant.
  CopyReport copyTenantTo(const std::string& target);
  void exportTenant(const std::string& path);
  // plush format: one file; into a fresh store it restores the tenant (ids, roles, audit log), into one
  // that holds a tenant only with merge. graph format: several files at once, updating in place.
  ImportReport importTenant(const std::vector<std::string>& paths, const std::string& format, bool merge);
  ImportReport importTenant(const std::string& path, const std::string& format = "plush");

  // pooled capacity: what the tenant's licenses grant (catalog data), and the bots that use it
  std::vector<TenantCapacityRow> capacity(std::optional<std::string> kind = {}, std::optional<std::string> month = {});
  std::vector<Bot> bots(const std::string& pattern = "*", std::optional<std::string> owner = {});
  Bot newBot(const NewBot& request);
  void removeBot(const std::string& bot);
  std::vector<BotUsageRow> botUsage(std::optional<std::string> bot = {}, std::optional<std::string> month = {});
  std::vector<BotUsageDay> botUsageDays(std::optional<std::string> bot = {}, std::optional<std::string> month = {});
  BotUsageDay addBotUsage(const std::string& bot, const std::string& date, int64_t billedSessions);
  BotUsageImport importBotUsage(const std::string& path);

 private:
  class Change;  // RAII: one savepoint per state-changing call
  friend class Change;

  void commitBatchIfDue();
  void commitBatch();
  void abandonBatch();
  void openActor(const std::string& actingUpn);
  UserRecord boundActor(const std::vector<std::pair<std::string, int64_t>>& bindings, const std::string& actingUpn);
  bool boundGlobalAdministratorRemains();
  void keepBoundGlobalAdministrator(const std::string& upn);  // fails NoBoundGlobalAdministrator
  void require(Action action);  // also drops the engine's caches if another process changed the store
  bool actorIs(const char* role) const;
  // before: what the change found of its target's Graph facts (tenant/graph_facts.h), for Export-GraphRequest.
  void audit(const std::string& action, const std::string& target, const std::string& detail,
             const std::string& before = "");
  enum class Deleted { No, Only, Either };  // which users an identity may name
  UserRecord resolveUser(const std::string& identity, Deleted deleted = Deleted::No);
  SubscribedSku subscribedSkuOf(int64_t productPk);
  int64_t resolveProduct(const std::string& identity);
  GroupRecord resolveGroup(const std::string& identity);
  Subscription publicSubscription(const SubscriptionRecord& r);
  LicenseRow licenseRow(int64_t productPk);
  std::vector<UserLicenseRow> licenseRows(const UserRecord& user);
  std::vector<GroupLicenseRow> groupLicenseRows(const GroupRecord& group);
  void applyGroupLicenses(const GroupRecord& group);
  bool needsReprocess(const UserRecord& user, int64_t groupPk);
  std::vector<UserLicenseRow> changeUserLicenses(const std::string& user, const SetUserLicenseRequest& request,
                                                 const std::string& action);
  std::string productName(int64_t productPk);
  std::string groupName(int64_t groupPk);
  std::string upnOf(int64_t userPk);
  std::vector<std::string> planIdsIn(int64_t productPk, const std::vector<std::string>& tokens, bool forDisabling);
  void applyDemo(const std::string& demoPath);
  void saveCatalogCapacity(const Catalog& catalog);
  static const CapacityKind* botKind(const std::vector<CapacityKind>& kinds);
  std::vector<int64_t> makerProducts(const CapacityKind& kind);
  bool holdsAny(int64_t userPk, const std::vector<int64_t>& products);  // an Active assignment, user not deleted
  Bot publicBot(const BotRecord& r, const std::vector<int64_t>& makers);
  BotRecord resolveBot(const std::string& identity);
  void fillConsumption(TenantCapacityRow& row, const CapacityPeriod& period);
  BotUsageImport recordBotUsage(const std::vector<BotUsageLine>& lines, const std::string& source);
  void initialiseTenant(const NewTenantOptions& options, const std::string& catalogPath);
  void purgeExpiredDeletions(const std::string& wallClock);
  size_t activeGlobalAdministrators();
  bool freshTenant();
  bool importedFromGraph();
  std::string productNamed(const std::string& typed);

  std::string location_;  // where the store is, as given (a file, or a PostgreSQL location)
  int busyTimeoutMs_;
  std::unique_ptr<TenantStore> store_;
  Clock clock_;
  std::unique_ptr<LicenseEngine> engine_;
  int64_t actorPk_ = 0;
  std::string actorUpn_;
  std::string boundLogin_;  // the login the actor is bound to; empty while identities are claimed
  std::vector<std::string> actorRoles_;
  std::function<bool()> interrupted_;
  int64_t changesMade_ = 0;
  void pollInterrupt(int64_t step);
  int batchDepth_ = 0;
  std::chrono::milliseconds batchCommitEvery_;
  bool batchOpen_ = false;  // the store's outermost transaction is the batch's
  std::chrono::steady_clock::time_point batchOpened_;
  // A batch's audit rows wait here and are written just before it commits, in the same
  // transaction: then each call's savepoint covers only its license rows, few enough pages for
  // SQLite to keep the savepoint's journal in memory (past 64 KiB it goes to a temporary file).
  std::vector<AuditEntry> pendingAudit_;
  void writePendingAudit();
};

}  // namespace plush::tenant
