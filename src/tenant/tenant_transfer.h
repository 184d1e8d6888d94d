// Loading a whole tenant from JSON: plush's own export, or Microsoft Graph shaped pages (SPEC §8).
#pragma once

#include <functional>
#include <nlohmann/json.hpp>
#include <string>

#include "tenant/license_engine.h"
#include "tenant/tenant_store.h"

namespace plush::tenant {

// The file through plush's strict JSON reader (format/json_reader.h). Throws InvalidJson with the
// target FILE:LINE:COLUMN for a refused text; Interrupted when `interrupted` says so midway.
nlohmann::json readJsonFile(const std::string& path, const std::function<bool()>& interrupted = {});

// Writes what a document holds into the store as it is (counts kept, rules NOT re-applied:
// an imported tenant is a fact to plan against, over-assigned or not).
class TenantImport {
 public:
  TenantImport(TenantStore& store, LicenseEngine& engine, std::string path)
      : store_(store), engine_(engine), path_(std::move(path)) {}
  ImportReport plush(const nlohmann::json& doc);
  ImportReport graph(const nlohmann::json& doc);
  std::function<void(int64_t)> poll;  // called once per item; may throw to stop the import

 private:
  [[noreturn]] void bad(const std::string& where, const std::string& why) const;
  int64_t productBySkuId(const nlohmann::json& value, const std::string& where);
  int64_t putProduct(const Product& p);
  int64_t groupFor(const std::string& id, const std::string& name, const std::string& description);
  UserRecord putUser(const User& u);
  void putAssignments(const UserRecord& u, std::vector<AssignmentRecord> rows);
  void putSubscription(SubscriptionRecord r);
  void graphSku(const nlohmann::json& sku, const std::string& where);
  void graphUser(const nlohmann::json& user, const std::string& where);
  void graphGroup(const nlohmann::json& group, const std::string& where);
  void plushUser(const nlohmann::json& user, const std::string& where);

  TenantStore& store_;
  LicenseEngine& engine_;
  std::string path_;
  ImportReport report_;
};

}  // namespace plush::tenant
