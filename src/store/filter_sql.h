// Turns a parsed -Filter tree into a parameterised SQL condition over users u.
#pragma once

#include <cstdint>
#include <string>
#include <variant>
#include <vector>

#include "store/sqlite_db.h"
#include "tenant/filter.h"

namespace plush::store {

using SqlParam = std::variant<std::monostate, std::string, int64_t>;

struct SqlCondition {
  std::string sql;
  std::vector<SqlParam> params;

  void add(const std::string& clause, std::vector<SqlParam> values = {}) {
    sql += (sql.empty() ? "" : " AND ") + clause;
    for (auto& v : values) params.push_back(std::move(v));
  }
};

// User-supplied text only ever reaches SQL as a bound parameter.
SqlCondition compileFilter(const tenant::FilterNode& node);
void bindAll(Statement& s, const std::vector<SqlParam>& params, int first = 1);
std::string likePattern(const std::string& text, bool prefix, bool suffix);  // escapes % _ with '\'
std::string wildcardToLike(const std::string& pattern);                     // * ? -> % _

}  // namespace plush::store
