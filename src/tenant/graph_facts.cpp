// The "before" facts an audit row keeps of its target, in the JSON Export-GraphRequest reads back.
#include "tenant/graph_facts.h"

namespace plush::tenant::facts {

using nlohmann::json;

json directLicenses(LicenseEngine& engine, const std::vector<AssignmentRecord>& rows) {
  json out = json::object();
  for (const AssignmentRecord& a : rows)
    if (a.groupPk == 0) out[engine.product(a.productPk).SkuId] = a.disabledPlanIds;
  return out;
}

json groupLicenses(LicenseEngine& engine, const std::vector<GroupLicenseRecord>& licenses) {
  json out = json::object();
  for (const GroupLicenseRecord& l : licenses) out[engine.product(l.productPk).SkuId] = l.disabledPlanIds;
  return out;
}

std::string user(const std::string& userId, json facts) {
  facts["user"] = userId;
  return facts.dump();
}

std::string group(const std::string& groupId, json facts) {
  facts["group"] = groupId;
  return facts.dump();
}

}  // namespace plush::tenant::facts
