// Test fixture for the engine: a temporary directory, a tiny catalog and an open tenant per test.
#pragma once

#include <libpq-fe.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <memory>
#include <random>
#include <stdexcept>
#include <string>
#include <vector>

#include "tenant/session.h"

namespace plush::test {

inline constexpr const char* kNow = "2026-11-22T08:00:00Z";

// The same tests run on both stores: PLUSH_TEST_STORE=postgresql (ctest's unit_pg.*) puts each
// test's stores in fresh databases on the server of PLUSH_TEST_PG, which scripts/test starts.
inline bool onPostgres() {
  const char* which = std::getenv("PLUSH_TEST_STORE");
  return which && std::string(which) == "postgresql";
}

// Runs one statement on the test server's maintenance database (creating and dropping databases).
inline void serverSql(const std::string& sql) {
  const char* server = std::getenv("PLUSH_TEST_PG");
  if (!server || !*server)
    throw std::runtime_error("PLUSH_TEST_PG is not set: run scripts/test, which starts a throwaway PostgreSQL server");
  PGconn* c = PQconnectdb((std::string(server) + "/postgres").c_str());
  PGresult* r = PQexec(c, sql.c_str());
  std::string error = PQresultStatus(r) == PGRES_COMMAND_OK ? "" : PQerrorMessage(c);
  PQclear(r);
  PQfinish(c);
  if (!error.empty()) throw std::runtime_error(sql + ": " + error);
}

class TempDir {
 public:
  TempDir() {
    std::random_device rd;
    tag_ = std::to_string(rd()) + std::to_string(rd());
    path_ = std::filesystem::temp_directory_path() / ("plush-engine-" + tag_);
    std::filesystem::create_directories(path_);
  }
  ~TempDir() {
    std::error_code ec;
    std::filesystem::remove_all(path_, ec);
    for (const std::string& db : databases_) {
      try {
        serverSql("DROP DATABASE IF EXISTS \"" + db + "\" WITH (FORCE)");
      } catch (...) {
      }
    }
  }
  std::string file(const std::string& name) const { return (path_ / name).string(); }
  // A fresh store of this test: NAME.db here, or a new database on the PostgreSQL test server.
  std::string store(const std::string& name) {
    if (!onPostgres()) return file(name + ".db");
    std::string db = "u_" + tag_ + "_" + name;
    serverSql("CREATE DATABASE \"" + db + "\"");
    databases_.push_back(db);
    return std::string(std::getenv("PLUSH_TEST_PG")) + "/" + db;
  }

