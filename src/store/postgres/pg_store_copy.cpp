// PgStore: the tenant's tables as rows of text, for Copy-Tenant (read through a cursor, written with COPY).
#include "store/postgres/pg_store.h"

namespace plush::store::postgres {

using tenant::RowValues;
using tenant::TableShape;

namespace {

constexpr int kFetch = 2000;

std::string quoted(const std::string& name) { return "\"" + name + "\""; }

std::string columnList(const TableShape& t) {
  std::string list;
  for (const std::string& c : t.columns) list += (list.empty() ? "" : ", ") + quoted(c);
  return list;
}

const char* kTables =
    "SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
    "WHERE n.nspname = 'plush' AND c.relkind = 'r' AND c.relname <> 'store_state' ORDER BY c.relname";

}  // namespace

std::vector<TableShape> PgStore::tableShapes() {
  std::vector<TableShape> out;
  Rows tables = db_.query(kTables);
  for (int i = 0; i < tables.size(); ++i) {
    TableShape t{tables.text(i, 0), {}, {}};
    std::string table = "plush." + quoted(t.name);
    Rows columns = db_.query("SELECT attname FROM pg_attribute WHERE attrelid = ?::regclass AND attnum > 0 "
                             "AND NOT attisdropped ORDER BY attnum",
                             {table});
    for (int k = 0; k < columns.size(); ++k) t.columns.push_back(columns.text(k, 0));
    Rows parents = db_.query("SELECT DISTINCT p.relname FROM pg_constraint f JOIN pg_class p ON p.oid = f.confrelid "
                             "WHERE f.contype = 'f' AND f.conrelid = ?::regclass",
                             {table});
    for (int k = 0; k < parents.size(); ++k) t.references.push_back(parents.text(k, 0));
    out.push_back(std::move(t));
  }
  return out;
}

// Inside the copy's transaction, so the cursor reads one consistent picture.
void PgStore::forEachRow(const TableShape& t, const std::function<void(const RowValues&)>& each) {
  db_.exec("DECLARE plush_copy NO SCROLL CURSOR FOR SELECT " + columnList(t) + " FROM plush." + quoted(t.name));
  RowValues row(t.columns.size());
  for (;;) {
    std::vector<Rows> fetched = db_.exec("FETCH " + std::to_string(kFetch) + " FROM plush_copy");
    const Rows& page = fetched.front();
    for (int r = 0; r < page.size(); ++r) {
      for (size_t i = 0; i < row.size(); ++i) {
        int column = static_cast<int>(i);
        row[i] = page.isNull(r, column) ? std::nullopt : std::optional<std::string>(page.text(r, column));
      }
      each(row);
    }
    if (page.size() < kFetch) break;
  }
  db_.exec("CLOSE plush_copy");
}

void PgStore::insertRows(const TableShape& t, const std::vector<RowValues>& rows) {
  ++userWrites_;  // any table: the copy's rows are none this connection has read
  assigned_.clear();
  std::string data;
  for (const RowValues& row : rows) data += copyRow(row);
  std::vector<std::string> columns;
  for (const std::string& c : t.columns) columns.push_back(quoted(c));
  db_.copyIn("plush." + quoted(t.name), columns, data);
}

// Identity columns go on from the largest key copied, so the next row added does not collide.
void PgStore::afterCopy() {
  Rows identities = db_.query("SELECT c.relname, a.attname FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid "
                              "JOIN pg_namespace n ON n.oid = c.relnamespace "
                              "WHERE n.nspname = 'plush' AND a.attidentity <> '' AND NOT a.attisdropped");
  for (int i = 0; i < identities.size(); ++i) {
    std::string table = "plush." + quoted(identities.text(i, 0)), column = quoted(identities.text(i, 1));
    db_.queryOnce("SELECT setval(pg_get_serial_sequence(?, ?), GREATEST(COALESCE(max(" + column + "), 0), 1), "
                  "max(" + column + ") IS NOT NULL) FROM " + table,
                  {table, identities.text(i, 1)});
  }
}

}  // namespace plush::store::postgres
