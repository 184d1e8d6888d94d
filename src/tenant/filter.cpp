// Parser for the OData filter subset: comparisons, and/or/not, startswith/endswith, in, licenses.
#include "tenant/filter.h"

#include <cctype>
#include <map>

#include "tenant/errors.h"
#include "tenant/text.h"

namespace plush::tenant {
namespace {

// Limits no admin's filter meets, well inside what SQLite's parser takes (its stack holds about
// 45 nested parentheses; our SQL adds a few of its own).
constexpr int kMaxNesting = 32;        // parentheses and `not`s around a condition
constexpr int kMaxConditions = 500;    // comparisons and functions
constexpr size_t kMaxValues = 10000;   // values in all `in (...)` lists together

struct Token {
  enum class Kind { Word, String, LParen, RParen, Comma, Colon, End } kind;
  std::string text;
  size_t pos;  // 1-based
};

bool isWordChar(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '.' || c == '/' || c == '$' ||
         c == '-' || c == '+';
}

const std::map<std::string, std::string>& fieldNames() {
  static const std::map<std::string, std::string> names = {
      {"id", "id"}, {"userprincipalname", "userPrincipalName"}, {"mail", "userPrincipalName"},
      {"displayname", "displayName"}, {"department", "department"}, {"usagelocation", "usageLocation"},
      {"usertype", "userType"}, {"accountenabled", "accountEnabled"}, {"lastsignin", "lastSignIn"},
      {"lastsignindatetime", "lastSignIn"}, {"signinactivity/lastsignindatetime", "lastSignIn"}};
  return names;
}

class Parser {
 public:
  explicit Parser(const std::string& text) : text_(text) { tokenize(); }

  FilterNode parse() {
    if (tokens_.front().kind == Token::Kind::End) failAt(1, "the filter is empty");
    FilterNode n = orExpr();
    if (peek().kind != Token::Kind::End) failAt(peek().pos, "unexpected '" + peek().text + "'");
    return n;
  }

 private:
  [[noreturn]] void failAt(size_t pos, const std::string& what) {
    fail("InvalidFilter", category::InvalidArgument, text_,
         "Invalid filter at position " + std::to_string(pos) + ": " + what + ".",
         "Get-User -Filter \"department eq 'Sales' and startswith(displayName,'A')\"");
  }

  void tokenize() {
    size_t i = 0;
    while (i < text_.size()) {
      char c = text_[i];
      if (std::isspace(static_cast<unsigned char>(c))) { ++i; continue; }
      size_t start = i;
      if (c == '\'') { tokens_.push_back({Token::Kind::String, quoted(i), start + 1}); continue; }
      if (c == '(') tokens_.push_back({Token::Kind::LParen, "(", start + 1});
      else if (c == ')') tokens_.push_back({Token::Kind::RParen, ")", start + 1});
      else if (c == ',') tokens_.push_back({Token::Kind::Comma, ",", start + 1});
      else if (c == ':') tokens_.push_back({Token::Kind::Colon, ":", start + 1});
      else if (isWordChar(c)) { tokens_.push_back({Token::Kind::Word, word(i), start + 1}); continue; }
      else failAt(start + 1, std::string("unexpected character '") + c + "'");
      ++i;
    }
    tokens_.push_back({Token::Kind::End, "end of filter", text_.size() + 1});
  }

  std::string quoted(size_t& i) {
    size_t start = i++;
    std::string out;
    while (i < text_.size()) {
      if (text_[i] == '\'') {
        if (i + 1 < text_.size() && text_[i + 1] == '\'') { out += '\''; i += 2; continue; }
        ++i;
        return out;
      }
      out += text_[i++];
    }
    failAt(start + 1, "unterminated string");
  }

  // A word starting with a digit may hold ':' so that date-times need no quotes.
  std::string word(size_t& i) {
    bool numeric = std::isdigit(static_cast<unsigned char>(text_[i]));
    size_t start = i;
    while (i < text_.size() && (isWordChar(text_[i]) || (numeric && text_[i] == ':'))) ++i;
    return text_.substr(start, i - start);
  }

