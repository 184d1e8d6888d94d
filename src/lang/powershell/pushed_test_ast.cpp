// The PowerShell dialect's reading of a Where-Object block as a test a store read can query (lang/pushed_test.h).
#include "lang/powershell/pushed_test_ast.h"

#include "lang/command_words.h"

namespace plush::lang::powershell {

namespace {

// (x): the expression inside, when the parentheses hold one and nothing else.
const Node* unwrapped(const Node& e) {
  const Node* n = &e;
  while (n->kind == Kind::Paren) {
    const Node* inner = n->kid(0);
    if (inner && inner->kind == Kind::Pipeline && inner->kids.size() == 1 && inner->kids[0]->kind == Kind::CommandExpression)
      inner = inner->kids[0]->kid(0);
    if (!inner || inner->kind == Kind::Pipeline || inner->kind == Kind::Assignment) return nullptr;
    n = inner;
  }
  return n;
}

// `$_.Name` (or $PSItem.Name): the name as written. Static (::) and null-conditional (?.) access are not.
std::optional<std::string> itemProperty(const Node& e) {
  if (e.kind != Kind::Member || e.flags != 0 || e.kids.size() != 2) return std::nullopt;
  const Node& object = *e.kids[0];
  const Node& name = *e.kids[1];
  std::string variable = lowerAscii(object.text);
  if (object.kind != Kind::Variable || !object.scope.empty() || (variable != "_" && variable != "psitem")) return std::nullopt;
  if (name.kind != Kind::StringLiteral || name.text.empty()) return std::nullopt;
  return name.text;
}

// A string written in the text ('x', or "x" with nothing to expand), $null, $true or $false. Numbers
// are not pushed: PowerShell converts them to the property's type, which the store does not know.
bool constant(const Node& e, PushedTest& t) {
  if (e.kind == Kind::Variable && e.scope.empty()) {
    std::string name = lowerAscii(e.text);
    if (name == "null") t.value = PushedTest::Value::Null;
    else if (name == "true") t.value = PushedTest::Value::True;
    else if (name == "false") t.value = PushedTest::Value::False;
    else return false;  // a variable: its value is not known here
    return true;
  }
  std::string text;
  if (e.kind == Kind::StringLiteral) {
    text = e.text;
  } else if (e.kind == Kind::ExpandableString) {
    for (const auto& part : e.kids) {
      if (part->kind != Kind::StringLiteral) return false;
      text += part->text;
    }
  } else {
    return false;
  }
  if (text.find_first_of("\r\n") != std::string::npos) return false;  // the kept table stays on one line
  t.value = PushedTest::Value::Text;
  t.text = std::move(text);
  return true;
}

std::optional<PushedTest> test(const Node& written) {
  const Node* e = unwrapped(written);
  if (!e) return std::nullopt;
  if (e->kind == Kind::Unary && (e->text == "-not" || e->text == "!") && e->kids.size() == 1) {
    auto inner = test(*e->kids[0]);
    if (!inner) return std::nullopt;
    PushedTest negated;
    negated.kind = PushedTest::Kind::Not;
    negated.operands.push_back(std::move(*inner));
    return negated;
  }
  if (e->kind != Kind::Binary || e->kids.size() != 2) return std::nullopt;
  if (e->text == "-and" || e->text == "-or") {
    auto left = test(*e->kids[0]);
    auto right = left ? test(*e->kids[1]) : std::nullopt;
    if (!right) return std::nullopt;
    PushedTest both;
    both.kind = e->text == "-and" ? PushedTest::Kind::And : PushedTest::Kind::Or;
    // a -and b -and c is read ((a -and b) -and c): one chain, as the Lua dialect's reading gives it
    if (left->kind == both.kind) both.operands = std::move(left->operands);
    else both.operands.push_back(std::move(*left));
    both.operands.push_back(std::move(*right));
    return both;
  }
  PushedTest t;
  t.op = e->text.size() > 1 ? pushedOperator(std::string_view(e->text).substr(1)) : "";
  auto property = itemProperty(*e->kids[0]);
  if (t.op.empty() || !property || !constant(*e->kids[1], t)) return std::nullopt;
  t.property = *property;
  return t;
}

}  // namespace

std::optional<PushedTest> pushedTestOfExpression(const Node& expression) { return test(expression); }

}  // namespace plush::lang::powershell
