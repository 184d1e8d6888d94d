// Reading the product catalog (stdlib/catalog.json): products with plans, the rule book, pooled capacity.
#pragma once

#include <string>
#include <vector>

#include "tenant/capacity.h"
#include "tenant/entities.h"
#include "tenant/rule_book.h"

namespace plush::tenant {

struct Catalog {
  std::vector<Product> products;
  RuleBook rules;
  std::vector<CapacityKind> capacityKinds;
  std::vector<CapacityGrant> capacityGrants;  // the products' "capacity" entries
};

// Throws TenantError InvalidJson naming the file (and the product or capacity kind) on bad input.
Catalog loadCatalog(const std::string& path);

}  // namespace plush::tenant
