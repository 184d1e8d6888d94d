// The PostgreSQL store's entry point as a module: what plush looks up in plush-postgres.so once it is loaded.
#include "store/postgres/pg_schema.h"
#include "store/postgres/pg_store.h"
#include "store/store_module.h"

namespace {

std::unique_ptr<plush::tenant::TenantStore> openPgStore(const std::string& location, int busyTimeoutMs) {
  return std::make_unique<plush::store::postgres::PgStore>(location, busyTimeoutMs);
}

}  // namespace

extern "C" const plush::store::StoreModule plush_postgres_store{PLUSH_STORE_INTERFACE,
                                                               plush::store::postgres::schemaVersion, openPgStore};
