// Reading the product catalog (stdlib/catalog.json): products with plans, and the rule book.
#include "tenant/catalog.h"

#include <fstream>
#include <nlohmann/json.hpp>

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

}  // namespace

Catalog loadCatalog(const std::string& path) {
  std::ifstream in(path);
  if (!in) fail("CatalogNotFound", category::ObjectNotFound, path, "The product catalog " + path + " cannot be read.");
  Catalog catalog;
  try {
    json doc = json::parse(in);
    for (const json& p : doc.at("products")) catalog.products.push_back(readProduct(p, path));
    catalog.rules = readRules(doc);
  } catch (const json::exception& e) {
    badCatalog(path, e.what());
  }
  return catalog;
}

}  // namespace plush::tenant
