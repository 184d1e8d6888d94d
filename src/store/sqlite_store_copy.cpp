// SqliteStore: the tenant's tables as rows of text, for Copy-Tenant.
#include "store/sqlite_store.h"

namespace plush::store {

using tenant::RowValues;
using tenant::TableShape;

namespace {

std::string quoted(const std::string& name) { return "\"" + name + "\""; }

std::string columnList(const TableShape& t) {
  std::string list;
  for (const std::string& c : t.columns) list += (list.empty() ? "" : ", ") + quoted(c);
  return list;
}

}  // namespace

std::vector<TableShape> SqliteStore::tableShapes() {
  std::vector<TableShape> out;
  Statement tables = db_.prepareOnce("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
                                     "ORDER BY rowid");
  while (tables.step()) out.push_back(TableShape{tables.text(0), {}, {}});
  for (TableShape& t : out) {
    Statement columns = db_.prepareOnce("SELECT name FROM pragma_table_info(?) ORDER BY cid");
    columns.bindText(1, t.name);
    while (columns.step()) t.columns.push_back(columns.text(0));
    Statement parents = db_.prepareOnce("SELECT DISTINCT \"table\" FROM pragma_foreign_key_list(?)");
    parents.bindText(1, t.name);
    while (parents.step()) t.references.push_back(parents.text(0));
  }
  return out;
}

void SqliteStore::forEachRow(const TableShape& t, const std::function<void(const RowValues&)>& each) {
  Statement rows = db_.prepareOnce("SELECT " + columnList(t) + " FROM " + quoted(t.name));
  RowValues row(t.columns.size());
  while (rows.step()) {
    for (size_t i = 0; i < row.size(); ++i) {
      int column = static_cast<int>(i);
      row[i] = rows.isNull(column) ? std::nullopt : std::optional<std::string>(rows.text(column));
    }
    each(row);
  }
}

// Text into INTEGER columns becomes an integer again (SQLite's type affinity).
void SqliteStore::insertRows(const TableShape& t, const std::vector<RowValues>& rows) {
  std::string marks;
  for (size_t i = 0; i < t.columns.size(); ++i) marks += i ? ", ?" : "?";
  std::string sql = "INSERT INTO " + quoted(t.name) + "(" + columnList(t) + ") VALUES (" + marks + ")";
  for (const RowValues& row : rows) {
    Statement insert = db_.prepare(sql);
    for (size_t i = 0; i < row.size(); ++i) {
      if (row[i]) insert.bindText(static_cast<int>(i + 1), *row[i]);
      else insert.bindNull(static_cast<int>(i + 1));
    }
    insert.run();
  }
}

void SqliteStore::afterCopy() {}  // a new row's key is past the largest there (rowid)

}  // namespace plush::store
