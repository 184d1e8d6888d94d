// Turns a parsed -Filter tree into a parameterised SQL condition over users u.
#include "store/filter_sql.h"

#include <map>

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
  if (field == "accountEnabled" && v.kind == FilterValue::Kind::Number) return int64_t{std::stoll(v.text)};
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

SqlCondition comparison(const FilterNode& n) {
  const FilterValue& v = n.values.front();
  std::string col = column(n.field);
  if (v.kind == FilterValue::Kind::Null) {
    if (n.compare == CompareOp::Eq) return leaf("(" + col + " IS NULL OR " + col + " = '')", {});
    if (n.compare == CompareOp::Ne) return leaf("(" + col + " IS NOT NULL AND " + col + " <> '')", {});
    return leaf("0", {});
  }
  return leaf("IFNULL(" + col + " " + sqlOperator(n.compare) + " ?, 0)", {parameter(n.field, v)});
}

SqlCondition inList(const FilterNode& n) {
  SqlCondition c{"IFNULL(" + std::string(column(n.field)) + " IN (", {}};
  for (size_t i = 0; i < n.values.size(); ++i) {
    c.sql += i ? ",?" : "?";
    c.params.push_back(parameter(n.field, n.values[i]));
  }
  c.sql += "), 0)";
  return c;
}

SqlCondition holdsProduct(const char* productColumn, const std::string& value) {
  return leaf(std::string("EXISTS (SELECT 1 FROM assignments a JOIN products p ON p.pk = a.product_pk "
                          "WHERE a.user_pk = u.pk AND a.state = 'Active' AND ") + productColumn + " = ?)",
              {value});
}

SqlCondition both(const char* op, SqlCondition a, const SqlCondition& b) {
  a.sql = "(" + a.sql + " " + op + " " + b.sql + ")";
  a.params.insert(a.params.end(), b.params.begin(), b.params.end());
  return a;
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

SqlCondition compileFilter(const FilterNode& n) {
  switch (n.op) {
    case FilterOp::And: return both("AND", compileFilter(n.children[0]), compileFilter(n.children[1]));
    case FilterOp::Or: return both("OR", compileFilter(n.children[0]), compileFilter(n.children[1]));
    case FilterOp::Not: {
      SqlCondition inner = compileFilter(n.children[0]);
      inner.sql = "NOT (" + inner.sql + ")";
      return inner;
    }
    case FilterOp::Compare: return comparison(n);
    case FilterOp::In: return inList(n);
    case FilterOp::StartsWith:
    case FilterOp::EndsWith: {
      bool starts = n.op == FilterOp::StartsWith;
      return leaf("IFNULL(" + std::string(column(n.field)) + " LIKE ? ESCAPE '\\', 0)",
                  {likePattern(n.values.front().text, starts, !starts)});
    }
    case FilterOp::HasSkuId: return holdsProduct("p.sku_id", n.values.front().text);
    case FilterOp::HasSkuPartNumber: return holdsProduct("p.sku_part_number", n.values.front().text);
  }
  return leaf("0", {});
}

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
