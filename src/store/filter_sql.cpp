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

const char* sqlOperator(CompareOp op) {
  switch (op) {
    case CompareOp::Eq: return "=";
    case CompareOp::Ne: return "IS NOT";
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
std::string nullable(std::string test, bool negated) { return negated ? "IFNULL(" + test + ", 0)" : test; }

SqlCondition comparison(const FilterNode& n, bool negated) {
  const FilterValue& v = n.values.front();
  std::string col = column(n.field);
  if (v.kind == FilterValue::Kind::Null) {
    if (n.compare == CompareOp::Eq) return leaf("(" + col + " IS NULL OR " + col + " = '')", {});
    if (n.compare == CompareOp::Ne) return leaf("(" + col + " IS NOT NULL AND " + col + " <> '')", {});
    return leaf("0", {});
  }
  return leaf(nullable(col + " " + sqlOperator(n.compare) + " ?", negated), {parameter(n.field, v)});
}

SqlCondition inList(const FilterNode& n, bool negated) {
  SqlCondition c{std::string(column(n.field)) + " IN (", {}};
  for (size_t i = 0; i < n.values.size(); ++i) {
    c.sql += i ? ",?" : "?";
    c.params.push_back(parameter(n.field, n.values[i]));
  }
  c.sql = nullable(c.sql + ")", negated);
  return c;
}

SqlCondition holdsProduct(const char* productColumn, const std::string& value) {
  return leaf(std::string("EXISTS (SELECT 1 FROM assignments a JOIN products p ON p.pk = a.product_pk "
                          "WHERE a.user_pk = u.pk AND a.state = 'Active' AND ") + productColumn + " = ?)",
              {value});
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

SqlCondition compile(const FilterNode& n, bool negated);

// A chain is written flat, `(a OR b OR c)`: nested parentheses per operand would overflow
// SQLite's parser stack at about 45 operands.
SqlCondition chain(const FilterNode& n, const char* op, bool negated) {
  std::vector<const FilterNode*> operands;
  chainOperands(n, n.op, operands);
  SqlCondition out{"(", {}};
  for (size_t i = 0; i < operands.size(); ++i) {
    SqlCondition c = compile(*operands[i], negated);
    out.sql += (i ? op : "") + c.sql;
    out.params.insert(out.params.end(), std::make_move_iterator(c.params.begin()),
                      std::make_move_iterator(c.params.end()));
  }
  out.sql += ")";
  return out;
}

SqlCondition compile(const FilterNode& n, bool negated) {
  switch (n.op) {
    case FilterOp::And: return chain(n, " AND ", negated);
    case FilterOp::Or: return chain(n, " OR ", negated);
    case FilterOp::Not: {
      SqlCondition inner = compile(n.children[0], !negated);
      inner.sql = "NOT (" + inner.sql + ")";
      return inner;
    }
    case FilterOp::Compare: return comparison(n, negated);
    case FilterOp::In: return inList(n, negated);
    case FilterOp::StartsWith:
    case FilterOp::EndsWith: {
      // A prefix LIKE on a NOCASE column is searched as a range of its index (SQLite's LIKE
      // optimisation); LIKE and NOCASE both fold ASCII case only, so they agree.
      bool starts = n.op == FilterOp::StartsWith;
      return leaf(nullable(std::string(column(n.field)) + " LIKE ? ESCAPE '\\'", negated),
                  {likePattern(n.values.front().text, starts, !starts)});
    }
    case FilterOp::HasSkuId: return holdsProduct("p.sku_id", n.values.front().text);
    case FilterOp::HasSkuPartNumber: return holdsProduct("p.sku_part_number", n.values.front().text);
    case FilterOp::HasAnyLicense:
      return leaf("EXISTS (SELECT 1 FROM assignments a WHERE a.user_pk = u.pk AND a.state = 'Active')", {});
  }
  return leaf("0", {});
}

}  // namespace

SqlCondition compileFilter(const FilterNode& n) { return compile(n, false); }

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
