// What a change found before it, of the facts Microsoft Graph holds too: an audit row's "before" JSON.
//
// A user's facts: whether it exists (New-User: false) and is soft-deleted, its fields Graph can PATCH
// (usageLocation, displayName, department, accountEnabled, userType), its direct licenses by SkuId with
// their disabled plan ids, and its membership of each group a change touched. A group's: whether it
// exists, its displayName and description, its licenses. A change records only the facts it may change,
// so recording costs nothing the change did not read anyway.
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "tenant/license_engine.h"

namespace plush::tenant::facts {

// {"<skuId>": ["<disabled plan id>", ...]} of the user's direct assignments among `rows`.
nlohmann::json directLicenses(LicenseEngine& engine, const std::vector<AssignmentRecord>& rows);
// {"<skuId>": [...]} of a group's licenses.
nlohmann::json groupLicenses(LicenseEngine& engine, const std::vector<GroupLicenseRecord>& licenses);

std::string user(const std::string& userId, nlohmann::json facts);    // {"user": id, ...facts}
// A license change's facts, exactly as user(userId, {{"licenses", directLicenses(engine, rows)}}) writes
// them, with "fields": {"usageLocation": null} when the change set a missing location.
std::string userLicenses(LicenseEngine& engine, const std::string& userId, const std::vector<AssignmentRecord>& rows,
                         bool locationWasMissing);
std::string group(const std::string& groupId, nlohmann::json facts);  // {"group": id, ...facts}

}  // namespace plush::tenant::facts
