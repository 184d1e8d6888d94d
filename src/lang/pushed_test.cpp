// A Where-Object block that only compares $_'s properties with constants: its operators, its Lua table, the Lua dialect's reading.
#include "lang/pushed_test.h"

#include "lang/command_words.h"
#include "lang/lua_literal.h"

namespace plush::lang {

std::string pushedOperator(std::string_view word) {
  std::string w = lowerAscii(word);
  if (w.size() > 2 && w[0] == 'i') w = w.substr(1);
  for (const char* op : {"eq", "ne", "gt", "ge", "lt", "le", "like", "notlike"})
    if (w == op) return w;
  return "";
}

std::string pushedTestLua(const PushedTest& t) {
  using Kind = PushedTest::Kind;
  if (t.kind == Kind::Compare) {
    std::string out = "{o=\"" + t.op + "\", p=" + luaQuote(t.property);
    switch (t.value) {
      case PushedTest::Value::Text: out += ", v=" + luaQuote(t.text); break;
      case PushedTest::Value::True: out += ", v=true"; break;
      case PushedTest::Value::False: out += ", v=false"; break;
      case PushedTest::Value::Null: break;
    }
    return out + "}";
  }
  std::string out = t.kind == Kind::And ? "{o=\"and\"" : t.kind == Kind::Or ? "{o=\"or\"" : "{o=\"not\"";
  for (const PushedTest& operand : t.operands) out += ", " + pushedTestLua(operand);
  return out + "}";
}

namespace {

bool isNameStart(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_'; }
bool isNameChar(char c) { return isNameStart(c) || (c >= '0' && c <= '9'); }

// A recursive reading of the Lua dialect's text. It accepts less than the translator does: only
// what it can say exactly how the translated block evaluates. -and and -or become Lua's and/or,
// whose precedence is not PowerShell's, so one level of a test holds only one of them (parentheses
// group); `-not` only before parentheses, where its operand cannot be read two ways.
class LuaBlockReader {
 public:
  explicit LuaBlockReader(std::string_view text) : s_(text) {}

  std::optional<PushedTest> whole() {
    auto t = test();
    blanks();
    if (!t || pos_ != s_.size()) return std::nullopt;
    return t;
  }

 private:
  std::string_view s_;
  size_t pos_ = 0;

  void blanks() {
    while (pos_ < s_.size() && (s_[pos_] == ' ' || s_[pos_] == '\t' || s_[pos_] == '\r' || s_[pos_] == '\n')) ++pos_;
  }

  // A word operator (-and, -eq, ...) here, its letters lower-cased; nothing moves when there is none.
  std::string operatorWord() {
    blanks();
    if (pos_ >= s_.size() || s_[pos_] != '-') return "";
    size_t end = pos_ + 1;
    while (end < s_.size() && ((s_[end] >= 'a' && s_[end] <= 'z') || (s_[end] >= 'A' && s_[end] <= 'Z'))) ++end;
    if (end == pos_ + 1 || (end < s_.size() && isNameChar(s_[end]))) return "";
    return lowerAscii(s_.substr(pos_ + 1, end - pos_ - 1));
  }

  void skipWord(const std::string& word) { pos_ += word.size() + 1; }

  std::optional<PushedTest> test() {
    auto first = clause();
    if (!first) return std::nullopt;
    std::string joint = operatorWord();
    if (joint != "and" && joint != "or") return first;
    PushedTest all;
    all.kind = joint == "and" ? PushedTest::Kind::And : PushedTest::Kind::Or;
    all.operands.push_back(std::move(*first));
    while (operatorWord() == joint) {
      skipWord(joint);
      auto next = clause();
      if (!next) return std::nullopt;
      all.operands.push_back(std::move(*next));
    }
    std::string after = operatorWord();
    if (after == "and" || after == "or") return std::nullopt;  // mixed without parentheses
    return all;
  }

  std::optional<PushedTest> parenthesized() {
    ++pos_;
    auto inner = test();
    blanks();
    if (!inner || pos_ >= s_.size() || s_[pos_] != ')') return std::nullopt;
    ++pos_;
    return inner;
  }

  std::optional<PushedTest> clause() {
    blanks();
    if (pos_ >= s_.size()) return std::nullopt;
    if (s_[pos_] == '(') return parenthesized();
    if (operatorWord() == "not") {
      skipWord("not");
      blanks();
      if (pos_ >= s_.size() || s_[pos_] != '(') return std::nullopt;
      auto inner = parenthesized();
      if (!inner) return std::nullopt;
      PushedTest negated;
      negated.kind = PushedTest::Kind::Not;
      negated.operands.push_back(std::move(*inner));
      return negated;
    }
    return comparison();
  }

  // `$_.Name` or `$PSItem.Name`; the name as written.
  std::optional<std::string> property() {
    for (std::string_view item : {"$_.", "$psitem."}) {
      if (s_.size() - pos_ >= item.size() && lowerAscii(s_.substr(pos_, item.size())) == item) {
        size_t begin = pos_ + item.size(), end = begin;
        if (end >= s_.size() || !isNameStart(s_[end])) return std::nullopt;
        while (end < s_.size() && isNameChar(s_[end])) ++end;
        pos_ = end;
        return std::string(s_.substr(begin, end - begin));
      }
    }
    return std::nullopt;
  }

  // A quoted string with nothing the translator would read specially (escapes, $, backticks, line
  // breaks), $null, $true or $false.
  bool constant(PushedTest& t) {
    blanks();
    if (pos_ >= s_.size()) return false;
    char quote = s_[pos_];
    if (quote == '\'' || quote == '"') {
      size_t end = s_.find(quote, pos_ + 1);
      if (end == std::string_view::npos) return false;
      std::string_view text = s_.substr(pos_ + 1, end - pos_ - 1);
      if (text.find_first_of("\\`$\r\n") != std::string_view::npos) return false;
      if (end + 1 < s_.size() && s_[end + 1] == quote) return false;  // '' inside
      t.value = PushedTest::Value::Text;
      t.text = std::string(text);
      pos_ = end + 1;
      return true;
    }
    if (s_[pos_] != '$') return false;
    size_t end = pos_ + 1;
    while (end < s_.size() && isNameChar(s_[end])) ++end;
    std::string name = lowerAscii(s_.substr(pos_ + 1, end - pos_ - 1));
    if (name == "null") t.value = PushedTest::Value::Null;
    else if (name == "true") t.value = PushedTest::Value::True;
    else if (name == "false") t.value = PushedTest::Value::False;
    else return false;  // a variable: its value is not known here
    pos_ = end;
    return true;
  }

  std::optional<PushedTest> comparison() {
    PushedTest t;
    auto name = property();
    if (!name) return std::nullopt;
    t.property = *name;
    std::string word = operatorWord();
    t.op = pushedOperator(word);
    if (t.op.empty() || pos_ == 0 || (s_[pos_ - 1] != ' ' && s_[pos_ - 1] != '\t')) return std::nullopt;
    skipWord(word);
    if (pos_ < s_.size() && s_[pos_] != ' ' && s_[pos_] != '\t') return std::nullopt;
    if (!constant(t)) return std::nullopt;
    return t;
  }
};

}  // namespace

std::optional<PushedTest> pushedTestOfLuaBlock(std::string_view body) { return LuaBlockReader(body).whole(); }

}  // namespace plush::lang
