// Turns a parsed -Filter tree into a parameterised SQL condition over users u.
#pragma once

#include <string>
#include <vector>

#include "store/sql_param.h"
#include "store/sqlite_db.h"
#include "tenant/filter.h"

namespace plush::store {

// User-supplied text only ever reaches SQL as a bound parameter.
SqlCondition compileFilter(const tenant::FilterNode& node, SqlDialect dialect = SqlDialect::Sqlite);
void bindAll(Statement& s, const std::vector<SqlParam>& params, int first = 1);
std::string likePattern(const std::string& text, bool prefix, bool suffix);  // escapes % _ with '\'
std::string wildcardToLike(const std::string& pattern);                     // * ? -> % _

}  // namespace plush::store