  const Token& peek() const { return tokens_[at_]; }
  Token next() { return tokens_[at_ < tokens_.size() - 1 ? at_++ : at_]; }
  bool peekWord(const char* w) const { return peek().kind == Token::Kind::Word && iequals(peek().text, w); }

  void expect(Token::Kind kind, const char* what) {
    if (peek().kind != kind) failAt(peek().pos, std::string("expected ") + what + " but found '" + peek().text + "'");
    next();
  }

  FilterNode combine(FilterOp op, FilterNode left, FilterNode right) {
    FilterNode n;
    n.op = op;
    n.children.push_back(std::move(left));
    n.children.push_back(std::move(right));
    return n;
  }

  FilterNode orExpr() {
    FilterNode left = andExpr();
    while (peekWord("or")) { next(); left = combine(FilterOp::Or, std::move(left), andExpr()); }
    return left;
  }

  FilterNode andExpr() {
    FilterNode left = unary();
    while (peekWord("and")) { next(); left = combine(FilterOp::And, std::move(left), unary()); }
    return left;
  }

  // Recursion goes one level deeper per `(` and `not`: bounded before it can exhaust the stack.
  void deeper(const Token& at) {
    if (++nesting_ > kMaxNesting)
      failAt(at.pos, "the filter is too complex: it nests deeper than " + std::to_string(kMaxNesting) +
                         " levels of parentheses and not");
  }

  FilterNode unary() {
    if (!peekWord("not")) return primary();
    deeper(peek());
    next();
    FilterNode n;
    n.op = FilterOp::Not;
    n.children.push_back(unary());
    --nesting_;
    return n;
  }

  FilterNode primary() {
    if (peek().kind == Token::Kind::LParen) {
      deeper(peek());
      next();
      FilterNode n = orExpr();
      expect(Token::Kind::RParen, "')'");
      --nesting_;
      return n;
    }
    if (peek().kind != Token::Kind::Word) failAt(peek().pos, "expected a property name but found '" + peek().text + "'");
    if (++conditions_ > kMaxConditions)
      failAt(peek().pos, "the filter is too complex: it holds more than " + std::to_string(kMaxConditions) +
                             " conditions (split it, or use in (...))");
    if (peekWord("startswith") || peekWord("endswith")) return stringFunction();
    if (peekWord("assignedLicenses/any")) return anyLicense();
    return comparison();
  }

  std::string fieldName(const Token& t) {
    auto it = fieldNames().find(lower(t.text));
    if (it == fieldNames().end())
      failAt(t.pos, "unknown property '" + t.text +
                        "' (known: id, userPrincipalName, displayName, department, usageLocation, "
                        "userType, accountEnabled, lastSignIn, skuPartNumber, assignedLicenses)");
    return it->second;
  }

  FilterValue value() {
    if (++values_ > kMaxValues)
      failAt(peek().pos, "the filter is too complex: it holds more than " + std::to_string(kMaxValues) + " values");
    Token t = next();
    FilterValue v;
    if (t.kind == Token::Kind::String) { v.kind = FilterValue::Kind::String; v.text = t.text; return v; }
    if (t.kind != Token::Kind::Word) failAt(t.pos, "expected a value but found '" + t.text + "'");
    if (iequals(t.text, "null")) return v;
    if (iequals(t.text, "true") || iequals(t.text, "false")) {
      v.kind = FilterValue::Kind::Bool;
      v.flag = iequals(t.text, "true");
      return v;
    }
    if (isGuid(t.text) || std::isdigit(static_cast<unsigned char>(t.text[0]))) {
      v.kind = isGuid(t.text) || t.text.find_first_not_of("0123456789.-") != std::string::npos
                   ? FilterValue::Kind::String : FilterValue::Kind::Number;
      v.text = t.text;
      return v;
    }
    failAt(t.pos, "expected a value ('text', true, false, null, a number, a date or a GUID) but found '" + t.text + "'");
  }

