// The WHERE condition of a user listing (Get-User's parameters, -Filter, the engine's lookups) in either store's SQL.
#pragma once

#include <string>

#include "store/sql_param.h"
#include "tenant/tenant_store.h"

namespace plush::store {

SqlCondition userSelection(const tenant::UserSelection& sel, SqlDialect dialect);
// column = value, or LIKE when the value holds * or ?; case-insensitive (NOCASE, or fold() on PostgreSQL).
void matchText(SqlCondition& where, const std::string& column, const std::string& value, SqlDialect dialect);

}  // namespace plush::store
