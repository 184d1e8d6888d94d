// The PowerShell parser's expressions: operators by precedence, unary and postfix forms, primaries, hashtables.
#include <algorithm>
#include <cctype>

#include "lang/powershell/parser.h"
#include "lang/powershell/parser_support.h"

namespace plush::lang::powershell {

namespace {

// Binary operators by precedence level, lowest first (about_Operator_Precedence).
int levelOf(const Token& t) {
  if (t.kind != Tok::Op) return -1;
  const std::string& op = t.text;
  if (op == "-and" || op == "-or" || op == "-xor" || op == "??") return 0;
  if (op == "-band" || op == "-bor" || op == "-bxor") return 1;
  if (op == "+" || op == "-") return 3;
  if (op == "*" || op == "/" || op == "%") return 4;
  if (op == "-f") return 5;
  bool dashWord = op.size() > 1 && op[0] == '-' && std::isalpha(static_cast<unsigned char>(op[1]));
  if (dashWord && t.knownOperator && op != "-not" && op != "-bnot") return 2;
  return -1;
}
constexpr int kLevels = 6;

bool isOp(const Token& t, const char* text) { return t.kind == Tok::Op && t.text == text; }

// The operator word without its case prefix: "-ceq" -> "-eq"; used only to reject unary-only words.
void rejectMisusedOperator(const Token& t) {
  if (t.kind != Tok::Op) return;
  std::string hint;
  if (t.text == "==") hint = "use -eq to compare";
  else if (t.text == "!=") hint = "use -ne to compare";
  else if (t.text == "<") hint = "use -lt to compare ('<' is reserved)";
  else if (t.text == "&&" || t.text == "||") hint = "use -and / -or in expressions";
  else if (t.text.size() > 1 && t.text[0] == '-' && !t.knownOperator && t.text != "--") hint = "'" + t.text + "' is not an operator";
  if (!hint.empty()) throw ParseError{"UnexpectedToken", "Unexpected token '" + t.text + "': " + hint + ".", t.begin, t.end, false};
}

}  // namespace

NodePtr Parser::expression() { return binary(0); }

NodePtr Parser::binary(int level) {
  DepthGuard guard(depth_, tz_.position());
  if (level >= kLevels) {
    // Ranges bind tighter than -f: `1..3 -f ...` formats the range.
    NodePtr left = arrayLiteral();
    for (;;) {
      Token t = peek(Mode::Expression);
      if (!isOp(t, "..")) break;
      next(Mode::Expression);
      skipNewlines();
      auto node = makeNode(Kind::Binary, left->at.begin, t.end);
      node->text = "..";
      node->kids.push_back(std::move(left));
      node->kids.push_back(arrayLiteral());
      node->at.end = node->kids.back()->at.end;
      left = std::move(node);
    }
    return left;
  }
  NodePtr left = binary(level + 1);
  for (;;) {
    Token t = peek(Mode::Expression);
    if (levelOf(t) != level) {
      if (level == 0) rejectMisusedOperator(t);
      break;
    }
    next(Mode::Expression);
    skipNewlines();
    Token operand = peek(Mode::Expression);
    if (operand.kind == Tok::End) {
      throw ParseError{"ExpectedValueExpression", "You must provide a value expression following the '" + t.text + "' operator.",
                       t.begin, t.end, true};
    }
    auto node = makeNode(Kind::Binary, left->at.begin, t.end);
    node->text = t.text;
    node->kids.push_back(std::move(left));
    node->kids.push_back(binary(level + 1));
    node->at.end = node->kids.back()->at.end;
    // remember where the operator is, for errors about it
    node->integer = static_cast<long long>(t.begin);
    left = std::move(node);
  }
  return left;
}

// `a, b, c`: the comma binds tighter than the binary operators, as in PowerShell.
NodePtr Parser::arrayLiteral() {
  NodePtr first = unary();
  if (noComma_) return first;
  Token t = peek(Mode::Expression);
  if (!isOp(t, ",")) return first;
  auto list = makeNode(Kind::ArrayLiteral, first->at.begin, first->at.end);
  list->kids.push_back(std::move(first));
  while (isOp(t, ",")) {
    next(Mode::Expression);
    skipNewlines();
    Token operand = peek(Mode::Expression);
    if (operand.kind == Tok::End) throw ParseError{"MissingExpressionAfterToken", "Missing expression after ','.", t.begin, t.end, true};
    list->kids.push_back(unary());
    t = peek(Mode::Expression);
  }
  list->at.end = list->kids.back()->at.end;
  return list;
}

NodePtr Parser::unary() {
  DepthGuard guard(depth_, tz_.position());
  Token t = peek(Mode::Expression);
  if (t.kind == Tok::Op) {
    const std::string& op = t.text;
    if (op == "-not" || op == "!" || op == "-bnot" || op == "-split" || op == "-join" || op == "-" || op == "+" ||
        op == "++" || op == "--" || op == ",") {
      next(Mode::Expression);
      if (op == "-not" || op == "!") skipNewlines();
      Token operand = peek(Mode::Expression);
      if (operand.kind == Tok::End || operand.kind == Tok::NewLine) {
        throw ParseError{"MissingExpressionAfterOperator", "Missing expression after unary operator '" + op + "'.", t.begin, t.end,
                         operand.kind == Tok::End};
      }
      NodePtr value = unary();
      if (op == "-" && value->kind == Kind::Number && value->at.begin == t.end) {
        value->integer = -value->integer;
        value->num = -value->num;
        value->text = "-" + value->text;
        value->at.begin = t.begin;
        return value;
      }
      auto node = makeNode(Kind::Unary, t.begin, value->at.end);
      node->text = op;
      node->kids.push_back(std::move(value));
      return node;
    }
    if (op == "[") {
      next(Mode::Expression);
      return typeOrCast(t);
    }
  }
  return postfix(primary());
}

// After `[`: a type literal, a static member `[T]::M`, or a cast `[T] value`.
NodePtr Parser::typeOrCast(const Token& open) {
  size_t end = 0;
  auto type = makeNode(Kind::TypeName, open.begin, open.end);
  type->text = typeName(end);
  type->at.end = end;
  if (end + 1 < tz_.limit() && src_[end] == ':' && src_[end + 1] == ':') return postfix(std::move(type));
  if (end < tz_.limit() && src_[end] == '.') return postfix(std::move(type));
  size_t save = tz_.position();
  tz_.skipBlanks();
  size_t at = tz_.position();
  char c = at < tz_.limit() ? src_[at] : '\0';
  size_t q;
  bool operand = c == '$' || c == '(' || c == '@' || c == '[' || c == '!' || (c >= '0' && c <= '9') ||
                 isSingleQuote(src_, at, &q) || isDoubleQuote(src_, at, &q) ||
                 (c == '-' && at + 1 < tz_.limit() && (src_[at + 1] == '-' || (src_[at + 1] >= '0' && src_[at + 1] <= '9') || src_[at + 1] == '$'));
  if (c == '-' && at + 1 < tz_.limit() && src_[at + 1] >= 'a' && src_[at + 1] <= 'z') {
    Token op = peek(Mode::Expression);
    operand = op.text == "-not" || op.text == "-bnot" || op.text == "-split" || op.text == "-join";
  }
  tz_.reset(save);
  if (!operand) return postfix(std::move(type));
  NodePtr value = unary();
  auto cast = makeNode(Kind::Cast, open.begin, value->at.end);
  cast->kids.push_back(std::move(type));
  cast->kids.push_back(std::move(value));
  return cast;
}

// Members, static members, indexes and postfix ++/-- written right after a value (no blanks).
NodePtr Parser::postfix(NodePtr value) {
  for (;;) {
    size_t at = tz_.position();
    if (at >= tz_.limit()) return value;
    char c = src_[at];
    char n = at + 1 < tz_.limit() ? src_[at + 1] : '\0';
    bool nullConditional = c == '?' && (n == '.' || n == '[') && value->kind == Kind::Variable && (value->flags & kBraced);
    if (nullConditional) {
      tz_.reset(at + 1);
      c = n;
      n = at + 2 < tz_.limit() ? src_[at + 2] : '\0';
      at += 1;
    }
    if ((c == '.' && n != '.' && !(n >= '0' && n <= '9')) || (c == ':' && n == ':')) {
      bool isStatic = c == ':';
      tz_.reset(at + (isStatic ? 2 : 1));
      NodePtr name = memberName();
      size_t after = tz_.position();
      bool call = after < tz_.limit() && src_[after] == '(';
      bool blockCall = after < tz_.limit() && src_[after] == '{' && !isStatic;  // .Where{ ... }
      auto node = makeNode(call || blockCall ? Kind::Invoke : Kind::Member, value->at.begin, name->at.end);
      if (isStatic) node->flags |= kStatic;
      if (nullConditional) node->flags |= kNullConditional;
      node->kids.push_back(std::move(value));
      node->kids.push_back(std::move(name));
      if (call) {
        tz_.reset(after + 1);
        node = invocationArguments(std::move(node));
      } else if (blockCall) {
        Token open = next(Mode::Expression);
        node->kids.push_back(scriptBlockExpression(open));
        node->at.end = node->kids.back()->at.end;
      }
      value = std::move(node);
      continue;
    }
    if (c == '[') {
      Token open = next(Mode::Expression);
      skipNewlines();
      bool saved = noComma_;
      noComma_ = false;
      NodePtr index = expression();
      noComma_ = saved;
      skipNewlines();
      Token close = next(Mode::Expression);
      if (!isOp(close, "]")) {
        throw ParseError{"MissingEndSquareBracket", "Missing ']' after the index.", open.begin, open.end, close.kind == Tok::End};
      }
      auto node = makeNode(Kind::Index, value->at.begin, close.end);
      if (nullConditional) node->flags |= kNullConditional;
      node->kids.push_back(std::move(value));
      node->kids.push_back(std::move(index));
      value = std::move(node);
      continue;
    }
    if ((c == '+' && n == '+') || (c == '-' && n == '-')) {
      bool target = value->kind == Kind::Variable || value->kind == Kind::Member || value->kind == Kind::Index;
      if (!target) return value;
      tz_.reset(at + 2);
      auto node = makeNode(Kind::PostIncrement, value->at.begin, at + 2);
      node->text = c == '+' ? "++" : "--";
      node->kids.push_back(std::move(value));
      value = std::move(node);
      continue;
    }
    return value;
  }
}

// The name after `.` or `::`: an identifier, a string, a variable or ( expression ).
NodePtr Parser::memberName() {
  size_t at = tz_.position();
  char c = at < tz_.limit() ? src_[at] : '\0';
  if (Tokenizer::isNameChar(c)) {
    size_t end = at;
    while (end < tz_.limit() && Tokenizer::isNameChar(src_[end])) ++end;
    auto name = makeNode(Kind::StringLiteral, at, end);
    name->text = text(at, end);
    tz_.reset(end);
    return name;
  }
  size_t q;
  if (c == '$' || c == '(' || isSingleQuote(src_, at, &q) || isDoubleQuote(src_, at, &q)) return primary();
  Token t = peek(Mode::Expression);
  throw ParseError{"MissingPropertyName", "Missing a property name after '.'.", at, at + 1, t.kind == Tok::End};
}

// `(` was consumed; arguments are expressions separated by commas (a comma does not make an array here).
NodePtr Parser::invocationArguments(NodePtr call) {
  bool saved = noComma_;
  noComma_ = true;
  skipNewlines();
  if (peekOp(")")) {
    Token close = next(Mode::Expression);
    call->at.end = close.end;
    noComma_ = saved;
    return call;
  }
  for (;;) {
    skipNewlines();
    call->kids.push_back(expression());
    skipNewlines();
    Token sep = next(Mode::Expression);
    if (isOp(sep, ")")) {
      call->at.end = sep.end;
      break;
    }
    if (!isOp(sep, ",")) {
      throw ParseError{"MissingEndParenthesisInMethodCall", "Missing ')' in method call.", sep.begin, std::max(sep.end, sep.begin + 1),
                       sep.kind == Tok::End};
    }
  }
  noComma_ = saved;
  return call;
}

NodePtr Parser::primary() {
  DepthGuard guard(depth_, tz_.position());
  Token t = next(Mode::Expression);
  switch (t.kind) {
    case Tok::Variable: {
      auto v = makeNode(Kind::Variable, t.begin, t.end);
      v->text = t.text;
      v->scope = t.scope;
      if (t.braced) v->flags |= kBraced;
      return v;
    }
    case Tok::Number: {
      auto num = makeNode(Kind::Number, t.begin, t.end);
      num->text = t.text;
      if (!parseNumber(t.text, *num)) failAt(t, "BadNumericConstant", "'" + t.text + "' is not a valid number.");
      return num;
    }
    case Tok::String: {
      auto s = makeNode(Kind::StringLiteral, t.begin, t.end);
      s->text = t.text;
      if (t.hereString) s->flags |= kHereString;
      return s;
    }
    case Tok::ExpandString:
      return expandable(t.contentBegin, t.contentEnd, t.begin, t.end, t.hereString, false);
    case Tok::SplatVariable:
      failAt(t, "SplattingNotPermitted", "Splatting (@" + t.text + ") can only be used in the arguments of a command.");
    case Tok::Op: {
      if (t.text == "(") return parenthesized(t);
      if (t.text == "$(" || t.text == "@(") {
        bool saved = noComma_;
        noComma_ = false;
        auto list = statementList(')', t.begin);
        noComma_ = saved;
        Token close = next(Mode::Expression);
        auto node = makeNode(t.text == "$(" ? Kind::SubExpression : Kind::ArrayExpression, t.begin, close.end);
        node->kids.push_back(std::move(list));
        return node;
      }
      if (t.text == "@{") return hashtable(t);
      if (t.text == "{") return scriptBlockExpression(t);
      if (t.text == "[") return typeOrCast(t);
      break;
    }
    case Tok::End:
      throw ParseError{"ExpectedExpression", "An expression was expected here.", t.begin, t.begin + 1, true};
    default:
      break;
  }
  rejectMisusedOperator(t);
  unexpected(t);
}

NodePtr Parser::parenthesized(const Token& open) {
  bool saved = noComma_;
  noComma_ = false;
  skipNewlines();
  Token first = peek(Mode::Expression);
  if (isOp(first, ")")) failAt(first, "ExpectedExpression", "An expression was expected after '('.");
  if (first.kind == Tok::End) throw ParseError{"MissingEndParenthesisInExpression", "Missing closing ')' in expression.", open.begin, open.end, true};
  NodePtr inner = statement();
  skipNewlines();
  Token close = next(Mode::Expression);
  noComma_ = saved;
  if (!isOp(close, ")")) {
    if (close.kind == Tok::End) throw ParseError{"MissingEndParenthesisInExpression", "Missing closing ')' in expression.", open.begin, open.end, true};
    unexpected(close);
  }
  auto node = makeNode(Kind::Paren, open.begin, close.end);
  node->kids.push_back(std::move(inner));
  return node;
}

// `@{ Key = value; 'Other key' = value }`, entries separated by `;` or line breaks.
NodePtr Parser::hashtable(const Token& open) {
  bool saved = noComma_;
  noComma_ = false;
  auto table = makeNode(Kind::Hashtable, open.begin, open.end);
  for (;;) {
    skipTerminators();
    Token t = peek(Mode::Expression);
    if (t.kind == Tok::End) throw ParseError{"MissingEndCurlyBrace", "Missing closing '}' in the hash literal @{ }.", open.begin, open.end, true};
    if (isOp(t, "}")) {
      next(Mode::Expression);
      table->at.end = t.end;
      break;
    }
    auto entry = makeNode(Kind::HashEntry, t.begin, t.end);
    entry->kids.push_back(hashKey());
    Token eq = next(Mode::Expression);
    if (!isOp(eq, "=")) {
      throw ParseError{"MissingEqualsInHashLiteral", "Missing '=' after the key in the hash literal.", eq.begin, std::max(eq.end, eq.begin + 1),
                       eq.kind == Tok::End};
    }
    skipNewlines();
    Token v = peek(Mode::Expression);
    if (v.kind == Tok::End) throw ParseError{"MissingStatementInHashLiteral", "Missing a value after '=' in the hash literal.", eq.begin, eq.end, true};
    entry->kids.push_back(statement());
    entry->at.end = entry->kids.back()->at.end;
    table->kids.push_back(std::move(entry));
    Token after = peek(Mode::Expression);
    if (!(after.kind == Tok::NewLine || after.kind == Tok::Semi || isOp(after, "}") || after.kind == Tok::End)) {
      failAt(after, "MissingEndCurlyBrace", "Missing ';', a line break or '}' after the hash literal entry.");
    }
  }
  noComma_ = saved;
  return table;
}

NodePtr Parser::hashKey() {
  tz_.skipBlanks();
  size_t at = tz_.position();
  char c = at < tz_.limit() ? src_[at] : '\0';
  size_t q;
  if (c == '$' || c == '(' || (c >= '0' && c <= '9') || isSingleQuote(src_, at, &q) || isDoubleQuote(src_, at, &q)) {
    bool saved = noComma_;
    noComma_ = true;
    NodePtr key = unary();
    noComma_ = saved;
    return key;
  }
  size_t end = at;
  while (end < tz_.limit()) {
    char d = src_[end];
    if (d == ' ' || d == '\t' || d == '=' || d == ';' || d == '}' || d == '\n' || d == '\r') break;
    ++end;
  }
  if (end == at) {
    Token t = peek(Mode::Expression);
    failAt(t, "MissingKeyInHashLiteral", "Missing the key of a hash literal entry.");
  }
  auto key = makeNode(Kind::StringLiteral, at, end);
  key->text = text(at, end);
  tz_.reset(end);
  return key;
}

NodePtr Parser::scriptBlockExpression(const Token& open) {
  bool saved = noComma_;
  noComma_ = false;
  auto body = scriptBody('}', open.begin);
  Token close = next(Mode::Expression);
  noComma_ = saved;
  body->at.begin = open.begin;
  body->at.end = close.end;
  auto node = makeNode(Kind::ScriptBlockExpression, open.begin, close.end);
  node->kids.push_back(std::move(body));
  return node;
}

}  // namespace plush::lang::powershell
