// Reading the product catalog (stdlib/catalog.json): products with plans, the rule book, pooled capacity.
#include "tenant/catalog.h"

#include <fstream>
#include <nlohmann/json.hpp>
#include <set>

#include "tenant/errors.h"
#include "tenant/text.h"

namespace plush::tenant {
namespace {

using nlohmann::json;

[[noreturn]] void badCatalog(const std::string& path, const std::string& why) {
  fail("InvalidJson", category::InvalidData, path, "The product catalog " + path + " is not valid: " + why + ".");
}

// The member, or an empty value of the expected kind when it is missing.
const json& member(const json& j, const char* key, const json& empty) {
  auto it = j.find(key);
  return it != j.end() && it->type() == empty.type() ? *it : empty;
}

const json kNoArray = json::array();
const json kNoObject = json::object();

std::string text(const json& j, const char* key) {
  auto it = j.find(key);
  return it != j.end() && it->is_string() ? it->get<std::string>() : std::string();
}

Product readProduct(const json& j, const std::string& path) {
  Product p;
  p.SkuPartNumber = text(j, "skuPartNumber");
  p.SkuId = lower(text(j, "skuId"));
  p.DisplayName = text(j, "displayName");
  p.AppliesTo = text(j, "appliesTo").empty() ? "User" : text(j, "appliesTo");
  if (p.SkuPartNumber.empty() || !isGuid(p.SkuId))
    badCatalog(path, "product '" + p.SkuPartNumber + "' needs a skuPartNumber and a GUID skuId");
  for (const json& sp : member(j, "servicePlans", kNoArray)) {
    ServicePlan plan{text(sp, "name"), lower(text(sp, "id")), text(sp, "displayName"), member(sp, "automatic", json(false)).get<bool>()};
    if (plan.Name.empty() || !isGuid(plan.Id))
      badCatalog(path, "a plan of " + p.SkuPartNumber + " needs a name and a GUID id");
    p.ServicePlans.push_back(std::move(plan));
  }
  for (const json& r : member(j, "requires", kNoArray)) p.Requires.push_back(r.get<std::string>());
  return p;
}

RuleBook readRules(const json& doc) {
  RuleBook rules;
  for (auto& [plan, needs] : member(doc, "planRequires", kNoObject).items())
    rules.planRequires[plan] = needs.get<std::vector<std::string>>();
  for (const json& family : member(doc, "exclusiveFamilies", kNoArray))
    rules.exclusiveFamilies.push_back(family.get<std::vector<std::string>>());
  for (auto& [plan, places] : member(doc, "planUnavailableIn", kNoObject).items())
    for (const json& cc : places) rules.planUnavailableIn[plan].insert(upper(cc.get<std::string>()));
  return rules;
}

// A whole number, 0 when missing; anything else (1.5, "10") is refused rather than read as 0.
int64_t wholeNumber(const json& j, const char* key, const std::string& path, const std::string& owner) {
  auto it = j.find(key);
  if (it == j.end()) return 0;
  if (!it->is_number_integer()) badCatalog(path, owner + " needs a whole number for " + key);
  return it->get<int64_t>();
}

CapacityKind readCapacityKind(const json& j, const std::string& path) {
  CapacityKind k{text(j, "kind"), text(j, "displayName"), text(j, "unit"), text(j, "period"), text(j, "consumedBy"),
                 wholeNumber(j, "tenantBase", path, "the capacity kind " + text(j, "kind")), {}, text(j, "source")};
  if (k.Kind.empty() || k.Unit.empty()) badCatalog(path, "a capacity kind needs a kind and a unit");
  if (k.DisplayName.empty()) k.DisplayName = k.Kind;
  if (k.Period != "Month" && k.Period != "None")
    badCatalog(path, "the capacity kind " + k.Kind + " needs a period of Month or None, not '" + k.Period + "'");
  if (!k.ConsumedBy.empty() && k.ConsumedBy != "Bot")
    badCatalog(path, "the capacity kind " + k.Kind + " is consumed by '" + k.ConsumedBy + "'; plush meters only Bot");
  if (k.ConsumedBy == "Bot" && k.Period != "Month")
    badCatalog(path, "the capacity kind " + k.Kind + " is consumed by bots, so it needs a period of Month");
  if (k.TenantBase < 0) badCatalog(path, "the capacity kind " + k.Kind + " has a negative tenantBase");
  for (const json& m : member(j, "makerLicenses", kNoArray)) k.MakerLicenses.push_back(m.get<std::string>());
  return k;
}

void readCapacity(const json& doc, const std::string& path, Catalog& catalog) {
  std::set<std::string> kinds, skus;
  for (const json& k : member(doc, "capacityKinds", kNoArray)) {
    catalog.capacityKinds.push_back(readCapacityKind(k, path));
    if (!kinds.insert(lower(catalog.capacityKinds.back().Kind)).second)
      badCatalog(path, "the capacity kind " + catalog.capacityKinds.back().Kind + " is defined twice");
  }
  int bots = 0;
  for (const Product& p : catalog.products) skus.insert(lower(p.SkuPartNumber));
  for (const CapacityKind& k : catalog.capacityKinds) {
    bots += k.ConsumedBy == "Bot";
    for (const std::string& maker : k.MakerLicenses)
      if (!skus.count(lower(maker)))
        badCatalog(path, "the capacity kind " + k.Kind + " names the maker license " + maker + ", which is no product here");
  }
  if (bots > 1) badCatalog(path, "only one capacity kind may be consumed by bots");
  for (const json& p : doc.at("products")) {
    std::set<std::string> granted;
    for (const json& g : member(p, "capacity", kNoArray)) {
      CapacityGrant grant{text(p, "skuPartNumber"), lower(text(p, "skuId")), text(g, "kind"),
                          wholeNumber(g, "perLicense", path, "the product " + text(p, "skuPartNumber"))};
      if (!kinds.count(lower(grant.Kind)))
        badCatalog(path, "the product " + grant.SkuPartNumber + " grants the capacity kind '" + grant.Kind +
                             "', which capacityKinds does not define");
      if (grant.PerLicense <= 0)
        badCatalog(path, "the product " + grant.SkuPartNumber + " needs a perLicense above 0 for " + grant.Kind);
      if (!granted.insert(lower(grant.Kind)).second)
        badCatalog(path, "the product " + grant.SkuPartNumber + " grants " + grant.Kind + " twice");
      catalog.capacityGrants.push_back(std::move(grant));
    }
  }
}

}  // namespace

Catalog loadCatalog(const std::string& path) {
  std::ifstream in(path);
  if (!in) fail("CatalogNotFound", category::ObjectNotFound, path, "The product catalog " + path + " cannot be read.");
  Catalog catalog;
  try {
    json doc = json::parse(in);
    for (const json& p : doc.at("products")) catalog.products.push_back(readProduct(p, path));
    catalog.rules = readRules(doc);
    readCapacity(doc, path, catalog);
  } catch (const json::exception& e) {
    badCatalog(path, e.what());
  }
  return catalog;
}

}  // namespace plush::tenant
