// Loading a whole tenant from JSON: the writes plush's own export and Microsoft Graph pages share.
#pragma once

#include <functional>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>

#include "tenant/license_engine.h"
#include "tenant/tenant_store.h"

namespace plush::tenant {

// The file through plush's strict JSON reader (format/json_reader.h). Throws InvalidJson with the
// target FILE:LINE:COLUMN for a refused text; Interrupted when `interrupted` says so midway.
nlohmann::json readJsonFile(const std::string& path, const std::function<bool()>& interrupted = {});

// Writes what a document holds into the store as it is (counts kept, rules NOT re-applied:
// an imported tenant is a fact to plan against, over-assigned or not). Every write says whether it
// changed anything, so a second identical import reports each object unchanged.
class ImportWriter {
 public:
  ImportWriter(TenantStore& store, LicenseEngine& engine) : store_(store), engine_(engine) {}
  std::function<void(int64_t)> poll;  // called once per item; may throw to stop the import

 protected:
  void setFile(std::string path) { path_ = std::move(path); }
  [[noreturn]] void bad(const std::string& where, const std::string& why) const;
  void warn(const std::string& text) { report_.warnings.push_back(text); }
  // One object of the document: added, updated or unchanged.
  void count(bool added, bool changed);
  int64_t productBySkuId(const nlohmann::json& value, const std::string& where);
  bool putProduct(const Product& p, int64_t& pk);  // by SkuId
  bool putSubscription(SubscriptionRecord r);        // by Id
  // By id (else by name when byName); created when missing (a group known only by id is named by it).
  int64_t groupFor(const std::string& id, const std::string& name, const std::string& description, bool byName,
                   bool& created);
  // A name or description given changes the group's (an empty name keeps it).
  bool renameGroup(int64_t pk, const std::string& name, const std::optional<std::string>& description);
  bool putGroupLicenses(int64_t groupPk, const std::vector<GroupLicenseRecord>& licenses);  // replaces
  // By object id, else by UPN; the counts follow a change of deletion state (rule 8). A user found by
  // UPN takes the document's id when adoptIds_ (Graph's ids are the real ones) and no other user has it.
  UserRecord putUser(const User& u, bool& added, bool& changed);
  bool putAssignments(const UserRecord& u, std::vector<AssignmentRecord> rows);  // replaces the user's
  // The kept assigned count: the users here who hold the product, plus `elsewhere` (Graph's
  // consumedUnits held by users not in the store).
  void recountAssigned(int64_t productPk, int64_t elsewhere);

  TenantStore& store_;
  LicenseEngine& engine_;
  std::string path_;
  ImportReport report_;
  bool adoptIds_ = true;
};

// Throws InvalidJson unless the document is plush's own export.
void checkPlushExport(const nlohmann::json& doc, const std::string& path);

// plush's own export (Export-Tenant): into a fresh store it restores the tenant whole — object ids,
// roles and the audit log; into a store already holding a tenant only with merge (objects added or
// updated by identity; the target's settings and log stay).
class PlushImport : public ImportWriter {
 public:
  PlushImport(TenantStore& store, LicenseEngine& engine, std::string path, bool restore)
      : ImportWriter(store, engine), restore_(restore) {
    setFile(std::move(path));
    adoptIds_ = false;  // a merge keeps the target's ids; a restore into a fresh store has none to keep
  }
  ImportReport run(const nlohmann::json& doc);

 private:
  void tenantSettings(const nlohmann::json& t);
  void products(const nlohmann::json& list);
  void rules(const nlohmann::json& r);
  void subscriptions(const nlohmann::json& list);
  void groups(const nlohmann::json& list);
  void user(const nlohmann::json& user, const std::string& where);
  void bots(const nlohmann::json& list);  // after the users: a bot's owner is one
  void audit(const nlohmann::json& list);
  bool restore_;
};

}  // namespace plush::tenant
