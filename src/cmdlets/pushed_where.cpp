// Where-Object's test handed to Get-User by the pipeline: the part of it the store's query applies exactly.
//
// The block still runs on every user the query returns, so the query may return more than the block
// passes, never less. What goes into the query must give the block's own answer for every row:
//   - text compares as plush's -eq, -lt and -like do: ASCII letters fold, nothing else does (Lua's
//     string.lower), and order is byte order (Lua's < is strcoll, "C" here). SQLite's NOCASE and LIKE,
//     and PostgreSQL's fold() on COLLATE "C" columns, do the same. So 'ÄRZTE' -eq 'ärzte' is false in
//     the block and in the query alike. Checked at run time: a locale that folds or orders otherwise
//     pushes nothing.
//   - an empty Department or UsageLocation is no property at all ($null): `-eq $null` is NULL or ''.
//     $null sorts first, so -lt and -le also pass users without one.
//   - a constant is text written in the block, $null, $true or $false; a variable's value or a number
//     (converted to the property's type at run time) is not pushed.
//   - State (made from the deletion time), LastSignIn (the PowerShell dialect compares it as a time),
//     Licenses (a list: -eq on a list filters it) and names the object does not have are not columns.
//   - -like with * only: ? is one byte to plush and one character to SQL; [..] and ` have no LIKE form.
// -and keeps the parts it can push (the query then reads more and the block decides); -or and -not
// need every part pushed exactly, or nothing of them is.
#include "cmdlets/pushed_where.h"

#include <cctype>
#include <clocale>
#include <cstring>
#include <vector>

#include "tenant/text.h"

namespace plush::cmdlets {

namespace {

using tenant::CompareOp;
using tenant::FilterNode;
using tenant::FilterOp;
using tenant::FilterValue;

enum class Shape { Text, OptionalText, Flag };

struct Column {
  const char* property;
  const char* field;  // -Filter's name for it (store/filter_sql.cpp)
  Shape shape;
};

const Column kUserColumns[] = {
    {"Id", "id", Shape::Text},
    {"UserPrincipalName", "userPrincipalName", Shape::Text},
    {"DisplayName", "displayName", Shape::Text},
    {"UserType", "userType", Shape::Text},
    {"Department", "department", Shape::OptionalText},
    {"UsageLocation", "usageLocation", Shape::OptionalText},
    {"AccountEnabled", "accountEnabled", Shape::Flag},
};

const Column* userColumn(const std::string& property) {
  for (const Column& c : kUserColumns)
    if (tenant::iequals(property, c.property)) return &c;
  return nullptr;
}

// Lua's string.lower folds only ASCII letters and Lua's < orders bytes: true in the locales plush
// runs in, checked rather than assumed.
bool textComparesAsTheStore() {
  for (int c = 0x80; c <= 0xff; ++c)
    if (std::tolower(c) != c) return false;
  const char* collate = std::setlocale(LC_COLLATE, nullptr);
  return collate && (std::strcmp(collate, "C") == 0 || std::strcmp(collate, "POSIX") == 0);
}

enum class Fit { None, Exact, Superset };

struct Part {
  Fit fit = Fit::None;
  FilterNode node;
  std::string text;       // the test as the block writes it
  bool compound = false;  // -and or -or of parts: parenthesised inside another
};

struct Comparison {
  std::string op, property;
  enum class Value { Text, Null, True, False } value = Value::Null;
  std::string text;
};

std::string quoted(const std::string& text) {
  std::string out = "'";
  for (char c : text) out += c == '\'' ? std::string("''") : std::string(1, c);
  return out + "'";
}

std::string written(const Comparison& c) {
  std::string value = c.value == Comparison::Value::Text ? quoted(c.text)
                      : c.value == Comparison::Value::Null ? "$null"
                      : c.value == Comparison::Value::True ? "$true" : "$false";
  return "$_." + c.property + " -" + c.op + " " + value;
}

FilterNode compare(const char* field, CompareOp op, FilterValue value) {
  FilterNode n;
  n.op = FilterOp::Compare;
  n.field = field;
  n.compare = op;
  n.values.push_back(std::move(value));
  return n;
}

// -Filter's trees are binary, chains left-deep (store/filter_sql.cpp reads them so).
FilterNode joined(FilterOp op, std::vector<FilterNode> children) {
  if (op == FilterOp::Not) {
    FilterNode n;
    n.op = op;
    n.children = std::move(children);
    return n;
  }
  FilterNode n = std::move(children.front());
  for (size_t i = 1; i < children.size(); ++i) {
    FilterNode outer;
    outer.op = op;
    outer.children.push_back(std::move(n));
    outer.children.push_back(std::move(children[i]));
    n = std::move(outer);
  }
  return n;
}

FilterValue text(const std::string& s) { return FilterValue{FilterValue::Kind::String, s, false}; }
FilterValue null() { return FilterValue{FilterValue::Kind::Null, "", false}; }

struct Reader {
  bool textOk = textComparesAsTheStore();
  std::string left;  // the first comparison not pushed, and why

  Part refuse(const std::string& what, const std::string& why) {
    if (left.empty()) left = what + " (" + why + ")";
    return {};
  }

