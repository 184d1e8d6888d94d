// A store built as a module (a shared object loaded on first use): what it hands the binary that loads it.
#pragma once

#include <memory>
#include <string>

#include "tenant/tenant_store.h"

namespace plush::store {

// The module uses the engine's code and types in the binary that loads it, so both must be built from
// the same TenantStore and rows: each carries the hash of the engine's and stores' headers it was built
// with (PLUSH_STORE_INTERFACE), and the loader refuses a module whose hash or schema version differs.
struct StoreModule {
  const char* storeInterface;
  int (*schemaVersion)();
  std::unique_ptr<tenant::TenantStore> (*open)(const std::string& location, int busyTimeoutMs);
};

// The PostgreSQL store, plush-postgres.so, found beside the binary (a build folder) or in PREFIX/lib/plush,
// loaded the first time it is asked for. Fails with StoreModuleMissing naming where it looked.
const StoreModule& postgresModule();

}  // namespace plush::store
