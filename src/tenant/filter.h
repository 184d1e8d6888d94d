// Get-User -Filter: the OData subset of SPEC §3 parsed into a tree the store turns into SQL.
#pragma once

#include <string>
#include <vector>

namespace plush::tenant {

// Like: values[0] is a wildcard with * only (a Where-Object -like pushed into the query; -Filter has none).
enum class FilterOp { And, Or, Not, Compare, StartsWith, EndsWith, In, HasSkuId, HasSkuPartNumber, HasAnyLicense, Like };
enum class CompareOp { Eq, Ne, Gt, Ge, Lt, Le };

struct FilterValue {
  enum class Kind { String, Bool, Null, Number } kind = Kind::Null;
  std::string text;  // String (and Number as written)
  bool flag = false;
};

struct FilterNode {
  FilterOp op = FilterOp::Compare;
  std::string field;  // canonical: id userPrincipalName displayName department usageLocation
                      // userType accountEnabled lastSignIn
  CompareOp compare = CompareOp::Eq;
  std::vector<FilterValue> values;
  std::vector<FilterNode> children;
};

// Throws TenantError InvalidFilter naming the 1-based position of the fault.
FilterNode parseFilter(const std::string& text);

}  // namespace plush::tenant