  FilterNode stringFunction() {
    Token fn = next();
    expect(Token::Kind::LParen, "'('");
    FilterNode n;
    n.op = iequals(fn.text, "startswith") ? FilterOp::StartsWith : FilterOp::EndsWith;
    n.field = fieldName(next());
    expect(Token::Kind::Comma, "','");
    size_t pos = peek().pos;
    n.values.push_back(value());
    if (n.values.back().kind != FilterValue::Kind::String) failAt(pos, "expected a quoted string");
    expect(Token::Kind::RParen, "')'");
    return n;
  }

  // assignedLicenses/any(x:x/skuId eq GUID), or assignedLicenses/any(): holds any license
  FilterNode anyLicense() {
    next();
    expect(Token::Kind::LParen, "'('");
    if (peek().kind == Token::Kind::RParen) {
      next();
      FilterNode n;
      n.op = FilterOp::HasAnyLicense;
      return n;
    }
    Token var = next();
    if (var.kind != Token::Kind::Word) failAt(var.pos, "expected a variable name such as x");
    expect(Token::Kind::Colon, "':'");
    Token prop = next();
    if (prop.kind != Token::Kind::Word || !iequals(prop.text, var.text + "/skuId"))
      failAt(prop.pos, "expected " + var.text + "/skuId");
    if (!peekWord("eq")) failAt(peek().pos, "expected eq");
    next();
    size_t pos = peek().pos;
    FilterNode n;
    n.op = FilterOp::HasSkuId;
    n.values.push_back(value());
    if (!isGuid(n.values.back().text)) failAt(pos, "expected a skuId GUID");
    expect(Token::Kind::RParen, "')'");
    return n;
  }

  CompareOp compareOp() {
    static const std::map<std::string, CompareOp> ops = {{"eq", CompareOp::Eq}, {"ne", CompareOp::Ne},
        {"gt", CompareOp::Gt}, {"ge", CompareOp::Ge}, {"lt", CompareOp::Lt}, {"le", CompareOp::Le}};
    Token t = next();
    auto it = ops.find(lower(t.text));
    if (t.kind != Token::Kind::Word || it == ops.end())
      failAt(t.pos, "expected an operator (eq ne gt ge lt le in) but found '" + t.text + "'");
    return it->second;
  }

  FilterNode comparison() {
    Token name = next();
    FilterNode n;
    if (iequals(name.text, "skuPartNumber")) return skuPartNumber(name);
    n.field = fieldName(name);
    if (peekWord("in")) return inList(std::move(n));
    n.compare = compareOp();
    n.values.push_back(value());
    return n;
  }

  FilterNode skuPartNumber(const Token& name) {
    FilterNode n;
    n.op = FilterOp::HasSkuPartNumber;
    if (!peekWord("eq")) failAt(peek().pos, "skuPartNumber takes only eq");
    next();
    size_t pos = peek().pos;
    n.values.push_back(value());
    if (n.values.back().kind != FilterValue::Kind::String) failAt(pos, "expected a quoted SkuPartNumber");
    return n;
  }

  FilterNode inList(FilterNode n) {
    next();
    n.op = FilterOp::In;
    expect(Token::Kind::LParen, "'('");
    n.values.push_back(value());
    while (peek().kind == Token::Kind::Comma) { next(); n.values.push_back(value()); }
    expect(Token::Kind::RParen, "')'");
    return n;
  }

  const std::string& text_;
  std::vector<Token> tokens_;
  size_t at_ = 0;
  int nesting_ = 0;
  int conditions_ = 0;
  size_t values_ = 0;
};

}  // namespace

FilterNode parseFilter(const std::string& text) { return Parser(text).parse(); }

}  // namespace plush::tenant
