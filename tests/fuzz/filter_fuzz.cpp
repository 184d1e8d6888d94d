// Fuzz harness: any -Filter text is an InvalidFilter or SQL that SQLite prepares over the real users table.
#include <sqlite3.h>

#include <cstdint>
#include <cstdlib>
#include <string>

#include "store/filter_sql.h"
#include "store/schema.h"
#include "store/sqlite_db.h"
#include "tenant/errors.h"
#include "tenant/filter.h"

namespace {
plush::store::Database& database() {
  static plush::store::Database* db = [] {
    auto* d = new plush::store::Database(":memory:", 0);
    plush::store::migrate(*d);
    return d;
  }();
  return *db;
}
}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string text(reinterpret_cast<const char*>(data), size);
  plush::tenant::FilterNode node;
  try {
    node = plush::tenant::parseFilter(text);
  } catch (const plush::tenant::TenantError& e) {
    if (e.record.id != "InvalidFilter") abort();
    return 0;
  }
  plush::store::SqlCondition where;
  try {
    where = plush::store::compileFilter(node);
  } catch (const plush::tenant::TenantError& e) {
    if (e.record.id != "InvalidFilter") abort();  // e.g. a number out of range (reliability D11)
    return 0;
  }
  // What the parser accepts, SQLite must take: no "parser stack overflow" (reliability D13).
  plush::store::Statement s = database().prepareOnce("SELECT count(*) FROM users u WHERE " + where.sql);
  plush::store::bindAll(s, where.params);
  s.step();
  return 0;
}
