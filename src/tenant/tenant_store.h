// The store interface the engine works through (store/: SQLite, and store/postgres/), and its rows.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "tenant/capacity.h"
#include "tenant/entities.h"
#include "tenant/filter.h"
#include "tenant/rule_book.h"

namespace plush::tenant {

struct TenantRecord {
  std::string name, id, defaultUsageLocation;
  bool allowAdHoc = false;
};

struct ProductRecord {
  int64_t pk = 0;
  Product product;
};

struct ProductName {
  std::string skuPartNumber, displayName;
};

struct SubscriptionRecord {
  int64_t pk = 0, productPk = 0;
  Subscription sub;          // sub.Status holds the MANUAL status ("" = follows the clock)
};

struct UserRecord {
  int64_t pk = 0;
  User user;  // Licenses filled by the store
};

// One source of one product for one user: direct (groupPk 0) or inherited from a group.
struct AssignmentRecord {
  int64_t userPk = 0, productPk = 0, groupPk = 0;
  std::vector<std::string> disabledPlanIds;
  // Active (uses a license) | Error (uses none; error and message say why) | Disabled (uses none,
  // as Graph reports it). Active with an error is Graph's ActiveWithError.
  std::string state = "Active";
  std::string error, message;
  std::string lastUpdated;  // ISO time of the last change of this row; empty when unknown
};

// What Microsoft Graph said of a subscribed product (subscribedSku) that plush does not work out itself.
struct SkuFacts {
  std::string objectId, accountId, accountName;  // objectId: Graph's subscribedSku id
  std::vector<std::string> subscriptionIds;
  int64_t consumedUnits = 0;   // as Graph counted them at the last import
  int64_t unseenAssigned = 0;  // of those, held by users not in the store (kept in the assigned count)
};

struct GroupRecord {
  int64_t pk = 0;
  Group group;  // MemberCount and Licenses filled by the store
};

struct GroupLicenseRecord {
  int64_t groupPk = 0, productPk = 0;
  std::vector<std::string> disabledPlanIds;
};

// Pooled capacity: what each license of a product grants, bots, and their billed sessions per day.
struct CapacityGrantRecord {
  int64_t productPk = 0;
  std::string kind;
  int64_t perLicense = 0;
};

struct BotRecord {
  int64_t pk = 0;
  std::optional<int64_t> ownerPk;  // none once the owner was permanently removed
  Bot bot;                         // bot.Owner filled by the store (the owner's UPN); OwnerLicensed by the engine
};

struct BotUsageRecord {
  int64_t botPk = 0;
  std::string day;  // 2026-11-21
  int64_t sessions = 0;
};

struct BotUsageTotal {
  int64_t botPk = 0, sessions = 0, days = 0;
  std::string lastDay;
};

// A user query with the engine's lookups already resolved.
struct UserSelection {
  UserQuery query;
  std::optional<FilterNode> filter;
  std::optional<int64_t> productPk;
  std::string deletedAfter;  // soft-deleted users older than this are gone (30 days)
};

// One table of a store as Copy-Tenant sees it: its columns, and the tables its foreign keys name.
struct TableShape {
  std::string name;
  std::vector<std::string> columns, references;
};
using RowValues = std::vector<std::optional<std::string>>;  // a row's values as text; NULL is nullopt

enum class ProductKey { SkuPartNumber, SkuId, DisplayName };
enum class UserKey { Upn, Id };
enum class GroupKey { Name, Id };
enum class BotKey { Name, Id };

class TenantStore {
 public:
  virtual ~TenantStore() = default;

  // Nested transactions: the outermost takes the store's write lock (changes run one at a time, each
  // seeing every change committed before it), inner ones are savepoints.
  virtual void begin() = 0;
  virtual void commit() = 0;
  virtual void rollback() = 0;
  virtual int depth() const = 0;
  // Many reads outside a change, as one: one snapshot, and the store's read lock taken once (no-ops
  // where the store has no such cost). Use ReadScope.
  virtual void beginRead() {}
  virtual void endRead() {}
  // Moves when another connection commits a change, so caches of the store know to start afresh.
  virtual int64_t dataVersion() = 0;

  virtual bool hasTenant() = 0;
  virtual TenantRecord tenant() = 0;
  virtual void saveTenant(const TenantRecord& t) = 0;
  virtual int64_t countUsers() = 0;
  virtual int64_t countGroups() = 0;
  virtual int64_t countProducts() = 0;

