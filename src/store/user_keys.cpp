// Users keyed in UserPrincipalName order: the key a new user gets, and the renumbering of older stores.
#include "store/user_keys.h"

#include <algorithm>
#include <limits>
#include <vector>

#include "tenant/errors.h"

namespace plush::store {

namespace {

std::optional<int64_t> firstInteger(Database& db, const std::string& sql, const std::string& text) {
  Statement s = db.prepare(sql);
  s.bindText(1, text);
  if (!s.step()) return std::nullopt;
  return s.integer(0);
}

bool keyTaken(Database& db, int64_t key) {
  Statement s = db.prepare("SELECT 1 FROM users WHERE pk = ?");
  s.bind(1, key);
  return s.step();
}

std::vector<std::string> texts(Database& db, const std::string& sql, const std::string& bound = "") {
  Statement s = db.prepareOnce(sql);
  if (!bound.empty()) s.bindText(1, bound);
  std::vector<std::string> out;
  while (s.step()) out.push_back(s.text(0));
  return out;
}

std::string quoted(const std::string& name) { return "\"" + name + "\""; }

// A table holding users' keys, in the column its foreign key names.
struct KeyedTable {
  std::string name, keyColumn;
  bool withoutRowid = false;
  std::vector<std::string> columns, primaryKey;
};

KeyedTable describe(Database& db, const std::string& name, const std::string& keyColumn) {
  KeyedTable t{name, keyColumn};
  t.withoutRowid = texts(db, "SELECT wr FROM pragma_table_list WHERE schema = 'main' AND name = ?", name) ==
                   std::vector<std::string>{"1"};
  t.columns = texts(db, "SELECT name FROM pragma_table_info(?) ORDER BY cid", name);
  t.primaryKey = texts(db, "SELECT name FROM pragma_table_info(?) WHERE pk > 0 ORDER BY pk", name);
  return t;
}

// users first, then every table whose foreign key names users(pk).
std::vector<KeyedTable> keyedTables(Database& db) {
  std::vector<KeyedTable> out{describe(db, "users", "pk")};
  for (const std::string& table :
       texts(db, "SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")) {
    for (const std::string& column :
         texts(db, "SELECT \"from\" FROM pragma_foreign_key_list(?) WHERE \"table\" = 'users' COLLATE NOCASE", table))
      out.push_back(describe(db, table, column));
  }
  return out;
}

int64_t rowCount(Database& db, const std::string& table) {
  Statement s = db.prepareOnce("SELECT count(*) FROM " + table);
  s.step();
  return s.integer(0);
}

// INSERT ... SELECT that puts the saved rows back with the new keys, in the order of the table's key.
std::string reinsertSql(const KeyedTable& t) {
  bool keepRowid = !t.withoutRowid && t.name != "users";  // users' rowid IS the key
  std::string into, select;
  if (keepRowid) into = "rowid", select = "s.plush_rowid";
  auto mapped = [&](const std::string& c) { return c == t.keyColumn ? std::string("m.new") : "s." + quoted(c); };
  for (const std::string& c : t.columns) {
    into += (into.empty() ? "" : ", ") + quoted(c);
    select += (select.empty() ? "" : ", ") + mapped(c);
  }
  std::string order;
  if (t.name == "users") order = "m.new";
  else if (keepRowid) order = "s.plush_rowid";
  else
    for (const std::string& c : t.primaryKey) order += (order.empty() ? "" : ", ") + mapped(c);
  return "INSERT INTO main." + quoted(t.name) + "(" + into + ") SELECT " + select + " FROM temp." +
         quoted("saved_" + t.name) + " s LEFT JOIN temp.user_key_map m ON m.old = s." + quoted(t.keyColumn) +
         " ORDER BY " + order;
}

}  // namespace

std::optional<int64_t> keyForNewUser(Database& db, const std::string& upn) {
  std::optional<int64_t> below = firstInteger(db, "SELECT pk FROM users WHERE upn < ? ORDER BY upn DESC LIMIT 1", upn);
  std::optional<int64_t> above = firstInteger(db, "SELECT pk FROM users WHERE upn > ? ORDER BY upn LIMIT 1", upn);
  std::optional<int64_t> key = keyBetween(below, above);
  if (key && keyTaken(db, *key)) key.reset();
  return key;
}

std::optional<int64_t> keyBetween(std::optional<int64_t> below, std::optional<int64_t> above) {
  std::optional<int64_t> key;
  if (!below && !above) key = kFirstUserKey;
  else if (below && !above) {
    if (*below < std::numeric_limits<int64_t>::max() - kUserKeySpacing) key = *below + kUserKeySpacing;
  } else if (!below) {
    int64_t step = std::min(kUserKeySpacing, *above / 2);
    if (step > 0) key = *above - step;
  } else if (*above - *below >= 2) {  // neighbours out of order (an earlier fallback) leave no room
    key = *below + (*above - *below) / 2;
  }
  return key;
}

void renumberUsersByUpn(Database& db) {
  // Every page of these tables is rewritten once: a larger cache for the while keeps them from
  // spilling to the WAL and being read back (a million users: 146 s with the usual 32 MiB).
  std::string usualCache = texts(db, "PRAGMA cache_size").at(0);
  db.exec("PRAGMA cache_size=-262144");
  struct Restore {
    Database& db;
    std::string size;
    ~Restore() {
      try {
        db.exec("PRAGMA cache_size=" + size);
      } catch (...) {
      }
    }
  } restore{db, usualCache};
  std::vector<KeyedTable> tables = keyedTables(db);
  std::vector<int64_t> counts;
  for (const KeyedTable& t : tables) counts.push_back(rowCount(db, "main." + quoted(t.name)));
  db.exec("CREATE TEMP TABLE user_key_map(old INTEGER PRIMARY KEY, new INTEGER NOT NULL)");
  db.exec("INSERT INTO temp.user_key_map SELECT pk, " + std::to_string(kFirstUserKey) + " + (row_number() OVER (ORDER BY upn) - 1) * " +
          std::to_string(kUserKeySpacing) + " FROM users");
  std::vector<std::string> indexes;  // rebuilt after the rows, which is faster than keeping them up to date
  for (const KeyedTable& t : tables) {
    bool keepRowid = !t.withoutRowid && t.name != "users";
    db.exec("CREATE TEMP TABLE " + quoted("saved_" + t.name) + " AS SELECT " + (keepRowid ? "rowid AS plush_rowid, " : "") +
            "* FROM main." + quoted(t.name));
    for (const std::string& sql : texts(db, "SELECT sql FROM sqlite_schema WHERE type = 'index' AND tbl_name = ? AND sql IS NOT NULL", t.name))
      indexes.push_back(sql);
    for (const std::string& name : texts(db, "SELECT name FROM sqlite_schema WHERE type = 'index' AND tbl_name = ? AND sql IS NOT NULL", t.name))
      db.exec("DROP INDEX main." + quoted(name));
  }
  for (auto t = tables.rbegin(); t != tables.rend(); ++t) db.exec("DELETE FROM main." + quoted(t->name));  // users last
  for (size_t i = 0; i < tables.size(); ++i) {
    db.exec(reinsertSql(tables[i]));
    if (rowCount(db, "main." + quoted(tables[i].name)) != counts[i])
      tenant::fail("StoreError", tenant::category::InvalidData, tables[i].name,
                   "Renumbering users lost rows of " + tables[i].name + "; the store was left as it was.");
    db.exec("DROP TABLE temp." + quoted("saved_" + tables[i].name));
  }
  for (const std::string& sql : indexes) db.exec(sql);
  db.exec("DROP TABLE temp.user_key_map");
}

}  // namespace plush::store
