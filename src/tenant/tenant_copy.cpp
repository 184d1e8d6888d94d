// Copy-Tenant: every table of one store into an empty store of the other kind, rows as they are.
#include "tenant/tenant_copy.h"

#include <algorithm>
#include <map>
#include <set>

#include "tenant/errors.h"
#include "tenant/text.h"

namespace plush::tenant {

namespace {

constexpr size_t kRowsPerInsert = 5000;  // bounds memory for a table of millions of rows

// Parents before children: a row is copied after the rows its foreign keys name.
std::vector<TableShape> inCopyOrder(std::vector<TableShape> tables) {
  std::vector<TableShape> ordered;
  std::set<std::string> placed;
  while (!tables.empty()) {
    auto ready = std::find_if(tables.begin(), tables.end(), [&](const TableShape& t) {
      return std::all_of(t.references.begin(), t.references.end(),
                         [&](const std::string& parent) { return parent == t.name || placed.count(parent); });
    });
    if (ready == tables.end()) ready = tables.begin();  // a cycle (none in the schema): keep going
    placed.insert(ready->name);
    ordered.push_back(std::move(*ready));
    tables.erase(ready);
  }
  return ordered;
}

std::string describe(const TableShape& t) { return t.name + "(" + join(t.columns, ", ") + ")"; }

// Both stores are at one schema version; a table or column that only one has means a migration
// one of them lacks, and copying past it would drop data.
void checkSameShape(const std::vector<TableShape>& from, const std::vector<TableShape>& to, const std::string& target) {
  std::map<std::string, std::vector<std::string>> want;
  for (const TableShape& t : to) want[t.name] = t.columns;
  std::vector<std::string> differ;
  for (const TableShape& t : from) {
    auto it = want.find(t.name);
    std::vector<std::string> a = t.columns, b = it == want.end() ? std::vector<std::string>{} : it->second;
    std::sort(a.begin(), a.end());
    std::sort(b.begin(), b.end());
    if (a != b) differ.push_back(describe(t));
    if (it != want.end()) want.erase(it);
  }
  for (const auto& [name, columns] : want) differ.push_back(name + " (only in the target)");
  if (!differ.empty())
    fail("StoreMismatch", category::InvalidData, target,
         "The two stores do not have the same tables and columns, so nothing was copied: " + join(differ, "; ") + ".",
         "Run the same plush version on both (each store is upgraded when plush opens it).");
}

}  // namespace

CopyReport copyStore(TenantStore& from, TenantStore& to, const std::string& target) {
  std::vector<TableShape> tables = inCopyOrder(from.tableShapes());
  checkSameShape(tables, to.tableShapes(), target);
  CopyReport report;
  for (const TableShape& t : tables) {
    std::vector<RowValues> batch;
    auto flush = [&] {
      if (batch.empty()) return;
      to.insertRows(t, batch);
      report.rows += static_cast<int64_t>(batch.size());
      batch.clear();
    };
    from.forEachRow(t, [&](const RowValues& row) {
      batch.push_back(row);
      if (batch.size() == kRowsPerInsert) flush();
    });
    flush();
    report.tables += 1;
  }
  to.afterCopy();
  return report;
}

}  // namespace plush::tenant
