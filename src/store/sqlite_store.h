// The SQLite implementation of the engine's TenantStore interface.
#pragma once

#include <memory>
#include <unordered_map>
#include <vector>

#include "store/sqlite_db.h"
#include "tenant/tenant_store.h"

namespace plush::store {

class SqliteStore : public tenant::TenantStore {
 public:
  SqliteStore(const std::string& path, int busyTimeoutMs);

  void begin() override;
  void commit() override;
  void rollback() override;
  int depth() const override { return db_.depth(); }
  void beginRead() override { db_.beginRead(); }
  void endRead() override { db_.endRead(); }
  int64_t dataVersion() override;

  bool hasTenant() override;
  tenant::TenantRecord tenant() override;
  void saveTenant(const tenant::TenantRecord& t) override;
  int64_t countUsers() override;
  int64_t countGroups() override;
  int64_t countProducts() override;

  std::vector<int64_t> findProducts(tenant::ProductKey key, const std::string& value) override;
  std::vector<int64_t> productPks() override;
  tenant::ProductRecord loadProduct(int64_t pk) override;
  tenant::ProductName productName(int64_t pk) override;
  int64_t upsertProduct(const tenant::Product& p) override;
  int64_t assignedCount(int64_t productPk) override;
  std::vector<int64_t> assignedProductPks() override;
  void adjustAssigned(int64_t productPk, int64_t delta) override;
  tenant::RuleBook ruleBook() override;
  void saveRuleBook(const tenant::RuleBook& rules) override;
  std::vector<int64_t> subscribedProductPks() override;
  std::optional<tenant::SkuFacts> skuFacts(int64_t productPk) override;
  void saveSkuFacts(int64_t productPk, const tenant::SkuFacts& facts) override;
  int64_t countHolders(int64_t productPk) override;

  std::vector<tenant::SubscriptionRecord> subscriptions(std::optional<int64_t> productPk) override;
  std::optional<tenant::SubscriptionRecord> findSubscription(const std::string& id) override;
  int64_t insertSubscription(const tenant::SubscriptionRecord& s) override;
  void updateSubscription(const tenant::SubscriptionRecord& s) override;

  std::optional<tenant::UserRecord> findUser(tenant::UserKey key, const std::string& value) override;
  std::optional<tenant::UserRecord> userByPk(int64_t pk) override;
  std::optional<tenant::UserRecord> findUserRow(tenant::UserKey key, const std::string& value) override;
  std::optional<tenant::UserRecord> userRowByPk(int64_t pk) override;
  int64_t insertUser(const tenant::User& u) override;
  void updateUser(const tenant::UserRecord& u) override;
  void deleteUser(int64_t pk) override;
  std::vector<tenant::UserRecord> usersDeletedBy(const std::string& cutoff) override;
  void forEachUser(const tenant::UserSelection& sel,
                   const std::function<bool(const tenant::UserRecord&)>& each) override;

  std::vector<tenant::AssignmentRecord> assignments(int64_t userPk) override;
  void putAssignment(const tenant::AssignmentRecord& a) override;
  void insertAssignment(const tenant::AssignmentRecord& a) override;
  void deleteAssignment(int64_t userPk, int64_t productPk, int64_t groupPk) override;
  void forEachErrorAssignment(std::optional<int64_t> groupPk, std::optional<int64_t> productPk,
                              const std::function<bool(const tenant::AssignmentRecord&)>& each) override;
  int64_t countGroupAssignments(int64_t groupPk, int64_t productPk, const std::string& state) override;

  std::vector<tenant::GroupRecord> findGroups(tenant::GroupKey key, const std::string& value) override;
  std::vector<tenant::GroupRecord> groups() override;
  std::optional<tenant::GroupRecord> groupByPk(int64_t pk) override;
  int64_t insertGroup(const tenant::Group& g) override;
  void updateGroup(int64_t pk, const tenant::Group& g) override;
  void deleteGroup(int64_t pk) override;
  bool isMember(int64_t groupPk, int64_t userPk) override;
  void addMember(int64_t groupPk, int64_t userPk) override;
  void removeMember(int64_t groupPk, int64_t userPk) override;
  std::vector<int64_t> groupsOf(int64_t userPk) override;
  void forEachMember(int64_t groupPk, const std::function<bool(int64_t)>& each) override;
  void forEachMemberRow(int64_t groupPk,
                        const std::function<bool(const tenant::UserRecord&, std::vector<tenant::AssignmentRecord>)>& each) override;
  std::vector<tenant::GroupLicenseRecord> groupLicenses(int64_t groupPk) override;
  void putGroupLicense(const tenant::GroupLicenseRecord& l) override;
  void deleteGroupLicense(int64_t groupPk, int64_t productPk) override;

