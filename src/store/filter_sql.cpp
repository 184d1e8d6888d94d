// Turns a parsed -Filter tree into a parameterised SQL condition over users u.
#include "store/filter_sql.h"

#include <iterator>
#include <map>
#include <vector>

#include "tenant/clock.h"
#include "tenant/errors.h"

namespace plush::store {
namespace {

using tenant::CompareOp;
using tenant::FilterNode;
using tenant::FilterOp;
using tenant::FilterValue;

const char* column(const std::string& field) {
  static const std::map<std::string, const char*> columns = {
      {"id", "u.id"}, {"userPrincipalName", "u.upn"}, {"displayName", "u.display_name"},
      {"department", "u.department"}, {"usageLocation", "u.usage_location"}, {"userType", "u.user_type"},
      {"accountEnabled", "u.account_enabled"}, {"lastSignIn", "u.last_sign_in"}};
  return columns.at(field);
}

// The text columns the SQLite schema declares NOCASE.
bool caseless(const std::string& field) { return field != "accountEnabled" && field != "lastSignIn"; }

// How one side of a comparison is written: PostgreSQL folds case explicitly where SQLite's column does.
struct Operands {
  bool fold;
  std::string column(const std::string& sql) const { return fold ? "fold(" + sql + ")" : sql; }
  std::string value() const { return fold ? "fold(?)" : "?"; }
};

Operands operands(SqlDialect dialect, bool nocase) { return Operands{dialect == SqlDialect::Postgres && nocase}; }

const char* sqlOperator(CompareOp op) {
  switch (op) {
    case CompareOp::Eq: return "=";
    case CompareOp::Ne: return "IS DISTINCT FROM";
    case CompareOp::Gt: return ">";
    case CompareOp::Ge: return ">=";
    case CompareOp::Lt: return "<";
    case CompareOp::Le: return "<=";
  }
  return "=";
}

// Dates are stored normalised, so a date literal is normalised the same way before comparing.
SqlParam parameter(const std::string& field, const FilterValue& v) {
  if (v.kind == FilterValue::Kind::Bool) return int64_t{v.flag ? 1 : 0};
  if (field == "accountEnabled" && v.kind == FilterValue::Kind::Number && (v.text == "0" || v.text == "1"))
    return int64_t{v.text == "1"};
  if (field == "lastSignIn") {
    try {
      return tenant::normalizeInstant(v.text);
    } catch (const tenant::TenantError&) {
    }
  }
  if (field == "accountEnabled")
    tenant::fail("InvalidFilter", tenant::category::InvalidArgument, v.text,
                 "Invalid filter: accountEnabled compares with true or false, not '" + v.text + "'.");
  return v.text;
}

SqlCondition leaf(std::string sql, std::vector<SqlParam> params) { return SqlCondition{std::move(sql), std::move(params)}; }

// A test on a column that may be NULL. Outside negation NULL already rejects the row just as
// false does, so the bare test is kept: only then can SQLite search the column's index. Under an
// odd number of `not`s NULL must become false first, or `not (department eq 'X')` would drop the
// users who have no department.
std::string nullable(std::string test, bool negated) { return negated ? "COALESCE(" + test + ", FALSE)" : test; }

SqlCondition comparison(const FilterNode& n, bool negated, SqlDialect dialect) {
  const FilterValue& v = n.values.front();
  std::string col = column(n.field);
  if (v.kind == FilterValue::Kind::Null) {
    if (n.compare == CompareOp::Eq) return leaf("(" + col + " IS NULL OR " + col + " = '')", {});
    if (n.compare == CompareOp::Ne) return leaf("(" + col + " IS NOT NULL AND " + col + " <> '')", {});
    return leaf("FALSE", {});
  }
  Operands side = operands(dialect, caseless(n.field));
  return leaf(nullable(side.column(col) + " " + sqlOperator(n.compare) + " " + side.value(), negated),
              {parameter(n.field, v)});
}

SqlCondition inList(const FilterNode& n, bool negated, SqlDialect dialect) {
  Operands side = operands(dialect, caseless(n.field));
  SqlCondition c{side.column(column(n.field)) + " IN (", {}};
  for (size_t i = 0; i < n.values.size(); ++i) {
    c.sql += (i ? "," : "") + side.value();
    c.params.push_back(parameter(n.field, n.values[i]));
  }
  c.sql = nullable(c.sql + ")", negated);
  return c;
}

SqlCondition holdsProduct(const char* productColumn, const std::string& value, SqlDialect dialect) {
  Operands side = operands(dialect, true);
  return leaf(std::string("EXISTS (SELECT 1 FROM assignments a JOIN products p ON p.pk = a.product_pk "
                          "WHERE a.user_pk = u.pk AND a.state = 'Active' AND ") + side.column(productColumn) +
                  " = " + side.value() + ")",
              {value});
}

// A wildcard of * only, as LIKE: both fold ASCII case only (SQLite's LIKE; fold() on PostgreSQL, whose
// LIKE keeps case), and * and % both match any run of characters.
SqlCondition like(const FilterNode& n, bool negated, SqlDialect dialect) {
  Operands side = operands(dialect, true);
  return leaf(nullable(side.column(column(n.field)) + " LIKE " + side.value() + " ESCAPE '\\'", negated),
              {wildcardToLike(n.values.front().text)});
}

// The operands of a chain `a or b or c` (left-deep in the tree), in order.
void chainOperands(const FilterNode& n, FilterOp op, std::vector<const FilterNode*>& out) {
  if (n.op != op) {
    out.push_back(&n);
    return;
  }
  chainOperands(n.children[0], op, out);
  chainOperands(n.children[1], op, out);
}

}  // namespace

std::string likePattern(const std::string& text, bool prefix, bool suffix) {
  std::string out = suffix ? "%" : "";
  for (char c : text) {
    if (c == '%' || c == '_' || c == '\\') out += '\\';
    out += c;
  }
  return out + (prefix ? "%" : "");
}

std::string wildcardToLike(const std::string& pattern) {
  std::string out;
  for (char c : pattern) {
    if (c == '*') out += '%';
    else if (c == '?') out += '_';
    else {
      if (c == '%' || c == '_' || c == '\\') out += '\\';
      out += c;
    }
  }
  return out;
}

namespace {

SqlCondition compile(const FilterNode& n, bool negated, SqlDialect d);

// A chain is written flat, `(a OR b OR c)`: nested parentheses per operand would overflow
// SQLite's parser stack at about 45 operands.
SqlCondition chain(const FilterNode& n, const char* op, bool negated, SqlDialect d) {
  std::vector<const FilterNode*> operands;
  chainOperands(n, n.op, operands);
  SqlCondition out{"(", {}};
  for (size_t i = 0; i < operands.size(); ++i) {
    SqlCondition c = compile(*operands[i], negated, d);
    out.sql += (i ? op : "") + c.sql;
    out.params.insert(out.params.end(), std::make_move_iterator(c.params.begin()),
                      std::make_move_iterator(c.params.end()));
  }
  out.sql += ")";
  return out;
}

SqlCondition compile(const FilterNode& n, bool negated, SqlDialect d) {
  switch (n.op) {
    case FilterOp::And: return chain(n, " AND ", negated, d);
    case FilterOp::Or: return chain(n, " OR ", negated, d);
    case FilterOp::Not: {
      SqlCondition inner = compile(n.children[0], !negated, d);
      inner.sql = "NOT (" + inner.sql + ")";
      return inner;
    }
    case FilterOp::Compare: return comparison(n, negated, d);
    case FilterOp::In: return inList(n, negated, d);
    case FilterOp::Like: return like(n, negated, d);
    case FilterOp::StartsWith:
    case FilterOp::EndsWith: {
      // A prefix LIKE on a NOCASE column is searched as a range of its index (SQLite's LIKE
      // optimisation); LIKE and NOCASE both fold ASCII case only, so they agree. PostgreSQL's LIKE
      // keeps case, so both sides are folded (every text column, as SQLite's LIKE folds them all).
      bool starts = n.op == FilterOp::StartsWith;
      Operands side = operands(d, true);
      std::string col = column(n.field);
      if (d == SqlDialect::Postgres && n.field == "accountEnabled") col = "CAST(" + col + " AS text)";
      return leaf(nullable(side.column(col) + " LIKE " + side.value() + " ESCAPE '\\'", negated),
                  {likePattern(n.values.front().text, starts, !starts)});
    }
    case FilterOp::HasSkuId: return holdsProduct("p.sku_id", n.values.front().text, d);
    case FilterOp::HasSkuPartNumber: return holdsProduct("p.sku_part_number", n.values.front().text, d);
    case FilterOp::HasAnyLicense:
      return leaf("EXISTS (SELECT 1 FROM assignments a WHERE a.user_pk = u.pk AND a.state = 'Active')", {});
  }
  return leaf("FALSE", {});
}

}  // namespace

SqlCondition compileFilter(const FilterNode& n, SqlDialect dialect) { return compile(n, false, dialect); }

void bindAll(Statement& s, const std::vector<SqlParam>& params, int first) {
  int i = first;
  for (const SqlParam& p : params) {
    if (auto text = std::get_if<std::string>(&p)) s.bindText(i, *text);
    else if (auto number = std::get_if<int64_t>(&p)) s.bind(i, *number);
    else s.bindNull(i);
    ++i;
  }
}

}  // namespace plush::store
