// The WHERE condition of a user listing (Get-User's parameters, -Filter, the engine's lookups) in either store's SQL.
#include "store/user_selection.h"

#include <optional>

#include "store/filter_sql.h"
#include "tenant/text.h"

namespace plush::store {

using tenant::UserQuery;

const char* userColumns(SqlDialect dialect, UserRow row) {
  static const std::string fields =
      "SELECT u.pk, u.id, u.upn, u.display_name, u.department, u.usage_location, u.user_type, u.account_enabled, "
      "u.last_sign_in, u.deleted_on, ";
  // The licenses as they come (no DISTINCT, no ORDER BY: each would cost SQLite a temporary b-tree per
  // user); the stores' readUser sorts and dedupes the few names in C++.
  static const std::string licenses =
      "(p.sku_part_number, ',') FROM assignments a JOIN products p ON p.pk = a.product_pk "
      "WHERE a.user_pk = u.pk AND a.state = 'Active') FROM users u ";
  static const std::string sqlite = fields + "(SELECT group_concat" + licenses;
  static const std::string postgres = fields + "(SELECT string_agg" + licenses;
  static const std::string page = fields + "NULL FROM users u ";
  if (row == UserRow::WithoutLicenses) return page.c_str();
  return (dialect == SqlDialect::Postgres ? postgres : sqlite).c_str();
}

void matchText(SqlCondition& where, const std::string& column, const std::string& value, SqlDialect dialect) {
  if (value.empty()) return;
  bool fold = dialect == SqlDialect::Postgres;
  std::string side = fold ? "fold(" + column + ")" : column, param = fold ? "fold(?)" : "?";
  if (tenant::hasWildcard(value)) where.add(side + " LIKE " + param + " ESCAPE '\\'", {wildcardToLike(value)});
  else where.add(side + " = " + param, {value});
}

namespace {

// Unset: no condition; empty: the column holds no value; else as matchText.
void matchOptionalText(SqlCondition& where, const std::string& column, const std::optional<std::string>& value,
                       SqlDialect dialect) {
  if (!value) return;
  if (value->empty()) where.add("(" + column + " IS NULL OR " + column + " = '')");
  else matchText(where, column, *value, dialect);
}

}  // namespace

SqlCondition userSelection(const tenant::UserSelection& sel, SqlDialect dialect) {
  const UserQuery& q = sel.query;
  bool sqlite = dialect == SqlDialect::Sqlite;
  SqlCondition where;
  // Unary + keeps SQLite off the users_deleted index for active users: nearly every user matches
  // it, and reading by it would sort the whole table again for each page ordered by UPN.
  if (q.deleted) where.add("u.deleted_on IS NOT NULL AND u.deleted_on > ?", {sel.deletedAfter});
  else where.add(sqlite ? "+u.deleted_on IS NULL" : "u.deleted_on IS NULL");
  if (!q.identity.empty()) {  // exact, wildcards or not
    const char* column = tenant::isGuid(q.identity) ? (sqlite ? "u.id = ?" : "fold(u.id) = fold(?)")
                                                    : (sqlite ? "u.upn = ?" : "fold(u.upn) = fold(?)");
    where.add(column, {q.identity});
  }
  matchOptionalText(where, "u.department", q.department, dialect);
  matchOptionalText(where, "u.usage_location", q.usageLocation, dialect);
  matchText(where, "u.user_type", q.userType, dialect);
  const char* holds = "EXISTS (SELECT 1 FROM assignments a WHERE a.user_pk = u.pk AND a.state = 'Active')";
  if (q.licensed) where.add(holds);
  if (q.unlicensed) where.add(std::string("NOT ") + holds);
  if (sel.productPk)
    where.add("EXISTS (SELECT 1 FROM assignments a WHERE a.user_pk = u.pk AND a.product_pk = ? AND a.state = 'Active')",
              {*sel.productPk});
  if (q.pushed) {
    SqlCondition pushed = compileFilter(*q.pushed, dialect);
    where.add("(" + pushed.sql + ")", pushed.params);
  }
  if (sel.filter) {
    SqlCondition f = compileFilter(*sel.filter, dialect);
    where.add("(" + f.sql + ")", f.params);
  }
  return where;
}

}  // namespace plush::store
