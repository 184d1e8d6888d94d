// Copy-Tenant: every table of one store into an empty store of the other kind, rows as they are.
#pragma once

#include <cstdint>
#include <string>

#include "tenant/tenant_store.h"

namespace plush::tenant {

struct CopyReport {
  int64_t tables = 0, rows = 0;
};

// Inside the callers' transactions on both stores. Keys, ids, counts and the audit log come over
// unchanged; refuses (StoreMismatch) when the two schemas differ in a table or column.
CopyReport copyStore(TenantStore& from, TenantStore& to, const std::string& target);

}  // namespace plush::tenant
