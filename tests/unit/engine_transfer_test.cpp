// Engine tests: Export-Tenant / Import-Tenant round trip, and Microsoft Graph shaped input.
#include <catch2/catch.hpp>

#include <fstream>

#include "engine_fixture.h"

using namespace plush::tenant;
using namespace plush::test;

TEST_CASE("a tenant exported and imported into a fresh store comes back whole", "[engine][transfer]") {
  Tenant t;
  auto s = t.open();
  buy(*s, "POWER_BI_PRO", 2);
  buy(*s, "ENTERPRISEPACK", 5);
  addUser(*s, "a@contoso.com");
  addUser(*s, "b@contoso.com");
  addUser(*s, "gone@contoso.com");
  s->newGroup("E3 Users", "through the group");
  s->addGroupMember("E3 Users", "b@contoso.com");
  s->setGroupLicense("E3 Users", {"ENTERPRISEPACK"}, {}, std::vector<std::string>{"MCOSTANDARD"});
  SetUserLicenseRequest r = adding({"POWER_BI_PRO"});
  s->setUserLicense("a@contoso.com", r);
  s->setUserLicense("gone@contoso.com", r);
  s->removeUser("gone@contoso.com");
  s->addAdminRoleMember("GlobalReader", "a@contoso.com");
  std::string file = t.dir.file("export.json");
  s->exportTenant(file);

  TempDir other;
  SessionOptions o;
  o.storePath = other.store("copy");
  o.now = kNow;
  Session copy(o);
  ImportReport report = copy.importTenant(file);
  CHECK(report.added > 0);
  CHECK(copy.tenant().Name == "Contoso");
  CHECK(copy.tenant().Id == s->tenant().Id);
  CHECK(copy.licenses("POWER_BI_PRO").at(0).Assigned == 1);
  CHECK(copy.licenses("ENTERPRISEPACK").at(0).Assigned == 1);
  UserLicenseRow row = copy.userLicenses("b@contoso.com").at(0);
  CHECK(row.AssignedBy == std::vector<std::string>{"E3 Users"});
  CHECK(row.DisabledPlans == std::vector<std::string>{"MCOSTANDARD"});
  UserQuery deleted;
  deleted.deleted = true;
  CHECK(upns(copy, deleted) == std::vector<std::string>{"gone@contoso.com"});
  copy.restoreUser("gone@contoso.com");
  CHECK(copy.licenses("POWER_BI_PRO").at(0).Assigned == 2);
  CHECK(copy.adminRoles().at(4).Members == std::vector<std::string>{"a@contoso.com"});
  CHECK(copy.user("a@contoso.com").Id == s->user("a@contoso.com").Id);  // object ids are kept (interop D21)
  CHECK(copy.user(s->adminRoles().at(0).Members.at(0)).Id == s->user(s->adminRoles().at(0).Members.at(0)).Id);
  CHECK(copy.group("E3 Users").Id == s->group("E3 Users").Id);
  std::vector<std::string> log, copied;
  s->forEachAudit({}, [&](const AuditEntry& e) { return log.push_back(e.Action + " " + e.Target), true; });
  copy.forEachAudit({}, [&](const AuditEntry& e) { return copied.push_back(e.Action + " " + e.Target), true; });
  REQUIRE(copied.size() == log.size() + 2);  // the backup's log, then the restore and the restore of gone@
  CHECK(std::equal(log.begin(), log.end(), copied.begin()));
  // A store that holds a tenant is not restored into: that would mix two tenants (interop D21).
  CHECK(errorId([&] { copy.importTenant(file); }) == "TenantNotEmpty");
  ImportReport again = copy.importTenant(std::vector<std::string>{file}, "plush", true);  // -Merge: nothing new
  CHECK(again.added == 0);
  CHECK(again.updated == 1);  // gone@, restored in the copy, is deleted in the backup it merges
  CHECK(copy.tenant().UserCount == s->tenant().UserCount);
}