  // products
  virtual std::vector<int64_t> findProducts(ProductKey key, const std::string& value) = 0;
  virtual std::vector<int64_t> productPks() = 0;  // ordered by SkuPartNumber
  virtual ProductRecord loadProduct(int64_t pk) = 0;
  // Its SKU part number and display name only, for a listing (loadProduct also reads every plan).
  virtual ProductName productName(int64_t pk) {
    Product p = loadProduct(pk).product;
    return {p.SkuPartNumber, p.DisplayName};
  }
  virtual int64_t upsertProduct(const Product& p) = 0;  // by SkuId; returns pk
  virtual int64_t assignedCount(int64_t productPk) = 0;
  virtual std::vector<int64_t> assignedProductPks() = 0;  // kept count not 0, in one read
  virtual void adjustAssigned(int64_t productPk, int64_t delta) = 0;
  virtual RuleBook ruleBook() = 0;
  virtual void saveRuleBook(const RuleBook& rules) = 0;  // replaces
  // Products the tenant subscribes to: with a subscription, or imported from Graph's subscribedSkus.
  virtual std::vector<int64_t> subscribedProductPks() = 0;  // ordered by SkuPartNumber
  virtual std::optional<SkuFacts> skuFacts(int64_t productPk) = 0;
  virtual void saveSkuFacts(int64_t productPk, const SkuFacts& facts) = 0;  // replaces
  // Active users holding the product (an Active assignment): what the kept assigned count counts.
  virtual int64_t countHolders(int64_t productPk) = 0;

  // subscriptions
  virtual std::vector<SubscriptionRecord> subscriptions(std::optional<int64_t> productPk) = 0;
  virtual std::optional<SubscriptionRecord> findSubscription(const std::string& id) = 0;
  virtual int64_t insertSubscription(const SubscriptionRecord& s) = 0;
  virtual void updateSubscription(const SubscriptionRecord& s) = 0;

  // users
  virtual std::optional<UserRecord> findUser(UserKey key, const std::string& value) = 0;
  virtual std::optional<UserRecord> userByPk(int64_t pk) = 0;
  // The same without User.Licenses (left empty): for changes, which read the assignments anyway.
  virtual std::optional<UserRecord> findUserRow(UserKey key, const std::string& value) = 0;
  virtual std::optional<UserRecord> userRowByPk(int64_t pk) = 0;
  virtual int64_t insertUser(const User& u) = 0;
  virtual void updateUser(const UserRecord& u) = 0;  // every field of u.user, its Id included (an import's)
  virtual void deleteUser(int64_t pk) = 0;  // with its assignments, memberships and roles
  virtual std::vector<UserRecord> usersDeletedBy(const std::string& cutoff) = 0;  // soft-deleted at or before it
  // Streams matching users in UserPrincipalName order; no statement is open during `each`.
  virtual void forEachUser(const UserSelection& sel, const std::function<bool(const UserRecord&)>& each) = 0;

  // assignments
  virtual std::vector<AssignmentRecord> assignments(int64_t userPk) = 0;
  virtual void putAssignment(const AssignmentRecord& a) = 0;  // insert or replace
  // A row the caller knows is not there yet: a store may write it more cheaply than putAssignment.
  virtual void insertAssignment(const AssignmentRecord& a) { putAssignment(a); }
  virtual void deleteAssignment(int64_t userPk, int64_t productPk, int64_t groupPk) = 0;
  virtual void forEachErrorAssignment(std::optional<int64_t> groupPk, std::optional<int64_t> productPk,
                                      const std::function<bool(const AssignmentRecord&)>& each) = 0;
  virtual int64_t countGroupAssignments(int64_t groupPk, int64_t productPk, const std::string& state) = 0;

  // groups
  virtual std::vector<GroupRecord> findGroups(GroupKey key, const std::string& value) = 0;
  virtual std::vector<GroupRecord> groups() = 0;
  virtual std::optional<GroupRecord> groupByPk(int64_t pk) = 0;
  virtual int64_t insertGroup(const Group& g) = 0;
  virtual void updateGroup(int64_t pk, const Group& g) = 0;  // Id, DisplayName, Description
  virtual void deleteGroup(int64_t pk) = 0;
  virtual bool isMember(int64_t groupPk, int64_t userPk) = 0;
  virtual void addMember(int64_t groupPk, int64_t userPk) = 0;
  virtual void removeMember(int64_t groupPk, int64_t userPk) = 0;
  virtual std::vector<int64_t> groupsOf(int64_t userPk) = 0;
  // Streams member user pks in order; no statement is open during `each`.
  virtual void forEachMember(int64_t groupPk, const std::function<bool(int64_t userPk)>& each) = 0;
  // Streams the members' rows (as userRowByPk) with their assignments, in pk order; no statement is
  // open during `each`. A store may read them a page at a time; this one asks per member.
  virtual void forEachMemberRow(int64_t groupPk,
                                const std::function<bool(const UserRecord&, std::vector<AssignmentRecord>)>& each) {
    forEachMember(groupPk, [&](int64_t userPk) {
      std::optional<UserRecord> u = userRowByPk(userPk);
      return !u || each(*u, assignments(userPk));
    });
  }
  virtual std::vector<GroupLicenseRecord> groupLicenses(int64_t groupPk) = 0;
  virtual void putGroupLicense(const GroupLicenseRecord& l) = 0;
  virtual void deleteGroupLicense(int64_t groupPk, int64_t productPk) = 0;

