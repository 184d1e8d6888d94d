// Export-GraphRequest: the Microsoft Graph requests that make the real tenant match the changes made
// since a mark, as JSON $batch bodies (plush sends nothing itself).
//
// For each user and group the changes touched, what each fact was before the first of them (the audit
// rows' "before" facts) is set against what it is now; only what differs becomes a request:
//   PATCH /users/{id}                               usageLocation, displayName, department, accountEnabled, userType
//   POST  /users/{id}/assignLicense                 one per user: every add (with disabledPlans) and remove
//   POST  /directory/deletedItems/{id}/restore      a restored user;  DELETE /users/{id} a removed one
//   POST  /groups/{id}/members/$ref                 a membership added; DELETE /groups/{id}/members/{uid}/$ref
//   PATCH /groups/{id}, POST /groups/{id}/assignLicense, DELETE /groups/{id}
// Licenses a group gives its members are not requested: Graph gives them itself. Users and groups
// created in plush have no object in the real tenant yet: they are listed, not requested.
//
// Batches hold at most 20 requests (Graph's limit) and are either parallel (no dependsOn) or
// sequential (each request dependsOn the one before it), as Graph accepts no mix: a user whose
// assignLicense needs the usageLocation its PATCH sets (or its restore first) goes in a sequential one.
#pragma once

#include <map>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace plush::tenant {

class LicenseEngine;
class TenantStore;

struct GraphRequestPlan {
  std::vector<nlohmann::json> batches;     // {"requests": [...]}, in the order they are to be sent
  int64_t requests = 0;
  std::map<std::string, int64_t> byKind;   // "assignLicense", "PATCH /users", "members/$ref", ...
  std::vector<std::string> notSent;        // changes Graph has no request for here, and why
};

inline constexpr size_t kGraphBatchLimit = 20;

GraphRequestPlan planGraphRequests(TenantStore& store, LicenseEngine& engine, int64_t afterSequence);

// "37 Graph requests in 2 batches: ...; at Graph's write limit of 3,000 requests per 150 s per app and
// tenant they take ..." (Graph's published throttling limits for identity and access objects).
std::string graphRequestSummary(const GraphRequestPlan& plan);

}  // namespace plush::tenant
