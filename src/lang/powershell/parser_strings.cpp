// The PowerShell parser's expandable strings: "text $var $(statements) `escapes" as literal parts and expressions.
#include <cstdlib>

#include "lang/powershell/parser.h"
#include "lang/powershell/parser_support.h"

namespace plush::lang::powershell {

namespace {

void appendUtf8(std::string& out, unsigned long cp) {
  if (cp < 0x80) out += static_cast<char>(cp);
  else if (cp < 0x800) { out += static_cast<char>(0xC0 | (cp >> 6)); out += static_cast<char>(0x80 | (cp & 0x3F)); }
  else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

// The character a backtick escape stands for (about_Special_Characters); `i` moves past it.
void escape(std::string_view s, size_t& i, size_t end, std::string& out) {
  char c = s[i + 1];
  i += 2;
  switch (c) {
    case '0': out += '\0'; return;
    case 'a': out += '\a'; return;
    case 'b': out += '\b'; return;
    case 'e': out += '\x1b'; return;
    case 'f': out += '\f'; return;
    case 'n': out += '\n'; return;
    case 'r': out += '\r'; return;
    case 't': out += '\t'; return;
    case 'v': out += '\v'; return;
    case 'u':
      if (i < end && s[i] == '{') {
        size_t close = s.find('}', i);
        if (close != std::string_view::npos && close < end) {
          std::string hex(s.substr(i + 1, close - i - 1));
          appendUtf8(out, std::strtoul(hex.c_str(), nullptr, 16) & 0x1FFFFF);
          i = close + 1;
          return;
        }
      }
      out += 'u';
      return;
    default: out += c; return;
  }
}

}  // namespace

// The parts of an expandable string whose raw text is [begin, end).
NodePtr Parser::expandable(size_t begin, size_t end, size_t nodeBegin, size_t nodeEnd, bool hereString, bool bareWord) {
  auto node = makeNode(Kind::ExpandableString, nodeBegin, nodeEnd);
  if (hereString) node->flags |= kHereString;
  if (bareWord) node->flags |= kBareWord;
  std::string literal;
  size_t literalBegin = begin;
  auto flush = [&](size_t at) {
    if (literal.empty()) return;
    auto s = makeNode(Kind::StringLiteral, literalBegin, at);
    s->text = std::move(literal);
    literal.clear();
    node->kids.push_back(std::move(s));
  };
  size_t i = begin;
  bool inDouble = false;  // inside "..." within a bare word
  while (i < end) {
    char c = src_[i];
    size_t q, q2;
    if (bareWord && !inDouble && isSingleQuote(src_, i, &q)) {
      // 'literal' inside a bare word: its text as written, '' for one quote
      i += q;
      while (i < end) {
        if (isSingleQuote(src_, i, &q)) {
          if (isSingleQuote(src_, i + q, &q2)) { literal += src_.substr(i, q); i += q + q2; continue; }
          i += q;
          break;
        }
        literal += src_[i++];
      }
      continue;
    }
    if (bareWord && isDoubleQuote(src_, i, &q)) {
      if (inDouble && isDoubleQuote(src_, i + q, &q2)) {
        literal += src_.substr(i, q);
        i += q + q2;
        continue;
      }
      inDouble = !inDouble;
      i += q;
      continue;
    }
    if (c == '`' && i + 1 < end) {
      escape(src_, i, end, literal);
      continue;
    }
    if (!hereString && !bareWord && isDoubleQuote(src_, i, &q) && isDoubleQuote(src_, i + q, &q2)) {
      literal += src_.substr(i, q);
      i += q + q2;
      continue;
    }
    if (c == '$' && i + 1 < end) {
      char n = src_[i + 1];
      if (n == '(') {
        flush(i);
        size_t next = 0;
        node->kids.push_back(subExpressionAt(i, next));
        i = next;
        literalBegin = i;
        continue;
      }
      if (Tokenizer::isNameChar(n) || n == '{' || n == '_' || n == '?' || n == '$' || n == '^') {
        flush(i);
        Tokenizer vars(src_, i, end);
        Token t = vars.next(Mode::Expression);
        auto v = makeNode(Kind::Variable, t.begin, t.end);
        v->text = t.text;
        v->scope = t.scope;
        if (t.braced) v->flags |= kBraced;
        node->kids.push_back(std::move(v));
        i = t.end;
        literalBegin = i;
        continue;
      }
    }
    literal += c;
    ++i;
  }
  flush(end);
  return node;
}

// `$( statements )` inside a string at `dollar`; `next` is set one past its `)`.
NodePtr Parser::subExpressionAt(size_t dollar, size_t& next) {
  size_t close = tz_.subExpressionEnd(dollar + 2);
  if (close == std::string_view::npos || close > tz_.limit()) {
    throw ParseError{"IncompleteInput", "The sub-expression $( is not closed with ).", dollar, dollar + 2, true};
  }
  size_t savePos = tz_.position();
  size_t saveLimit = tz_.limit();
  tz_.reset(dollar + 2);
  tz_.setLimit(close - 1);
  NodePtr list;
  try {
    list = statementList(0);
  } catch (...) {
    tz_.setLimit(saveLimit);
    tz_.reset(savePos);
    throw;
  }
  tz_.setLimit(saveLimit);
  tz_.reset(savePos);
  auto node = makeNode(Kind::SubExpression, dollar, close);
  node->kids.push_back(std::move(list));
  next = close;
  return node;
}

}  // namespace plush::lang::powershell
