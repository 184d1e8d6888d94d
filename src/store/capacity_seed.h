// The pooled capacity this release's catalog defines, for stores made before capacity was kept (migration 9).
#pragma once

#include <string>

#include "store/sql_param.h"

namespace plush::store {

// INSERTs (skipping rows already there) of the kinds and of the grants of the products the store holds,
// when it holds a tenant.
std::string capacitySeedSql(SqlDialect dialect);

}  // namespace plush::store