TEST_CASE("Import-Tenant -Format graph loads subscribedSkus and users as Graph returns them", "[engine][transfer]") {
  Tenant t;
  auto s = t.open();
  std::string file = t.dir.file("graph.json");
  std::ofstream(file) << R"json({
    "subscribedSkus": { "value": [
      { "skuId": "f8a1db68-be16-40ed-86d5-cb42ce701560", "skuPartNumber": "POWER_BI_PRO", "appliesTo": "User",
        "capabilityStatus": "Enabled", "consumedUnits": 2,
        "prepaidUnits": { "enabled": 1, "suspended": 0, "warning": 1, "lockedOut": 0 },
        "servicePlans": [ { "servicePlanId": "70d33638-9c74-4d01-bfd3-562de28bd4ba", "servicePlanName": "BI_AZURE_P2" },
                          { "servicePlanId": "113feb6c-3fe4-4440-bddc-54d774bf0318", "servicePlanName": "EXCHANGE_S_FOUNDATION" } ] } ] },
    "groups": [ { "id": "0c5a7a4e-7c4e-4a3c-9d33-7f0b5d0a1111", "displayName": "BI Users", "securityEnabled": true,
                  "assignedLicenses": [ { "skuId": "f8a1db68-be16-40ed-86d5-cb42ce701560", "disabledPlans": [] } ] } ],
    "users": { "value": [
      { "id": "1b0b6a1e-0000-4000-8000-000000000001", "userPrincipalName": "ann@contoso.com", "displayName": "Ann",
        "usageLocation": "us", "userType": "Member", "accountEnabled": true,
        "signInActivity": { "lastSignInDateTime": "2026-10-01T10:00:00Z" },
        "assignedLicenses": [ { "skuId": "f8a1db68-be16-40ed-86d5-cb42ce701560", "disabledPlans": [] } ],
        "licenseAssignmentStates": [
          { "skuId": "f8a1db68-be16-40ed-86d5-cb42ce701560", "assignedByGroup": null, "state": "Active", "error": "None", "disabledPlans": [] } ] },
      { "id": "1b0b6a1e-0000-4000-8000-000000000002", "userPrincipalName": "ben@contoso.com", "displayName": "Ben",
        "usageLocation": null, "accountEnabled": false,
        "licenseAssignmentStates": [
          { "skuId": "f8a1db68-be16-40ed-86d5-cb42ce701560", "assignedByGroup": "0c5a7a4e-7c4e-4a3c-9d33-7f0b5d0a1111",
            "state": "Active", "error": "None", "disabledPlans": [] } ] },
      { "id": "1b0b6a1e-0000-4000-8000-000000000003", "userPrincipalName": "cy@contoso.com", "displayName": "Cy",
        "usageLocation": "DE",
        "licenseAssignmentStates": [
          { "skuId": "f8a1db68-be16-40ed-86d5-cb42ce701560", "assignedByGroup": "0c5a7a4e-7c4e-4a3c-9d33-7f0b5d0a1111",
            "state": "Error", "error": "CountViolation", "disabledPlans": [] } ] } ] } })json";
  s->importTenant(file, "graph");
  LicenseRow row = s->licenses("POWER_BI_PRO").at(0);
  CHECK(row.Total == 2);
  CHECK(row.Warning == 1);
  CHECK(row.Assigned == 2);
  CHECK(s->user("ann@contoso.com").LastSignIn == "2026-10-01T10:00:00Z");
  CHECK(s->user("ann@contoso.com").UsageLocation == "US");
  CHECK(s->user("1b0b6a1e-0000-4000-8000-000000000002").AccountEnabled == false);
  auto errors = s->licenseErrors("BI Users");
  REQUIRE(errors.size() == 1);
  CHECK(errors[0].User == "cy@contoso.com");
  CHECK(errors[0].Error == "CountViolation");
  CHECK(s->group("BI Users").MemberCount == 2);
  s->importTenant(file, "graph");
  CHECK(s->licenses("POWER_BI_PRO").at(0).Total == 2);  // stable ids: updated, not doubled
}

TEST_CASE("Import-Tenant -Format graph into a tenant made otherwise is refused unless -Merge", "[engine][transfer]") {
  Tenant t;
  auto s = t.open();
  addUser(*s, "local@contoso.com");
  std::string file = t.dir.file("users.json");
  std::ofstream(file) << R"json({"value": [
    { "id": "1b0b6a1e-0000-4000-8000-000000000001", "userPrincipalName": "ann@contoso.com", "displayName": "Ann" } ]})json";
  CHECK(errorId([&] { s->importTenant(file, "graph"); }) == "TenantNotEmpty");
  CHECK(errorId([&] { s->user("ann@contoso.com"); }) == "UserNotFound");
  CHECK(s->importTenant(std::vector<std::string>{file}, "graph", true).added == 1);  // -Merge: said so
  CHECK(s->importTenant(file, "graph").unchanged == 1);  // a store Graph loaded before: a refresh
}

TEST_CASE("Import-Tenant: bad JSON names the file and the field; nothing is half-written", "[engine][transfer]") {
  Tenant t;
  auto s = t.open();
  std::string file = t.dir.file("bad.json");
  std::ofstream(file) << "{ \"users\": [ { \"userPrincipalName\": \"x@contoso.com\" ";
  CHECK(errorId([&] { s->importTenant(file, "graph"); }) == "InvalidJson");
  std::ofstream(file) << R"([ { "userPrincipalName": "x@contoso.com",
      "assignedLicenses": [ { "skuId": "00000000-0000-4000-8000-000000000000" } ] } ])";
  try {
    s->importTenant(file, "graph");
    FAIL("expected InvalidJson");
  } catch (const TenantError& e) {
    CHECK(e.record.id == "InvalidJson");
    CHECK(e.record.target == file + ": [0].assignedLicenses[0].skuId");  // a plain array: no "value"
  }
  CHECK(errorId([&] { s->user("x@contoso.com"); }) == "UserNotFound");
  CHECK(errorId([&] { s->importTenant(file, "plush"); }) == "InvalidJson");
  CHECK(errorId([&] { s->importTenant(file, "xml"); }) == "InvalidArgument");
}
