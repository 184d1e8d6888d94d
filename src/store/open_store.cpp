// Opens a tenant store by its location: a PostgreSQL database (through its module), or else a SQLite file.
#include <filesystem>

#include "store/sqlite_store.h"
#include "store/store_module.h"

namespace plush::tenant {

std::unique_ptr<TenantStore> openTenantStore(const std::string& location, int busyTimeoutMs) {
  if (isServerLocation(location)) return store::postgresModule().open(location, busyTimeoutMs);
  return std::make_unique<store::SqliteStore>(location, busyTimeoutMs);
}

bool tenantStoreExists(const std::string& location, int busyTimeoutMs) {
  if (!isServerLocation(location)) return location != ":memory:" && std::filesystem::exists(location);
  return openTenantStore(location, busyTimeoutMs)->hasTenant();
}

}  // namespace plush::tenant
