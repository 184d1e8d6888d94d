// The PowerShell parser's param blocks: [CmdletBinding()] param( [Parameter(...)] [type] $Name = default, ... ).
#include "lang/powershell/parser.h"
#include "lang/powershell/parser_support.h"

namespace plush::lang::powershell {

// The type name inside `[ ... ]`, after the `[`: `int`, `string[]`, `System.Collections.Generic.List[object]`.
// `end` is set one past the closing `]`.
std::string Parser::typeName(size_t& end) {
  tz_.skipBlanks();
  size_t at = tz_.position();
  std::string name;
  int depth = 0;
  while (at < tz_.limit()) {
    char c = src_[at];
    if (c == '[') ++depth;
    else if (c == ']') {
      if (depth == 0) break;
      --depth;
    } else if (c == '\n' || c == '(' || c == ')' || c == '{' || c == '}' || c == '$' || c == '"' || c == '\'' || c == '=') {
      break;
    }
    if (c != ' ' && c != '\t') name += c;
    ++at;
  }
  if (at >= tz_.limit()) throw ParseError{"MissingEndSquareBracket", "Missing ']' after the type name.", tz_.position(), at, true};
  if (src_[at] != ']' || name.empty()) {
    fail("MissingTypename", "A type name is expected inside [ ], e.g. [int] or [string[]].", tz_.position(), at + 1);
  }
  end = at + 1;
  tz_.reset(end);
  return name;
}

// `[Name(args)]` is an attribute, `[type]` a type constraint. The `[` is the next token.
NodePtr Parser::attributeOrType() {
  Token open = next(Mode::Expression);
  tz_.skipBlanks();
  size_t nameBegin = tz_.position();
  size_t at = nameBegin;
  while (at < tz_.limit() && (Tokenizer::isNameChar(src_[at]) || src_[at] == '.')) ++at;
  size_t after = at;
  while (after < tz_.limit() && (src_[after] == ' ' || src_[after] == '\t')) ++after;
  if (after < tz_.limit() && src_[after] == '(' && at > nameBegin) {
    auto attr = makeNode(Kind::Attribute, open.begin, open.end);
    attr->text = text(nameBegin, at);
    tz_.reset(after + 1);
    bool saved = noComma_;
    noComma_ = true;  // commas separate the attribute's arguments
    for (;;) {
      skipNewlines();
      Token t = peek(Mode::Expression);
      if (t.kind == Tok::Op && t.text == ")") { next(Mode::Expression); break; }
      auto arg = makeNode(Kind::AttributeArgument, t.begin, t.end);
      // Name = value, Name alone ($true), or a positional value
      if (t.kind == Tok::Word) {
        size_t save = tz_.position();
        next(Mode::Expression);
        Token eq = peek(Mode::Expression);
        if (eq.kind == Tok::Op && eq.text == "=") {
          next(Mode::Expression);
          skipNewlines();
          arg->text = t.text;
          arg->kids.push_back(expression());
        } else if ((eq.kind == Tok::Op && (eq.text == "," || eq.text == ")")) || eq.kind == Tok::NewLine) {
          arg->text = t.text;
        } else {
          tz_.reset(save);
          arg->kids.push_back(expression());
        }
      } else {
        arg->kids.push_back(unary());
      }
      arg->at.end = tz_.position();
      attr->kids.push_back(std::move(arg));
      skipNewlines();
      Token sep = next(Mode::Expression);
      if (sep.kind == Tok::Op && sep.text == ")") break;
      if (!(sep.kind == Tok::Op && sep.text == ",")) failAt(sep, "MissingEndParenthesisInExpression", "Missing ')' or ',' in the attribute [" + attr->text + "(...)].");
    }
    noComma_ = saved;
    skipNewlines();
    Token close = next(Mode::Expression);
    if (!(close.kind == Tok::Op && close.text == "]")) failAt(close, "MissingEndSquareBracket", "Missing ']' after the attribute [" + attr->text + "(...)].");
    attr->at.end = close.end;
    return attr;
  }
  tz_.reset(nameBegin);
  size_t end = 0;
  auto type = makeNode(Kind::TypeName, open.begin, open.end);
  type->text = typeName(end);
  type->at.end = end;
  return type;
}

// `[CmdletBinding()] param( ... )` at the start of a body; nothing (and nothing consumed) when absent.
NodePtr Parser::paramBlockIfAny() {
  size_t save = tz_.position();
  std::vector<NodePtr> attributes;
  try {
    for (;;) {
      Token t = peek(Mode::Expression);
      if (!(t.kind == Tok::Op && t.text == "[")) break;
      NodePtr a = attributeOrType();
      if (a->kind != Kind::Attribute) { tz_.reset(save); return nullptr; }
      attributes.push_back(std::move(a));
      skipNewlines();
    }
  } catch (const ParseError&) {
    tz_.reset(save);
    return nullptr;
  }
  Token word = peek(Mode::Expression);
  if (!(word.kind == Tok::Word && lowerAscii(word.text) == "param" && isKeywordEnd(src_, word.end))) {
    tz_.reset(save);
    return nullptr;
  }
  next(Mode::Expression);
  skipNewlines();
  Token open = next(Mode::Expression);
  if (!(open.kind == Tok::Op && open.text == "(")) failAt(open, "MissingOpenParenthesisAfterKeyword", "Missing '(' after 'param'.");
  auto block = parameterList(')', word.begin);
  for (size_t i = 0; i < attributes.size(); ++i) block->kids.insert(block->kids.begin() + static_cast<long>(i), std::move(attributes[i]));
  return block;
}

// Parameters separated by commas up to the closer (consumed).
NodePtr Parser::parameterList(char closer, size_t begin) {
  auto block = makeNode(Kind::ParamBlock, begin, begin);
  for (;;) {
    skipNewlines();
    Token t = peek(Mode::Expression);
    if (t.kind == Tok::Op && t.text == std::string(1, closer)) { next(Mode::Expression); break; }
    block->kids.push_back(parameter());
    skipNewlines();
    Token sep = next(Mode::Expression);
    if (sep.kind == Tok::Op && sep.text == std::string(1, closer)) break;
    if (!(sep.kind == Tok::Op && sep.text == ",")) {
      if (sep.kind == Tok::End) throw ParseError{"MissingEndParenthesisInFunctionParameterList", "Missing ')' in the parameter list.", begin, begin + 1, true};
      failAt(sep, "MissingEndParenthesisInFunctionParameterList", "Missing ')' or ',' in the parameter list.");
    }
  }
  block->at.end = tz_.position();
  return block;
}

// [Attribute(...)]... [type] $Name [= default]
NodePtr Parser::parameter() {
  Token first = peek(Mode::Expression);
  auto p = makeNode(Kind::Parameter, first.begin, first.end);
  for (;;) {
    skipNewlines();
    Token t = peek(Mode::Expression);
    if (t.kind == Tok::Op && t.text == "[") {
      p->kids.push_back(attributeOrType());
      continue;
    }
    if (t.kind == Tok::Variable) {
      next(Mode::Expression);
      p->text = t.text;
      break;
    }
    failAt(t, "InvalidFunctionParameter", "A parameter is written [type] $Name, optionally with attributes and = default.");
  }
  Token eq = peek(Mode::Expression);
  if (eq.kind == Tok::Op && eq.text == "=") {
    next(Mode::Expression);
    skipNewlines();
    auto d = makeNode(Kind::Default, eq.begin, eq.end);
    bool saved = noComma_;
    noComma_ = true;  // the comma after a default separates parameters
    d->kids.push_back(expression());
    noComma_ = saved;
    d->at.end = tz_.position();
    p->kids.push_back(std::move(d));
  }
  p->at.end = tz_.position();
  return p;
}

}  // namespace plush::lang::powershell