  std::vector<tenant::CapacityKind> capacityKinds() override;
  std::vector<tenant::CapacityGrantRecord> capacityGrants() override;
  void saveCapacity(const std::vector<tenant::CapacityKind>& kinds,
                    const std::vector<tenant::CapacityGrantRecord>& grants) override;
  std::vector<tenant::BotRecord> bots(bool withRemoved) override;
  std::optional<tenant::BotRecord> findBot(tenant::BotKey key, const std::string& value) override;
  int64_t insertBot(const tenant::BotRecord& b) override;
  void markBotRemoved(int64_t botPk, const std::string& day) override;
  std::optional<int64_t> botUsageOn(int64_t botPk, const std::string& day) override;
  void putBotUsage(const tenant::BotUsageRecord& u) override;
  std::vector<tenant::BotUsageRecord> botUsage(std::optional<int64_t> botPk, const std::string& from,
                                               const std::string& to) override;
  std::vector<tenant::BotUsageTotal> botUsageTotals(const std::string& from, const std::string& to) override;

  std::vector<std::string> rolesOf(int64_t userPk) override;
  std::vector<int64_t> roleMembers(const std::string& role) override;
  void addRole(const std::string& role, int64_t userPk) override;
  void removeRole(const std::string& role, int64_t userPk) override;

  std::string login() override;
  std::vector<std::pair<std::string, int64_t>> bindings() override;
  void addBinding(const std::string& login, int64_t userPk) override;
  void removeBinding(const std::string& login, int64_t userPk) override;
  void appendAudit(const tenant::AuditEntry& e) override;
  void appendAudits(const std::vector<tenant::AuditEntry>& entries) override;
  void clearAudit() override;
  int64_t lastAuditSequence() override;
  void forEachAudit(const tenant::AuditQuery& q,
                    const std::function<bool(const tenant::AuditEntry&)>& each) override;

  std::vector<tenant::TableShape> tableShapes() override;
  void forEachRow(const tenant::TableShape& table, const std::function<void(const tenant::RowValues&)>& each) override;
  void insertRows(const tenant::TableShape& table, const std::vector<tenant::RowValues>& rows) override;
  void afterCopy() override;

 private:
  int64_t count(const std::string& sql);
  void adjustMemberCount(int64_t groupPk, int64_t delta);
  void adjustUserCount(int64_t delta);
  void adjustMemberCountsOf(int64_t userPk, int64_t delta);  // every group the user is in
  bool isActiveUser(int64_t pk);                              // exists and is not soft-deleted
  void replacePlans(int64_t productPk, const std::vector<tenant::ServicePlan>& plans);
  std::optional<tenant::UserRecord> oneUser(Statement& s);
  std::optional<tenant::UserRecord> userByKey(const char* columns, tenant::UserKey key, const std::string& value);
  std::optional<tenant::UserRecord> userByRowId(const char* columns, int64_t pk);
  void addLicenses(std::vector<tenant::UserRecord>& page, const std::unordered_map<int64_t, std::string>& skus);
  std::vector<tenant::GroupRecord> groupRows(Statement& s);
  std::optional<tenant::UserRecord> listedUser(const std::string& upn);
  Database db_;
  int64_t productsChanged_ = 0;  // counts this connection's product writes
  int64_t userWrites_ = 0;       // counts this connection's writes to user rows, and its rollbacks (which undo some)
  std::vector<int64_t> userWritesAt_;  // userWrites_ when each open transaction level began
  // The last page forEachUser handed out (in UPN order), with what it was read at.
  struct ListedPage {
    std::shared_ptr<const std::vector<tenant::UserRecord>> rows;
    int64_t version = -1, userWrites = -1;
  } listed_;
};

}  // namespace plush::store