  // pooled capacity: the catalog's kinds and grants; bots (a removed bot keeps its usage) and usage
  virtual std::vector<CapacityKind> capacityKinds() = 0;  // ordered by Kind
  virtual std::vector<CapacityGrantRecord> capacityGrants() = 0;
  virtual void saveCapacity(const std::vector<CapacityKind>& kinds,
                            const std::vector<CapacityGrantRecord>& grants) = 0;  // replaces both
  virtual std::vector<BotRecord> bots(bool withRemoved) = 0;  // by name, bots in use first
  virtual std::optional<BotRecord> findBot(BotKey key, const std::string& value) = 0;  // by Name: bots in use only
  virtual int64_t insertBot(const BotRecord& b) = 0;
  virtual void markBotRemoved(int64_t botPk, const std::string& day) = 0;
  virtual std::optional<int64_t> botUsageOn(int64_t botPk, const std::string& day) = 0;
  virtual void putBotUsage(const BotUsageRecord& u) = 0;  // insert or replace the bot's day
  // Days from..to inclusive (ISO dates); by day, then bot name. Totals: one per bot with usage.
  virtual std::vector<BotUsageRecord> botUsage(std::optional<int64_t> botPk, const std::string& from,
                                               const std::string& to) = 0;
  virtual std::vector<BotUsageTotal> botUsageTotals(const std::string& from, const std::string& to) = 0;

  // roles
  virtual std::vector<std::string> rolesOf(int64_t userPk) = 0;
  virtual std::vector<int64_t> roleMembers(const std::string& role) = 0;  // in the order added
  virtual void addRole(const std::string& role, int64_t userPk) = 0;
  virtual void removeRole(const std::string& role, int64_t userPk) = 0;

  // identity bindings: which admins a login may act as (store/: the login of this connection)
  virtual std::string login() = 0;  // PostgreSQL: the database login; SQLite: the OS account
  virtual std::vector<std::pair<std::string, int64_t>> bindings() = 0;  // (login, user pk) by login, then added
  virtual void addBinding(const std::string& login, int64_t userPk) = 0;
  virtual void removeBinding(const std::string& login, int64_t userPk) = 0;

  // audit
  virtual void appendAudit(const AuditEntry& e) = 0;  // e.Time, e.Before, e.Login as given; Sequence is the store's
  // Several in order (a bulk run's batch): a store may write them in fewer statements.
  virtual void appendAudits(const std::vector<AuditEntry>& entries) {
    for (const AuditEntry& e : entries) appendAudit(e);
  }
  virtual void clearAudit() = 0;                      // a restore replaces the log with the backup's
  virtual int64_t lastAuditSequence() = 0;
  virtual void forEachAudit(const AuditQuery& q, const std::function<bool(const AuditEntry&)>& each) = 0;

  // whole store (Copy-Tenant): the tenant's tables, not the store's own bookkeeping; rows as text.
  // Both stores have the same tables and columns at one schema version.
  virtual std::vector<TableShape> tableShapes() = 0;
  virtual void forEachRow(const TableShape& table, const std::function<void(const RowValues&)>& each) = 0;
  virtual void insertRows(const TableShape& table, const std::vector<RowValues>& rows) = 0;
  virtual void afterCopy() = 0;  // keys given to new rows go on past the copied ones
};

// The reads of one cmdlet call as one read of the store (TenantStore::beginRead).
class ReadScope {
 public:
  explicit ReadScope(TenantStore& store) : store_(store) { store_.beginRead(); }
  ~ReadScope() { store_.endRead(); }
  ReadScope(const ReadScope&) = delete;
  ReadScope& operator=(const ReadScope&) = delete;

 private:
  TenantStore& store_;
};

// Ctrl-C, SIGTERM and --timeout reach the store through this check, polled during long statements
// and while waiting for another process's lock. Process-wide, as signals are; set by the front end.
void setStoreInterruptCheck(std::function<bool()> interrupted);
bool storeInterrupted();

// Where a store is: a PostgreSQL database (a libpq URI postgresql://... or a connection string
// such as service=NAME) or else a SQLite file (":memory:" for a throwaway one).
// Declared here, defined in store/, so the engine needs no store header.
bool isServerLocation(const std::string& location);
// Opens (creating if missing: the file, or the schema in an existing database) the store there.
std::unique_ptr<TenantStore> openTenantStore(const std::string& location, int busyTimeoutMs);
// Whether a tenant is there already (a file exists; the database holds a tenant).
bool tenantStoreExists(const std::string& location, int busyTimeoutMs);

}  // namespace plush::tenant
