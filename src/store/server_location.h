// Tells a PostgreSQL location from a SQLite file without libpq, which only the PostgreSQL store module loads.
#pragma once

#include <string_view>
#include <vector>

namespace plush::store {

// The connection keywords libpq 15 takes in a keyword=value location (PQconndefaults lists the same:
// unit.engine checks that against the libpq it is built with).
const std::vector<std::string_view>& postgresKeywords();

}  // namespace plush::store
