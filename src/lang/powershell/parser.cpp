// The PowerShell parser's statements: statement lists, keywords, loops, switch, try, trap, functions.
#include "lang/powershell/parser.h"

#include <cstring>

#include "lang/powershell/parser_support.h"

namespace plush::lang::powershell {

ParseResult parse(std::string_view source) { return Parser(source).run(); }

Parser::Parser(std::string_view source) : src_(source), tz_(source, 0, source.size()) {}

ParseResult Parser::run() {
  try {
    size_t start = 0;
    if (src_.rfind("#!", 0) == 0) start = src_.find('\n') == std::string_view::npos ? src_.size() : src_.find('\n');
    if (src_.rfind("\xEF\xBB\xBF", 0) == 0) start = 3;
    tz_.reset(start);
    result_.script = scriptBody(0, start);
    result_.ok = true;
  } catch (const ParseError& e) {
    result_.error = e;
    result_.script.reset();
  } catch (const ScanError& e) {
    result_.error = {e.id, e.message, e.begin, e.end, e.incomplete};
    result_.script.reset();
  }
  return std::move(result_);
}

void Parser::fail(std::string id, std::string message, size_t begin, size_t end) {
  throw ParseError{std::move(id), std::move(message), begin, end, false};
}

void Parser::failAt(const Token& t, std::string id, std::string message) {
  throw ParseError{std::move(id), std::move(message), t.begin, t.end > t.begin ? t.end : t.begin + 1, t.kind == Tok::End};
}

void Parser::unexpected(const Token& t) {
  if (t.kind == Tok::End) failAt(t, "IncompleteInput", "The statement is not complete.");
  std::string what = t.kind == Tok::NewLine ? "a line break" : "'" + text(t.begin, t.end) + "'";
  failAt(t, "UnexpectedToken", "Unexpected token " + what + " in expression or statement.");
}

void Parser::skipNewlines() {
  for (;;) {
    Token t = peek(Mode::Expression);
    if (t.kind != Tok::NewLine) return;
    next(Mode::Expression);
  }
}

void Parser::skipTerminators() {
  for (;;) {
    Token t = peek(Mode::Expression);
    if (t.kind != Tok::NewLine && t.kind != Tok::Semi) return;
    next(Mode::Expression);
  }
}

bool Parser::peekOp(const char* op) {
  Token t = peek(Mode::Expression);
  return t.kind == Tok::Op && t.text == op;
}

Token Parser::expectOp(const char* op, const char* id, const std::string& message) {
  Token t = next(Mode::Expression);
  if (t.kind == Tok::Op && t.text == op) return t;
  failAt(t, t.kind == Tok::End ? id : id, message);
}

// A script or script block body: an optional param block, then named blocks or statements.
NodePtr Parser::scriptBody(char closer, size_t begin) {
  DepthGuard guard(depth_, tz_.position());
  auto body = makeNode(Kind::ScriptBlock, begin, begin);
  skipTerminators();
  if (auto params = paramBlockIfAny()) body->kids.push_back(std::move(params));
  skipTerminators();
  size_t save = tz_.position();
  Token t = peek(Mode::Expression);
  std::string word = t.kind == Tok::Word ? lowerAscii(t.text) : "";
  bool named = (word == "begin" || word == "process" || word == "end" || word == "dynamicparam") && isKeywordEnd(src_, t.end);
  if (named) {
    tz_.reset(t.end);
    bool brace = peekOp("{");
    tz_.reset(save);
    named = brace;
  }
  if (!named) {
    body->kids.push_back(statementList(closer, begin));
  } else {
    for (;;) {
      skipTerminators();
      Token b = peek(Mode::Expression);
      if (b.kind == Tok::End || (b.kind == Tok::Op && closer && b.text == std::string(1, closer))) break;
      std::string name = b.kind == Tok::Word ? lowerAscii(b.text) : "";
      if (name == "dynamicparam") failAt(b, "NotSupportedInPlush", "dynamicparam blocks are not supported in plush.");
      if (name != "begin" && name != "process" && name != "end") {
        failAt(b, "UnexpectedToken", "Unexpected token '" + text(b.begin, b.end) +
                                         "': only begin, process and end blocks may follow one another here.");
      }
      next(Mode::Expression);
      auto named = makeNode(Kind::NamedBlock, b.begin, b.end);
      named->text = name;
      auto inner = block(name.c_str());
      named->at.end = inner->at.end;
      named->kids.push_back(std::move(inner));
      body->kids.push_back(std::move(named));
    }
  }
  body->at.end = tz_.position();
  return body;
}

// Statements up to the closer (`}` or `)`, not consumed) or the end of the text; `openAt` is where the
// opening bracket is, which a missing closer is reported at.
NodePtr Parser::statementList(char closer, size_t openAt) {
  auto list = makeNode(Kind::StatementList, tz_.position(), tz_.position());
  for (;;) {
    skipTerminators();
    Token t = peek(Mode::Expression);
    if (t.kind == Tok::End) {
      if (closer) {
        size_t at = openAt != static_cast<size_t>(-1) ? openAt : t.begin;
        throw ParseError{closer == '}' ? "MissingEndCurlyBrace" : "MissingEndParenthesisInExpression",
                         std::string("Missing closing '") + closer + "' for this '" + (closer == '}' ? "{" : "(") + "'.",
                         at, at + 1, true};
      }
      break;
    }
    if (t.kind == Tok::Op && (t.text == "}" || t.text == ")")) {
      if (closer && t.text[0] == closer) break;
      failAt(t, "UnexpectedToken", "Unexpected token '" + t.text + "' in expression or statement.");
    }
    NodePtr s = statement();
    list->kids.push_back(std::move(s));
    Token after = peek(Mode::Expression);
    bool endsBlock = list->kids.back()->kind != Kind::Pipeline && list->kids.back()->kind != Kind::Assignment;
    if (after.kind == Tok::NewLine || after.kind == Tok::Semi || after.kind == Tok::End) continue;
    if (after.kind == Tok::Op && closer && after.text == std::string(1, closer)) continue;
    if (endsBlock && src_[list->kids.back()->at.end - 1] == '}') continue;
    unexpected(after);
  }
  list->at.end = tz_.position();
  return list;
}

NodePtr Parser::statement() {
  DepthGuard guard(depth_, tz_.position());
  Token t = peek(Mode::Expression);
  if (t.kind == Tok::Op && t.text == ":") return labelStatement(t);
  if (t.kind == Tok::Word && isKeywordEnd(src_, t.end)) {
    std::string word = lowerAscii(t.text);
    if (isStatementKeyword(word)) {
      next(Mode::Expression);
      return keywordStatement(word, t, "");
    }
  }
  return pipeline();
}

// `:outer foreach (...) { ... }`
NodePtr Parser::labelStatement(const Token& colon) {
  next(Mode::Expression);
  Token name = next(Mode::Expression);
  if (name.kind != Tok::Word || name.spaceBefore) failAt(name, "UnexpectedToken", "A label is written :name before a loop.");
  skipNewlines();
  Token loop = next(Mode::Expression);
  std::string word = loop.kind == Tok::Word ? lowerAscii(loop.text) : "";
  if (word != "foreach" && word != "for" && word != "while" && word != "do" && word != "switch") {
    failAt(loop, "MissingLoopStatement", "A label (:" + name.text + ") must be followed by foreach, for, while, do or switch.");
  }
  auto node = keywordStatement(word, loop, name.text);
  node->at.begin = colon.begin;
  return node;
}

NodePtr Parser::keywordStatement(const std::string& word, const Token& t, const std::string& label) {
  if (word == "if") return ifStatement(t);
  if (word == "while") return whileStatement(t, label);
  if (word == "do") return doStatement(t, label);
  if (word == "for") return forStatement(t, label);
  if (word == "foreach") return foreachStatement(t, label);
  if (word == "switch") return switchStatement(t, label);
  if (word == "try") return tryStatement(t);
  if (word == "trap") return trapStatement(t);
  if (word == "function" || word == "filter") return functionDefinition(t, word == "filter");
  if (word == "return") return flowStatement(Kind::Return, t);
  if (word == "throw") return flowStatement(Kind::Throw, t);
  if (word == "exit") return flowStatement(Kind::Exit, t);
  if (word == "break") return flowStatement(Kind::Break, t);
  if (word == "continue") return flowStatement(Kind::Continue, t);
  if (word == "param") failAt(t, "UnexpectedToken", "param( ) must come first in a script, a function or a script block.");
  if (word == "else" || word == "elseif") failAt(t, "UnexpectedToken", "'" + t.text + "' must follow the block of an if statement.");
  if (word == "catch" || word == "finally") failAt(t, "UnexpectedToken", "'" + t.text + "' must follow the block of a try statement.");
  if (word == "until") failAt(t, "UnexpectedToken", "'until' must follow the block of a do statement.");
  if (word == "begin" || word == "process" || word == "end") {
    failAt(t, "UnexpectedToken", "'" + t.text + "' blocks must be the only things in their script block.");
  }
  failAt(t, "NotSupportedInPlush", notSupportedKeyword(word));
}

// `{ statements }` after a keyword.
NodePtr Parser::block(const char* after) {
  skipNewlines();
  Token open = next(Mode::Expression);
  if (!(open.kind == Tok::Op && open.text == "{")) {
    failAt(open, "MissingStatementBlock", std::string("Missing statement block after ") + after + ".");
  }
  auto list = statementList('}', open.begin);
  Token close = next(Mode::Expression);
  list->at.begin = open.begin;
  list->at.end = close.end;
  return list;
}

// `( pipeline )` after if, while, switch, until.
NodePtr Parser::condition(const char* keyword) {
  skipNewlines();
  Token open = next(Mode::Expression);
  if (!(open.kind == Tok::Op && open.text == "(")) {
    failAt(open, "MissingOpenParenthesisAfterKeyword", std::string("Missing '(' after '") + keyword + "'.");
  }
  skipNewlines();
  Token first = peek(Mode::Expression);
  if (first.kind == Tok::Op && first.text == ")") {
    failAt(first, "ExpectedExpression", std::string("Missing condition after '") + keyword + " ('.");
  }
  NodePtr cond = statement();
  skipNewlines();
  Token close = next(Mode::Expression);
  if (!(close.kind == Tok::Op && close.text == ")")) {
    failAt(close, "MissingEndParenthesisAfterStatement", std::string("Missing ')' after the condition of '") + keyword + "'.");
  }
  return cond;
}

NodePtr Parser::ifStatement(const Token& t) {
  auto node = makeNode(Kind::If, t.begin, t.end);
  node->kids.push_back(condition("if"));
  node->kids.push_back(block("if ( condition )"));
  for (;;) {
    size_t save = tz_.position();
    skipNewlines();
    Token w = peek(Mode::Expression);
    std::string word = w.kind == Tok::Word && isKeywordEnd(src_, w.end) ? lowerAscii(w.text) : "";
    if (word == "elseif") {
      next(Mode::Expression);
      node->kids.push_back(condition("elseif"));
      node->kids.push_back(block("elseif ( condition )"));
      continue;
    }
    if (word == "else") {
      next(Mode::Expression);
      node->kids.push_back(block("else"));
      node->flags |= kHasElse;
      break;
    }
    tz_.reset(save);
    break;
  }
  node->at.end = node->kids.back()->at.end;
  return node;
}

NodePtr Parser::whileStatement(const Token& t, const std::string& label) {
  auto node = makeNode(Kind::While, t.begin, t.end);
  node->text = label;
  node->kids.push_back(condition("while"));
  node->kids.push_back(block("while ( condition )"));
  node->at.end = node->kids.back()->at.end;
  return node;
}

NodePtr Parser::doStatement(const Token& t, const std::string& label) {
  auto body = block("do");
  skipNewlines();
  Token w = next(Mode::Expression);
  std::string word = w.kind == Tok::Word ? lowerAscii(w.text) : "";
  if (word != "while" && word != "until") failAt(w, "MissingWhileOrUntilInDoWhile", "Missing 'while' or 'until' after the block of 'do'.");
  auto node = makeNode(word == "while" ? Kind::DoWhile : Kind::DoUntil, t.begin, t.end);
  node->text = label;
  node->kids.push_back(std::move(body));
  node->kids.push_back(condition(word == "while" ? "while" : "until"));
  node->at.end = tz_.position();
  return node;
}

NodePtr Parser::forStatement(const Token& t, const std::string& label) {
  auto node = makeNode(Kind::For, t.begin, t.end);
  node->text = label;
  skipNewlines();
  Token open = next(Mode::Expression);
  if (!(open.kind == Tok::Op && open.text == "(")) failAt(open, "MissingOpenParenthesisAfterKeyword", "Missing '(' after 'for'.");
  // Three parts, each optional, separated by `;` or line breaks.
  for (int part = 0; part < 3; ++part) {
    skipNewlines();
    Token p = peek(Mode::Expression);
    if ((p.kind == Tok::Op && p.text == ")") || p.kind == Tok::Semi) {
      node->kids.push_back(makeNode(Kind::Empty, p.begin, p.begin));
    } else {
      node->kids.push_back(statement());
    }
    Token sep = peek(Mode::Expression);
    if (part < 2 && (sep.kind == Tok::Semi || sep.kind == Tok::NewLine)) next(Mode::Expression);
  }
  skipNewlines();
  Token close = next(Mode::Expression);
  if (!(close.kind == Tok::Op && close.text == ")")) failAt(close, "MissingEndParenthesisAfterStatement", "Missing ')' after the parts of 'for'.");
  node->kids.push_back(block("for ( ... )"));
  node->at.end = node->kids.back()->at.end;
  return node;
}

NodePtr Parser::foreachStatement(const Token& t, const std::string& label) {
  auto node = makeNode(Kind::Foreach, t.begin, t.end);
  node->text = label;
  Token flag = peek(Mode::Command);
  if (flag.kind == Tok::Parameter) {
    next(Mode::Command);
    failAt(flag, "NotSupportedInPlush", "foreach -" + flag.text + " (parallel workflows) is not supported in plush.");
  }
  skipNewlines();
  Token open = next(Mode::Expression);
  if (!(open.kind == Tok::Op && open.text == "(")) failAt(open, "MissingOpenParenthesisAfterKeyword", "Missing '(' after 'foreach'.");
  skipNewlines();
  Token var = next(Mode::Expression);
  if (var.kind != Tok::Variable) failAt(var, "MissingVariableNameAfterForeach", "Missing a variable name after 'foreach ('.");
  auto v = makeNode(Kind::Variable, var.begin, var.end);
  v->text = var.text;
  v->scope = var.scope;
  node->kids.push_back(std::move(v));
  skipNewlines();
  Token in = next(Mode::Expression);
  if (!(in.kind == Tok::Word && lowerAscii(in.text) == "in")) failAt(in, "MissingInInForeach", "Missing 'in' after the variable of 'foreach'.");
  skipNewlines();
  node->kids.push_back(pipeline());
  skipNewlines();
  Token close = next(Mode::Expression);
  if (!(close.kind == Tok::Op && close.text == ")")) failAt(close, "MissingEndParenthesisAfterForeach", "Missing ')' after the collection of 'foreach'.");
  node->kids.push_back(block("foreach ( ... )"));
  node->at.end = node->kids.back()->at.end;
  return node;
}

NodePtr Parser::switchStatement(const Token& t, const std::string& label) {
  auto node = makeNode(Kind::Switch, t.begin, t.end);
  node->text = label;
  bool file = false;
  for (;;) {
    Token o = peek(Mode::Command);
    if (o.kind != Tok::Parameter) break;
    next(Mode::Command);
    std::string name = lowerAscii(o.text);
    if (name == "regex") node->flags |= kSwitchRegex;
    else if (name == "wildcard") node->flags |= kSwitchWildcard;
    else if (name == "exact") node->flags |= kSwitchExact;
    else if (name == "casesensitive") node->flags |= kSwitchCaseSensitive;
    else if (name == "file") { node->flags |= kSwitchFile; file = true; }
    else if (name == "parallel") failAt(o, "NotSupportedInPlush", "switch -parallel is not supported in plush.");
    else failAt(o, "InvalidSwitchFlag", "'-" + o.text + "' is not a switch option; use -regex, -wildcard, -exact, -casesensitive or -file.");
  }
  if (file) {
    node->kids.push_back(argumentValue());
  } else {
    node->kids.push_back(condition("switch"));
  }
  skipNewlines();
  Token open = next(Mode::Expression);
  if (!(open.kind == Tok::Op && open.text == "{")) failAt(open, "MissingCurlyBraceInSwitchStatement", "Missing '{' after 'switch ( ... )'.");
  for (;;) {
    skipTerminators();
    Token c = peek(Mode::Command);
    if (c.kind == Tok::End) throw ParseError{"MissingEndCurlyBrace", "Missing closing '}' of the switch statement.", open.begin, open.end, true};
    if (c.kind == Tok::Op && c.text == "}") { next(Mode::Command); break; }
    auto clause = makeNode(Kind::SwitchClause, c.begin, c.end);
    if (c.kind == Tok::Word && lowerAscii(c.text) == "default" && !c.expandable) {
      next(Mode::Command);
      clause->flags |= kDefault;
      clause->kids.push_back(makeNode(Kind::Empty, c.begin, c.end));
    } else if (c.kind == Tok::Op && c.text == "{") {
      Token brace = next(Mode::Command);
      clause->kids.push_back(scriptBlockExpression(brace));
    } else {
      clause->kids.push_back(argumentValue());
    }
    clause->kids.push_back(block("a switch condition"));
    clause->at.end = clause->kids.back()->at.end;
    node->kids.push_back(std::move(clause));
  }
  node->at.end = tz_.position();
  return node;
}

NodePtr Parser::tryStatement(const Token& t) {
  auto node = makeNode(Kind::Try, t.begin, t.end);
  node->kids.push_back(block("try"));
  bool any = false;
  for (;;) {
    size_t save = tz_.position();
    skipNewlines();
    Token w = peek(Mode::Expression);
    std::string word = w.kind == Tok::Word && isKeywordEnd(src_, w.end) ? lowerAscii(w.text) : "";
    if (word == "catch") {
      next(Mode::Expression);
      auto c = makeNode(Kind::CatchClause, w.begin, w.end);
      for (;;) {
        skipNewlines();
        Token open = peek(Mode::Expression);
        if (!(open.kind == Tok::Op && open.text == "[")) break;
        next(Mode::Expression);
        size_t end = 0;
        auto type = makeNode(Kind::TypeName, open.begin, open.end);
        type->text = typeName(end);
        type->at.end = end;
        c->kids.push_back(std::move(type));
        skipNewlines();
        if (!peekOp(",")) break;
        next(Mode::Expression);
      }
      c->kids.push_back(block("catch"));
      c->at.end = c->kids.back()->at.end;
      node->kids.push_back(std::move(c));
      any = true;
      continue;
    }
    if (word == "finally") {
      next(Mode::Expression);
      auto f = makeNode(Kind::Finally, w.begin, w.end);
      f->kids.push_back(block("finally"));
      f->at.end = f->kids.back()->at.end;
      node->kids.push_back(std::move(f));
      any = true;
      break;
    }
    tz_.reset(save);
    break;
  }
  if (!any) {
    Token n = peek(Mode::Expression);
    throw ParseError{"MissingCatchOrFinally", "The try statement is missing its catch or finally block.", t.begin, t.end,
                     n.kind == Tok::End};
  }
  node->at.end = node->kids.back()->at.end;
  return node;
}

NodePtr Parser::trapStatement(const Token& t) {
  auto node = makeNode(Kind::Trap, t.begin, t.end);
  skipNewlines();
  if (peekOp("[")) {
    Token open = next(Mode::Expression);
    size_t end = 0;
    auto type = makeNode(Kind::TypeName, open.begin, open.end);
    type->text = typeName(end);
    type->at.end = end;
    node->kids.push_back(std::move(type));
  }
  node->kids.push_back(block("trap"));
  node->at.end = node->kids.back()->at.end;
  return node;
}

// return, throw, exit take an optional pipeline on the same line; break, continue an optional label.
NodePtr Parser::flowStatement(Kind kind, const Token& t) {
  auto node = makeNode(kind, t.begin, t.end);
  Token n = peek(Mode::Command);
  bool ends = n.kind == Tok::End || n.kind == Tok::NewLine || n.kind == Tok::Semi ||
              (n.kind == Tok::Op && (n.text == "}" || n.text == ")" || n.text == "|"));
  if (!ends) {
    if (kind == Kind::Break || kind == Kind::Continue) {
      Token label = next(Mode::Command);
      if (label.kind != Tok::Word) failAt(label, "UnexpectedToken", "'" + t.text + "' takes a loop label, not '" + text(label.begin, label.end) + "'.");
      node->text = label.text;
    } else {
      node->kids.push_back(pipeline());
    }
  }
  node->at.end = tz_.position();
  return node;
}

NodePtr Parser::functionDefinition(const Token& t, bool filter) {
  // The name: up to a blank, `(` (its parameters) or `{` (its body).
  tz_.skipBlanks();
  Token name;
  name.begin = tz_.position();
  size_t at = name.begin;
  while (at < tz_.limit() && !std::strchr(" \t\r\n(){};|", src_[at])) ++at;
  name.end = at;
  if (at == name.begin) failAt(peek(Mode::Command), "MissingNameAfterKeyword", "Missing the function name after '" + t.text + "'.");
  name.text = text(name.begin, at);
  tz_.reset(at);
  std::string fname = name.text;
  size_t colon = fname.find(':');
  if (colon != std::string::npos) {
    std::string scope = lowerAscii(fname.substr(0, colon));
    if (scope == "script" || scope == "global" || scope == "local" || scope == "private") fname = fname.substr(colon + 1);
  }
  auto node = makeNode(Kind::FunctionDefinition, t.begin, name.end);
  node->text = fname;
  if (filter) node->flags |= kFilter;
  result_.functions.insert(lowerAscii(fname));
  NodePtr params;
  skipNewlines();
  if (peekOp("(")) {
    Token open = next(Mode::Expression);
    params = parameterList(')', open.begin);
  }
  skipNewlines();
  Token open = next(Mode::Expression);
  if (!(open.kind == Tok::Op && open.text == "{")) failAt(open, "MissingFunctionBody", "Missing the body { } of function '" + fname + "'.");
  auto body = scriptBody('}', open.begin);
  Token close = next(Mode::Expression);
  body->at.end = close.end;
  if (params) {
    bool hasBlock = !body->kids.empty() && body->kids[0]->kind == Kind::ParamBlock;
    if (hasBlock) fail("OnlyOneParameterList", "A function cannot have both ( ) parameters and a param( ) block.", params->at.begin, params->at.end);
    body->kids.insert(body->kids.begin(), std::move(params));
  }
  attachHelp(*node, t.begin, *body);
  node->kids.push_back(std::move(body));
  node->at.end = close.end;
  return node;
}

// Comment-based help: a <# ... #> block just before `function`, first in its body, or last in it.
void Parser::attachHelp(Node& function, size_t keywordBegin, const Node& body) {
  for (const auto& c : tz_.blockComments()) {
    std::string_view inner = src_.substr(c.textBegin, c.textEnd - c.textBegin);
    if (inner.find('.') == std::string_view::npos) continue;
    bool before = c.end <= keywordBegin && onlyBlanksBetween(src_, c.end, keywordBegin, 2);
    bool inside = c.begin > body.at.begin && c.end < body.at.end &&
                  (onlyBlanksBetween(src_, body.at.begin + 1, c.begin, 100) || onlyBlanksBetween(src_, c.end, body.at.end - 1, 100));
    if (before || inside) {
      function.help = std::string(inner);
      return;
    }
  }
}

}  // namespace plush::lang::powershell
