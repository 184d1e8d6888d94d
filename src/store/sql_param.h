// A bound SQL value and a WHERE condition built with its parameters, shared by both stores.
#pragma once

#include <cstdint>
#include <string>
#include <variant>
#include <vector>

namespace plush::store {

using SqlParam = std::variant<std::monostate, std::string, int64_t>;

inline SqlParam nullIfEmpty(const std::string& value) { return value.empty() ? SqlParam{} : SqlParam{value}; }

// Where the stores' SQL differs in a condition shared by both (-Filter): SQLite compares NOCASE
// columns as they are, PostgreSQL compares fold(column) with fold(value).
enum class SqlDialect { Sqlite, Postgres };

struct SqlCondition {
  std::string sql;
  std::vector<SqlParam> params;

  void add(const std::string& clause, std::vector<SqlParam> values = {}) {
    sql += (sql.empty() ? "" : " AND ") + clause;
    for (auto& v : values) params.push_back(std::move(v));
  }
};

}  // namespace plush::store
