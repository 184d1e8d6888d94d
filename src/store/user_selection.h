// The WHERE condition of a user listing (Get-User's parameters, -Filter, the engine's lookups) in either store's SQL.
#pragma once

#include <string>

#include "store/sql_param.h"
#include "tenant/tenant_store.h"

namespace plush::store {

// A user row's columns as both stores read them, up to FROM: with its active licenses as one comma-separated
// text, or with NULL there for a page that reads the licenses of all its users in one query.
enum class UserRow { WithLicenses, WithoutLicenses };
const char* userColumns(SqlDialect dialect, UserRow row);

SqlCondition userSelection(const tenant::UserSelection& sel, SqlDialect dialect);
// column = value, or LIKE when the value holds * or ?; case-insensitive (NOCASE, or fold() on PostgreSQL).
void matchText(SqlCondition& where, const std::string& column, const std::string& value, SqlDialect dialect);

}  // namespace plush::store
