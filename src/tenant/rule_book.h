// The catalog's cross-product rules: plan dependencies, exclusive families, unavailable locations.
#pragma once

#include <map>
#include <set>
#include <string>
#include <vector>

namespace plush::tenant {

struct RuleBook {
  std::map<std::string, std::vector<std::string>> planRequires;     // plan -> any one of these plans
  std::vector<std::vector<std::string>> exclusiveFamilies;           // plan names, at most one enabled
  std::map<std::string, std::set<std::string>> planUnavailableIn;    // plan -> ISO country codes

  bool unavailableIn(const std::string& plan, const std::string& location) const {
    auto it = planUnavailableIn.find(plan);
    return it != planUnavailableIn.end() && it->second.count(location) > 0;
  }
};

}  // namespace plush::tenant