 private:
  std::string tag_;
  std::filesystem::path path_;
  std::vector<std::string> databases_;
};

// Products named after real ones, with made-up ids: enough to exercise every rule.
inline std::string writeTinyCatalog(const TempDir& dir) {
  std::string path = dir.file("catalog.json");
  std::ofstream(path) << R"json({ "version": 1, "products": [
 { "skuPartNumber": "POWER_BI_PRO", "skuId": "f8a1db68-be16-40ed-86d5-cb42ce701560", "displayName": "Power BI Pro",
   "appliesTo": "User", "servicePlans": [
     { "name": "BI_AZURE_P2", "id": "70d33638-9c74-4d01-bfd3-562de28bd4ba", "displayName": "Power BI Pro", "automatic": false },
     { "name": "EXCHANGE_S_FOUNDATION", "id": "113feb6c-3fe4-4440-bddc-54d774bf0318", "displayName": "Exchange Foundation", "automatic": true } ],
   "requires": [] },
 { "skuPartNumber": "ENTERPRISEPACK", "skuId": "6fd2c87f-b296-42f0-b197-1e91e994b900", "displayName": "Office 365 E3",
   "appliesTo": "User", "servicePlans": [
     { "name": "EXCHANGE_S_ENTERPRISE", "id": "efb87545-963c-4e0d-99df-69c6916d9eb0", "displayName": "Exchange Online (Plan 2)", "automatic": false },
     { "name": "SHAREPOINTENTERPRISE", "id": "5dbe027f-2339-4123-9542-606e4d348a72", "displayName": "SharePoint (Plan 2)", "automatic": false },
     { "name": "MCOSTANDARD", "id": "0feaeb32-d00e-4d66-bd5a-43b5b83db82c", "displayName": "Skype for Business Online (Plan 2)", "automatic": false },
     { "name": "SWAY", "id": "a23b959c-7ce8-4e57-9140-b90eb88a9e97", "displayName": "Sway", "automatic": true } ],
   "requires": [] },
 { "skuPartNumber": "ENTERPRISEPREMIUM", "skuId": "c7df2760-2c81-4ef7-b578-5b5392b571df", "displayName": "Office 365 E5",
   "appliesTo": "User", "servicePlans": [
     { "name": "EXCHANGE_S_ENTERPRISE", "id": "efb87545-963c-4e0d-99df-69c6916d9eb0", "displayName": "Exchange Online (Plan 2)", "automatic": false },
     { "name": "SHAREPOINTENTERPRISE", "id": "5dbe027f-2339-4123-9542-606e4d348a72", "displayName": "SharePoint (Plan 2)", "automatic": false },
     { "name": "MCOSTANDARD", "id": "0feaeb32-d00e-4d66-bd5a-43b5b83db82c", "displayName": "Skype for Business Online (Plan 2)", "automatic": false },
     { "name": "MCOMEETADV", "id": "3e26ee1f-8a5f-4d52-aee2-b81ce45c8f40", "displayName": "Audio Conferencing", "automatic": false },
     { "name": "SWAY", "id": "a23b959c-7ce8-4e57-9140-b90eb88a9e97", "displayName": "Sway", "automatic": true } ],
   "requires": [] },
 { "skuPartNumber": "EXCHANGESTANDARD", "skuId": "4b9405b0-7788-4568-add1-99614e613b69", "displayName": "Exchange Online (Plan 1)",
   "appliesTo": "User", "servicePlans": [
     { "name": "EXCHANGE_S_STANDARD", "id": "9aaf7827-d63c-4b61-89c3-182f06f82e5c", "displayName": "Exchange Online (Plan 1)", "automatic": false } ],
   "requires": [] },
 { "skuPartNumber": "EXCHANGEDESKLESS", "skuId": "80b2d799-d2ba-4d2a-8842-fb0d0f3a4b82", "displayName": "Exchange Online Kiosk",
   "appliesTo": "User", "servicePlans": [
     { "name": "EXCHANGE_S_DESKLESS", "id": "4a82b400-a79f-41a4-b4e2-e94f5787b113", "displayName": "Exchange Online Kiosk", "automatic": false } ],
   "requires": [] },
 { "skuPartNumber": "SHAREPOINTSTANDARD", "skuId": "1fc08a02-8b3d-43b9-831e-f76859e04e1a", "displayName": "SharePoint Online (Plan 1)",
   "appliesTo": "User", "servicePlans": [
     { "name": "SHAREPOINTSTANDARD", "id": "c7699d2e-19aa-44de-8edf-1736da088ca1", "displayName": "SharePoint (Plan 1)", "automatic": false } ],
   "requires": [] },
 { "skuPartNumber": "MCOMEETADV", "skuId": "0c266dff-15dd-4b49-8397-2bb16070ed52", "displayName": "Microsoft 365 Audio Conferencing",
   "appliesTo": "User", "servicePlans": [
     { "name": "MCOMEETADV", "id": "3e26ee1f-8a5f-4d52-aee2-b81ce45c8f40", "displayName": "Audio Conferencing", "automatic": false } ],
   "requires": [] },
 { "skuPartNumber": "VIRTUAL_AGENT_BASE", "skuId": "e4e55366-9635-46f4-a907-fc8c3b5ec81f", "displayName": "Power Virtual Agent",
   "appliesTo": "Company", "servicePlans": [
     { "name": "VIRTUAL_AGENT_BASE", "id": "f6934f16-83d3-4f3b-ad27-c6e9c187b260", "displayName": "Virtual Agent Base", "automatic": false } ],
   "requires": [] },
 { "skuPartNumber": "VIRTUAL_AGENT_USL", "skuId": "4b74a65c-8b4a-4fc8-9f6b-5177ed11ddfa", "displayName": "Power Virtual Agent User License",
   "appliesTo": "User", "servicePlans": [
     { "name": "VIRTUAL_AGENT_USL", "id": "1263586c-59a4-4ad0-85e1-d50bc7149501", "displayName": "Virtual Agent", "automatic": false } ],
   "requires": [ "VIRTUAL_AGENT_BASE" ] } ],
 "planRequires": { "MCOMEETADV": ["MCOSTANDARD"] },
 "exclusiveFamilies": [ ["SHAREPOINTSTANDARD", "SHAREPOINTENTERPRISE"], ["EXCHANGE_S_STANDARD", "EXCHANGE_S_DESKLESS"],
                        ["MCOSTANDARD", "MCOLITE", "MCOIMP"] ],
 "planUnavailableIn": { "MCOMEETADV": ["CU", "KP"] } })json";
  return path;
}

// A fresh tenant "Contoso" (admin@contoso.onmicrosoft.com, GlobalAdministrator) on disk.
struct Tenant {
  TempDir dir;
  std::string store = dir.store("tenant");
  std::string catalog = writeTinyCatalog(dir);

  Tenant() {
    tenant::NewTenantOptions o;
    o.name = "Contoso";
    o.defaultUsageLocation = "US";
    o.catalogPath = catalog;
    tenant::createTenant(store, o);
  }
  // The wall clock is the session clock unless given: tests live at their own time.
  std::unique_ptr<tenant::Session> open(const std::string& as = "", const std::string& now = kNow,
                                        const std::string& wallClock = "") {
    tenant::SessionOptions s;
    s.storePath = store;
    s.actingUpn = as;
    s.now = now;
    s.wallClock = wallClock.empty() ? now : wallClock;
    return std::make_unique<tenant::Session>(s);
  }
};

inline tenant::User addUser(tenant::Session& s, const std::string& upn, const std::string& location = "US",
                            const std::string& department = "Sales", const std::string& type = "Member") {
  tenant::NewUser u;
  u.userPrincipalName = upn;
  u.displayName = upn.substr(0, upn.find('@'));
  u.usageLocation = location;
  u.department = department;
  u.userType = type;
  return s.newUser(u);
}

inline tenant::Subscription buy(tenant::Session& s, const std::string& product, int64_t quantity,
                                const std::string& expires = "2027-11-01") {
  tenant::NewSubscription n;
  n.product = product;
  n.quantity = quantity;
  n.expiresOn = expires;
  return s.newSubscription(n);
}

inline tenant::SetUserLicenseRequest adding(std::vector<std::string> products) {
  tenant::SetUserLicenseRequest r;
  r.add = std::move(products);
  return r;
}

inline std::string errorId(const std::function<void()>& f) {
  try {
    f();
  } catch (const tenant::TenantError& e) {
    return e.record.id;
  }
  return "(no error)";
}

inline int64_t auditCount(tenant::Session& s) {
  int64_t n = 0;
  s.forEachAudit({}, [&](const tenant::AuditEntry&) { return ++n, true; });
  return n;
}

inline std::vector<std::string> upns(tenant::Session& s, const tenant::UserQuery& q) {
  std::vector<std::string> out;
  s.forEachUser(q, [&](const tenant::User& u) { return out.push_back(u.UserPrincipalName), true; });
  return out;
}

}  // namespace plush::test
