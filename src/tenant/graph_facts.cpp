// The "before" facts an audit row keeps of its target, in the JSON Export-GraphRequest reads back.
#include "tenant/graph_facts.h"

#include <map>

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

namespace {

// Text JSON writes as it is: printable ASCII without quote or backslash (ids and SkuIds are GUIDs).
bool plain(const std::string& text) {
  for (unsigned char c : text)
    if (c < 0x20 || c > 0x7e || c == '"' || c == '\\') return false;
  return true;
}

void quoted(std::string& out, const std::string& text) {
  out += '"';
  out += text;
  out += '"';
}

}  // namespace

// Written by hand for plain text (a bulk run writes one per user; nlohmann's tree cost a tenth of
// the change), in nlohmann's order and form: keys sorted, no spaces. Anything else goes through it.
std::string userLicenses(LicenseEngine& engine, const std::string& userId, const std::vector<AssignmentRecord>& rows,
                         bool locationWasMissing) {
  std::map<std::string, const std::vector<std::string>*> licenses;  // the last row of a SkuId wins, as in directLicenses
  bool simple = plain(userId);
  for (const AssignmentRecord& a : rows) {
    if (a.groupPk != 0) continue;
    const std::string& sku = engine.product(a.productPk).SkuId;
    licenses[sku] = &a.disabledPlanIds;
    simple = simple && plain(sku);
    for (const std::string& plan : a.disabledPlanIds) simple = simple && plain(plan);
  }
  if (!simple) {
    json found = {{"licenses", directLicenses(engine, rows)}};
    if (locationWasMissing) found["fields"] = {{"usageLocation", nullptr}};
    return user(userId, std::move(found));
  }
  std::string out = locationWasMissing ? "{\"fields\":{\"usageLocation\":null},\"licenses\":{" : "{\"licenses\":{";
  bool first = true;
  for (const auto& [sku, plans] : licenses) {
    if (!first) out += ',';
    first = false;
    quoted(out, sku);
    out += ":[";
    for (size_t i = 0; i < plans->size(); ++i) {
      if (i > 0) out += ',';
      quoted(out, (*plans)[i]);
    }
    out += ']';
  }
  out += "},\"user\":";
  quoted(out, userId);
  out += '}';
  return out;
}

std::string group(const std::string& groupId, json facts) {
  facts["group"] = groupId;
  return facts.dump();
}

}  // namespace plush::tenant::facts