  Part comparison(const Comparison& c) {
    std::string what = written(c);
    const Column* column = userColumn(c.property);
    if (!column) return refuse(what, c.property + " is not a column of the store's users");
    Part p;
    p.fit = Fit::Exact;
    p.text = what;
    bool flagValue = c.value == Comparison::Value::True || c.value == Comparison::Value::False;
    if (column->shape == Shape::Flag) {
      if (!flagValue || (c.op != "eq" && c.op != "ne")) return refuse(what, "a flag is pushed as -eq or -ne $true or $false");
      FilterValue v{FilterValue::Kind::Bool, "", c.value == Comparison::Value::True};
      p.node = compare(column->field, c.op == "eq" ? CompareOp::Eq : CompareOp::Ne, v);
      return p;
    }
    if (flagValue) return refuse(what, "text compared with $true or $false");
    bool optional = column->shape == Shape::OptionalText;
    if (c.value == Comparison::Value::Null) {
      if (!optional || (c.op != "eq" && c.op != "ne")) return refuse(what, "pushed only as -eq or -ne $null on a property that may be empty");
      p.node = compare(column->field, c.op == "eq" ? CompareOp::Eq : CompareOp::Ne, null());
      return p;
    }
    if (!textOk) return refuse(what, "this locale folds or orders text otherwise than the store");
    // '' is no property on the object: only $null finds those users.
    if (optional && c.text.empty()) return refuse(what, "an empty constant");
    if (c.op == "like" || c.op == "notlike") {
      if (c.text.find_first_of("?[]`") != std::string::npos) return refuse(what, "a wildcard with ? [ ] or ` is not pushed");
      if (optional && c.text.find_first_not_of('*') == std::string::npos)
        return refuse(what, "a wildcard that matches an empty property");
      FilterNode like;
      like.op = FilterOp::Like;
      like.field = column->field;
      like.values.push_back(text(c.text));
      p.node = c.op == "like" ? like : joined(FilterOp::Not, {like});
      return p;
    }
    static const std::pair<const char*, CompareOp> ops[] = {{"eq", CompareOp::Eq}, {"ne", CompareOp::Ne}, {"gt", CompareOp::Gt},
                                                            {"ge", CompareOp::Ge}, {"lt", CompareOp::Lt}, {"le", CompareOp::Le}};
    for (const auto& [name, op] : ops) {
      if (c.op != name) continue;
      p.node = compare(column->field, op, text(c.text));
      if (optional && (op == CompareOp::Lt || op == CompareOp::Le))
        p.node = joined(FilterOp::Or, {compare(column->field, CompareOp::Eq, null()), p.node});
      return p;
    }
    return refuse(what, "-" + c.op + " is not pushed");
  }

  static std::string field(lua_State* L, int t, const char* name) {
    lua_getfield(L, t, name);
    std::string out = lua_type(L, -1) == LUA_TSTRING ? lua_tostring(L, -1) : "";
    lua_pop(L, 1);
    return out;
  }

  Comparison readComparison(lua_State* L, int t) {
    Comparison c;
    c.op = field(L, t, "o");
    c.property = field(L, t, "p");
    lua_getfield(L, t, "v");
    if (lua_type(L, -1) == LUA_TSTRING) {
      c.value = Comparison::Value::Text;
      c.text = lua_tostring(L, -1);
    } else if (lua_type(L, -1) == LUA_TBOOLEAN) {
      c.value = lua_toboolean(L, -1) ? Comparison::Value::True : Comparison::Value::False;
    }
    lua_pop(L, 1);
    return c;
  }

  std::vector<Part> operands(lua_State* L, int t) {
    std::vector<Part> out;
    for (lua_Integer i = 1; lua_rawgeti(L, t, i) == LUA_TTABLE; ++i) {
      out.push_back(read(L, lua_gettop(L)));
      lua_pop(L, 1);
    }
    lua_pop(L, 1);
    return out;
  }

  static std::string grouped(const Part& p) { return p.compound ? "(" + p.text + ")" : p.text; }

  Part both(std::vector<Part> parts) {
    Part out;
    std::vector<FilterNode> children;
    bool all = true;
    for (Part& p : parts) {
      if (p.fit == Fit::None) {
        all = false;
        continue;
      }
      all = all && p.fit == Fit::Exact;
      out.text += (out.text.empty() ? "" : " -and ") + grouped(p);
      children.push_back(std::move(p.node));
    }
    if (children.empty()) return out;
    out.fit = all ? Fit::Exact : Fit::Superset;
    out.compound = children.size() > 1;
    out.node = joined(FilterOp::And, std::move(children));
    return out;
  }

  Part either(std::vector<Part> parts) {
    Part out;
    std::vector<FilterNode> children;
    Fit fit = Fit::Exact;
    for (Part& p : parts) {
      if (p.fit == Fit::None) return {};  // a row the missing part passes could be any row
      if (p.fit == Fit::Superset) fit = Fit::Superset;
      out.text += (out.text.empty() ? "" : " -or ") + grouped(p);
      children.push_back(std::move(p.node));
    }
    if (children.empty()) return {};
    out.fit = fit;
    out.compound = true;
    out.node = joined(FilterOp::Or, std::move(children));
    return out;
  }

  Part read(lua_State* L, int t) {
    std::string op = field(L, t, "o");
    if (op == "and") return both(operands(L, t));
    if (op == "or") return either(operands(L, t));
    if (op == "not") {
      std::vector<Part> inner = operands(L, t);
      // The complement of a part that reads more than the block passes would read less.
      if (inner.size() != 1 || inner[0].fit != Fit::Exact) return {};
      Part out;
      out.fit = Fit::Exact;
      out.text = "-not (" + inner[0].text + ")";
      out.node = joined(FilterOp::Not, {std::move(inner[0].node)});
      return out;
    }
    return comparison(readComparison(L, t));
  }
};

}  // namespace

PushedWhere pushedUserTest(lua_State* L, int index) {
  PushedWhere out;
  if (lua_type(L, index) != LUA_TTABLE) return out;
  Reader reader;
  Part part = reader.read(L, lua_absindex(L, index));
  out.left = reader.left;
  if (part.fit == Fit::None) return out;
  out.query = std::move(part.node);
  out.whole = part.fit == Fit::Exact;
  out.pushed = part.text;
  return out;
}

}  // namespace plush::cmdlets
