// The PostgreSQL store's schema as numbered migrations, the same numbers as the SQLite store's.
#pragma once

#include "store/postgres/pg_connection.h"

namespace plush::store::postgres {

int schemaVersion();             // the version this build writes: always the SQLite store's
void migrate(Connection& db);    // brings an older (or empty) database up to date; refuses newer ones

}  // namespace plush::store::postgres
