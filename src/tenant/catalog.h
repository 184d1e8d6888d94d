// Reading the product catalog (stdlib/catalog.json): products with plans, and the rule book.
#pragma once

#include <string>
#include <vector>

#include "tenant/entities.h"
#include "tenant/rule_book.h"

namespace plush::tenant {

struct Catalog {
  std::vector<Product> products;
  RuleBook rules;
};

// Throws TenantError InvalidJson naming the file (and the product) on bad input.
Catalog loadCatalog(const std::string& path);

}  // namespace plush::tenant
