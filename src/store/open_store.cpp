// Opens a tenant store by its location: a PostgreSQL database, or else a SQLite file.
#include <filesystem>

#include "store/postgres/pg_connection.h"
#include "store/postgres/pg_store.h"
#include "store/sqlite_store.h"

namespace plush::tenant {

bool isServerLocation(const std::string& location) { return store::postgres::isLocation(location); }

std::unique_ptr<TenantStore> openTenantStore(const std::string& location, int busyTimeoutMs) {
  if (isServerLocation(location)) return std::make_unique<store::postgres::PgStore>(location, busyTimeoutMs);
  return std::make_unique<store::SqliteStore>(location, busyTimeoutMs);
}

bool tenantStoreExists(const std::string& location, int busyTimeoutMs) {
  if (!isServerLocation(location)) return location != ":memory:" && std::filesystem::exists(location);
  return openTenantStore(location, busyTimeoutMs)->hasTenant();
}

}  // namespace plush::tenant
