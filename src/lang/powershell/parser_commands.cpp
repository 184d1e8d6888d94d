// The PowerShell parser's pipelines: assignments, commands with parameters and arguments, redirections.
#include "lang/powershell/parser.h"
#include "lang/powershell/parser_support.h"

namespace plush::lang::powershell {

namespace {

bool isAssignmentOp(const Token& t) {
  return t.kind == Tok::Op && (t.text == "=" || t.text == "+=" || t.text == "-=" || t.text == "*=" || t.text == "/=" ||
                               t.text == "%=" || t.text == "?\?=");
}

bool assignable(const Node& n) {
  switch (n.kind) {
    case Kind::Variable: case Kind::Member: case Kind::Index: return true;
    case Kind::Cast: return n.kid(1) && n.kid(1)->kind == Kind::Variable;
    case Kind::ArrayLiteral:
      for (const auto& k : n.kids)
        if (!assignable(*k)) return false;
      return true;
    default: return false;
  }
}

}  // namespace

// Does the next statement start as an expression (rather than a command)?
bool Parser::startsExpression() {
  tz_.skipBlanks();
  size_t at = tz_.position();
  if (at >= tz_.limit()) return true;
  char c = src_[at];
  char n = at + 1 < tz_.limit() ? src_[at + 1] : '\0';
  size_t q;
  if (c == '$' || c == '(' || c == '@' || c == '[' || c == '!' || c == ',' || c == '+' || c == '{') return true;
  if (isSingleQuote(src_, at, &q) || isDoubleQuote(src_, at, &q)) return true;
  if (c >= '0' && c <= '9') return true;
  if (c == '.' && n >= '0' && n <= '9') return true;
  if (isDash(src_, at, &q)) return true;
  return false;
}

NodePtr Parser::pipeline() {
  DepthGuard guard(depth_, tz_.position());
  Token first = peek(Mode::Expression);
  auto pipe = makeNode(Kind::Pipeline, first.begin, first.begin);
  if (startsExpression()) {
    NodePtr expr = expression();
    Token op = peek(Mode::Expression);
    if (isAssignmentOp(op)) {
      if (!assignable(*expr)) failAt(op, "InvalidLeftHandSide", "The left side of '" + op.text + "' must be a variable, a property or an index.");
      return assignment(std::move(expr));
    }
    auto element = makeNode(Kind::CommandExpression, expr->at.begin, expr->at.end);
    element->kids.push_back(std::move(expr));
    for (;;) {
      Token r = peek(Mode::Command);
      if (r.kind != Tok::Redirection) break;
      next(Mode::Command);
      element->kids.push_back(redirection(r));
    }
    pipe->kids.push_back(std::move(element));
  } else {
    pipe->kids.push_back(command());
  }
  for (;;) {
    Token t = peek(Mode::Command);
    size_t continuation = 0;
    if (t.kind == Tok::NewLine && tz_.pipeContinuesAfterNewlines(continuation)) {
      tz_.reset(continuation);
      t = peek(Mode::Command);
    }
    if (t.kind == Tok::Op && (t.text == "&&" || t.text == "||")) {
      failAt(t, "NotSupportedInPlush", "The pipeline chain operator " + t.text + " is not supported in plush; use if ($?) { ... }.");
    }
    if (!(t.kind == Tok::Op && t.text == "|")) break;
    next(Mode::Command);
    skipNewlines();
    Token n = peek(Mode::Command);
    if (n.kind == Tok::End) throw ParseError{"EmptyPipeElement", "An empty pipe element is not allowed.", t.begin, t.end, true};
    if (n.kind == Tok::Op && n.text == "|") failAt(n, "EmptyPipeElement", "An empty pipe element is not allowed.");
    if (startsExpression() && !(n.kind == Tok::Op && n.text == "&")) {
      Token e = peek(Mode::Expression);
      if (!(e.kind == Tok::Op && e.text == "&")) {
        failAt(e, "ExpressionsMustBeFirstInPipeline", "Expressions are only allowed as the first element of a pipeline.");
      }
    }
    pipe->kids.push_back(command());
  }
  pipe->at.end = pipe->kids.back()->at.end;
  return pipe;
}

NodePtr Parser::assignment(NodePtr target) {
  Token op = next(Mode::Expression);
  skipNewlines();
  auto node = makeNode(Kind::Assignment, target->at.begin, op.end);
  node->text = op.text;
  Token v = peek(Mode::Expression);
  if (v.kind == Tok::End) throw ParseError{"ExpectedValueExpression", "You must provide a value expression after the '" + op.text + "' operator.", op.begin, op.end, true};
  if (v.kind == Tok::NewLine || v.kind == Tok::Semi || (v.kind == Tok::Op && (v.text == ")" || v.text == "}"))) {
    failAt(v, "ExpectedValueExpression", "You must provide a value expression after the '" + op.text + "' operator.");
  }
  node->kids.push_back(std::move(target));
  node->kids.push_back(statement());
  node->at.end = node->kids.back()->at.end;
  return node;
}

bool Parser::atCommandEnd(const Token& t) const {
  return t.kind == Tok::End || t.kind == Tok::NewLine || t.kind == Tok::Semi ||
         (t.kind == Tok::Op && (t.text == "|" || t.text == ")" || t.text == "}" || t.text == "&&" || t.text == "||"));
}

// A command: its name (or `& expr`, `. expr`), then parameters, arguments and redirections.
NodePtr Parser::command() {
  Token t = peek(Mode::Command);
  auto cmd = makeNode(Kind::Command, t.begin, t.end);
  tz_.skipBlanks();
  size_t at = tz_.position();
  char c = at < tz_.limit() ? src_[at] : '\0';
  char n = at + 1 < tz_.limit() ? src_[at + 1] : '\0';
  bool viaOperator = false;
  if (c == '&' && n != '&') {
    tz_.reset(at + 1);
    cmd->flags |= kCallOperator;
    viaOperator = true;
  } else if (c == '.' && (n == ' ' || n == '\t')) {
    tz_.reset(at + 1);
    cmd->flags |= kDotSource;
    result_.dotSources = true;
    viaOperator = true;
  }
  if (viaOperator) {
    Token target = peek(Mode::Command);
    if (atCommandEnd(target)) failAt(target, "MissingExpression", "Missing the command after the '" + std::string(1, c) + "' operator.");
    auto arg = makeNode(Kind::CommandArgument, target.begin, target.end);
    arg->kids.push_back(argumentValue());
    arg->at.end = tz_.position();
    cmd->kids.push_back(std::move(arg));  // kids[0]: what to invoke
  } else {
    Token name = next(Mode::Command);
    // `Write-Output(2+2)`, `%{ $_ }`: a command's name ends where its first argument opens
    if (name.kind == Tok::Word && !name.expandable) {
      size_t cut = name.text.find_first_of("({");
      if (cut != std::string::npos && cut > 0) {
        name.text.resize(cut);
        name.end = name.begin + cut;
        tz_.reset(name.end);
      }
    }
    if (name.kind != Tok::Word && name.kind != Tok::Number) {
      if (name.kind == Tok::Op && name.text == "{") failAt(name, "UnexpectedToken", "A script block cannot start a command; write & { ... } to run it.");
      unexpected(name);
    }
    cmd->text = name.text;
    cmd->at.end = name.end;
  }
  bool argumentsOnly = false;
  for (;;) {
    Token a = peek(Mode::Command);
    if (atCommandEnd(a)) break;
    if (a.kind == Tok::Parameter && argumentsOnly) {
      next(Mode::Command);
      auto arg = makeNode(Kind::CommandArgument, a.begin, a.end);
      auto word = makeNode(Kind::StringLiteral, a.begin, a.end);
      word->text = text(a.begin, a.end);
      word->flags |= kBareWord;
      arg->kids.push_back(std::move(word));
      cmd->kids.push_back(std::move(arg));
      continue;
    }
    if (a.kind == Tok::Parameter && !argumentsOnly) {
      next(Mode::Command);
      auto p = makeNode(Kind::CommandParameter, a.begin, a.end);
      p->text = a.text;
      if (a.colon) {
        p->flags |= kColon;
        p->kids.push_back(argumentValue());
        p->at.end = tz_.position();
      }
      cmd->kids.push_back(std::move(p));
      continue;
    }
    if (a.kind == Tok::Op && a.text == "--") {
      next(Mode::Command);
      argumentsOnly = true;
      continue;
    }
    if (a.kind == Tok::Redirection) {
      next(Mode::Command);
      cmd->kids.push_back(redirection(a));
      continue;
    }
    if (a.kind == Tok::Op && a.text == ",") failAt(a, "MissingArgument", "Missing an argument before ','.");
    if (a.kind == Tok::Op && a.text == "&") failAt(a, "NotSupportedInPlush", "Background jobs (a command ending with &) are not supported in plush.");
    cmd->kids.push_back(commandArgument());
  }
  cmd->at.end = std::max(cmd->at.end, tz_.position());
  return cmd;
}

// One argument; `a, b, c` is one argument holding an array.
NodePtr Parser::commandArgument() {
  Token first = peek(Mode::Command);
  auto arg = makeNode(Kind::CommandArgument, first.begin, first.end);
  NodePtr value = argumentValue();
  Token comma = peek(Mode::Command);
  if (comma.kind == Tok::Op && comma.text == ",") {
    auto list = makeNode(Kind::ArrayLiteral, value->at.begin, value->at.end);
    list->kids.push_back(std::move(value));
    while (comma.kind == Tok::Op && comma.text == ",") {
      next(Mode::Command);
      skipNewlines();
      list->kids.push_back(argumentValue());
      comma = peek(Mode::Command);
    }
    list->at.end = list->kids.back()->at.end;
    value = std::move(list);
  }
  arg->kids.push_back(std::move(value));
  arg->at.end = tz_.position();
  return arg;
}

// One value in command mode: a bare word, a number, a string, a variable with its members, ( ), $( ), @( ), @{ }, { }.
NodePtr Parser::argumentValue() {
  DepthGuard guard(depth_, tz_.position());
  Token t = next(Mode::Command);
  switch (t.kind) {
    case Tok::Number: {
      auto num = makeNode(Kind::Number, t.begin, t.end);
      num->text = t.text;
      parseNumber(t.text, *num);
      return num;
    }
    case Tok::Word: {
      if (t.expandable) return expandable(t.contentBegin, t.contentEnd, t.begin, t.end, false, true);
      auto s = makeNode(Kind::StringLiteral, t.begin, t.end);
      s->text = t.text;
      s->flags |= kBareWord;
      return s;
    }
    case Tok::String: {
      auto s = makeNode(Kind::StringLiteral, t.begin, t.end);
      s->text = t.text;
      if (t.hereString) s->flags |= kHereString;
      return postfix(std::move(s));
    }
    case Tok::ExpandString:
      return postfix(expandable(t.contentBegin, t.contentEnd, t.begin, t.end, t.hereString, false));
    case Tok::SplatVariable: {
      auto s = makeNode(Kind::SplatVariable, t.begin, t.end);
      s->text = t.text;
      return s;
    }
    case Tok::Variable: {
      auto v = makeNode(Kind::Variable, t.begin, t.end);
      v->text = t.text;
      v->scope = t.scope;
      if (t.braced) v->flags |= kBraced;
      NodePtr value = postfix(std::move(v));
      // `$dir\file.txt`, `$name-old`: a variable followed by more of a word is one expandable word
      size_t at = tz_.position();
      if (at < tz_.limit()) {
        char c = src_[at];
        bool ends = c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == ';' || c == '|' || c == ')' || c == '}' ||
                    c == ',' || c == '&' || c == '>';
        if (!ends) {
          size_t end = at;
          while (end < tz_.limit()) {
            char d = src_[end];
            if (d == ' ' || d == '\t' || d == '\n' || d == '\r' || d == ';' || d == '|' || d == ')' || d == '}' || d == ',' || d == '&') break;
            ++end;
          }
          tz_.reset(end);
          return expandable(t.begin, end, t.begin, end, false, true);
        }
      }
      return value;
    }
    case Tok::Op:
      if (t.text == "(") return postfix(parenthesized(t));
      if (t.text == "{") return scriptBlockExpression(t);
      if (t.text == "@{") return postfix(hashtable(t));
      if (t.text == "$(" || t.text == "@(") {
        tz_.reset(t.begin);
        return postfix(primary());
      }
      break;
    default:
      break;
  }
  unexpected(t);
}

// `> file`, `>> file`, `2> $null`, `2>&1`, `*> $null`
NodePtr Parser::redirection(const Token& t) {
  auto r = makeNode(Kind::Redirection, t.begin, t.end);
  r->text = t.text;
  if (t.text.find('&') == std::string::npos) {
    Token target = peek(Mode::Command);
    if (atCommandEnd(target)) failAt(target, "MissingFileSpecification", "Missing the file name after the redirection operator '" + t.text + "'.");
    r->kids.push_back(argumentValue());
  }
  r->at.end = tz_.position();
  return r;
}

}  // namespace plush::lang::powershell
