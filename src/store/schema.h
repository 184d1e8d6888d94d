// The store's schema as numbered migrations, applied by PRAGMA user_version.
#pragma once

#include "store/sqlite_db.h"

namespace plush::store {

int schemaVersion();               // the version this build writes
void migrate(Database& db);        // brings an older (or empty) store up to date; refuses newer ones

}  // namespace plush::store
