// The PowerShell tokenizer: tokens in expression mode or command (argument) mode, as the parser asks.
#include "lang/powershell/tokenizer.h"

#include <cmath>
#include <cstdlib>
#include <cstring>

namespace plush::lang::powershell {

namespace {

bool isBlank(char c) { return c == ' ' || c == '\t' || c == '\f' || c == '\v'; }
bool isDigit(char c) { return c >= '0' && c <= '9'; }
bool isLetter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool isHex(char c) { return isDigit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'); }
char lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : c; }

std::string lowered(std::string_view s) {
  std::string out(s);
  for (auto& c : out) c = lower(c);
  return out;
}

bool threeBytes(std::string_view s, size_t at, unsigned char a, unsigned char b, unsigned char c) {
  return at + 2 < s.size() && static_cast<unsigned char>(s[at]) == a && static_cast<unsigned char>(s[at + 1]) == b &&
         static_cast<unsigned char>(s[at + 2]) == c;
}

// The dash-word operators of PowerShell (without their `i`/`c` case prefixes).
const char* const kDashOperators[] = {
    "eq", "ne", "gt", "ge", "lt", "le", "like", "notlike", "match", "notmatch", "contains", "notcontains",
    "in", "notin", "replace", "split", "join", "is", "isnot", "as", "f", "and", "or", "xor", "not",
    "band", "bor", "bxor", "bnot", "shl", "shr"};
const char* const kCaseSensitiveOperators[] = {
    "eq", "ne", "gt", "ge", "lt", "le", "like", "notlike", "match", "notmatch", "contains", "notcontains",
    "in", "notin", "replace", "split"};

bool isDashOperator(const std::string& word) {
  for (const char* op : kDashOperators)
    if (word == op) return true;
  if (word.size() > 1 && (word[0] == 'i' || word[0] == 'c')) {
    std::string rest = word.substr(1);
    for (const char* op : kCaseSensitiveOperators)
      if (rest == op) return true;
  }
  return false;
}

// Bytes that end a bare word in command mode.
bool endsBareWord(char c) {
  return isBlank(c) || c == '\n' || c == '\r' || c == ';' || c == '|' || c == ')' || c == '}' || c == ',' ||
         c == '&' || c == '\0';
}

}  // namespace

bool isSingleQuote(std::string_view s, size_t at, size_t* length) {
  if (at < s.size() && s[at] == '\'') { *length = 1; return true; }
  for (unsigned char c : {0x98, 0x99, 0x9A, 0x9B})
    if (threeBytes(s, at, 0xE2, 0x80, c)) { *length = 3; return true; }
  return false;
}

bool isDoubleQuote(std::string_view s, size_t at, size_t* length) {
  if (at < s.size() && s[at] == '"') { *length = 1; return true; }
  for (unsigned char c : {0x9C, 0x9D, 0x9E})
    if (threeBytes(s, at, 0xE2, 0x80, c)) { *length = 3; return true; }
  return false;
}

bool isDash(std::string_view s, size_t at, size_t* length) {
  if (at < s.size() && s[at] == '-') { *length = 1; return true; }
  for (unsigned char c : {0x93, 0x94, 0x95})
    if (threeBytes(s, at, 0xE2, 0x80, c)) { *length = 3; return true; }
  return false;
}

bool Tokenizer::isNameChar(char c) { return isLetter(c) || isDigit(c) || c == '_' || static_cast<unsigned char>(c) >= 0x80; }

Tokenizer::Tokenizer(std::string_view source, size_t begin, size_t end) : src_(source), pos_(begin), end_(end) {}

void Tokenizer::fail(std::string id, std::string message, size_t begin, size_t end, bool incomplete) const {
  throw ScanError{std::move(id), std::move(message), begin, end, incomplete};
}

bool Tokenizer::skipBlanks() {
  size_t start = pos_;
  while (pos_ < end_) {
    char c = src_[pos_];
    if (isBlank(c) || (c == '\r' && !(pos_ + 1 < end_ && src_[pos_ + 1] == '\n'))) { ++pos_; continue; }
    if (static_cast<unsigned char>(c) == 0xC2 && pos_ + 1 < end_ && static_cast<unsigned char>(src_[pos_ + 1]) == 0xA0) {
      pos_ += 2;  // a no-break space is a blank, as in PowerShell
      continue;
    }
    if (c == '`' && pos_ + 1 < end_ && (src_[pos_ + 1] == '\n' || src_[pos_ + 1] == '\r')) {
      pos_ += src_[pos_ + 1] == '\r' && pos_ + 2 < end_ && src_[pos_ + 2] == '\n' ? 3 : 2;
      continue;
    }
    if (c == '`' && pos_ + 1 >= end_) fail("IncompleteInput", "a line ending with a backtick continues on the next line", pos_, pos_ + 1, true);
    if (c == '#') {
      while (pos_ < end_ && src_[pos_] != '\n') ++pos_;
      continue;
    }
    if (c == '<' && pos_ + 1 < end_ && src_[pos_ + 1] == '#') {
      size_t close = src_.find("#>", pos_ + 2);
      if (close == std::string_view::npos || close + 2 > end_)
        fail("IncompleteInput", "the comment <# is not closed with #>", pos_, pos_ + 2, true);
      if (comments_.empty() || comments_.back().begin < pos_) comments_.push_back({pos_, close + 2, pos_ + 2, close});
      pos_ = close + 2;
      continue;
    }
    break;
  }
  return pos_ > start;
}

char Tokenizer::peekChar(size_t ahead) {
  size_t save = pos_;
  skipBlanks();
  char c = pos_ + ahead < end_ ? src_[pos_ + ahead] : '\0';
  pos_ = save;
  return c;
}

bool Tokenizer::pipeContinuesAfterNewlines(size_t& at) {
  size_t save = pos_;
  for (;;) {
    skipBlanks();
    if (pos_ < end_ && (src_[pos_] == '\n' || src_[pos_] == '\r')) { ++pos_; continue; }
    break;
  }
  bool pipe = pos_ < end_ && src_[pos_] == '|' && !(pos_ + 1 < end_ && src_[pos_ + 1] == '|');
  at = pos_;
  pos_ = save;
  return pipe;
}

Token Tokenizer::peek(Mode mode) {
  size_t save = pos_;
  Token t = next(mode);
  pos_ = save;
  return t;
}

Token Tokenizer::next(Mode mode) {
  Token t;
  t.spaceBefore = skipBlanks();
  t.begin = pos_;
  if (pos_ >= end_) {
    t.kind = Tok::End;
    t.end = pos_;
    return t;
  }
  char c = src_[pos_];
  if (c == '\n' || (c == '\r' && pos_ + 1 < end_ && src_[pos_ + 1] == '\n')) {
    pos_ += c == '\r' ? 2 : 1;
    t.kind = Tok::NewLine;
    t.end = pos_;
    return t;
  }
  if (c == ';') {
    ++pos_;
    t.kind = Tok::Semi;
    t.end = pos_;
    return t;
  }
  return mode == Mode::Expression ? scanExpression(t) : scanCommand(t);
}

// `$name`, `$scope:name`, `${any name}`, `$_`, `$?`, `$$`, `$^`. False when `$` starts no variable.
bool Tokenizer::scanVariable(Token& t) {
  size_t at = pos_ + 1;
  if (at < end_ && src_[at] == '{') {
    size_t close = at + 1;
    std::string name;
    while (close < end_ && src_[close] != '}') {
      if (src_[close] == '`' && close + 1 < end_) ++close;
      name += src_[close++];
    }
    if (close >= end_) fail("IncompleteInput", "the variable name ${ is not closed with }", pos_, at + 1, true);
    size_t colon = name.find(':');
    if (colon != std::string::npos && colon > 0) {
      t.scope = lowered(name.substr(0, colon));
      name = name.substr(colon + 1);
    }
    t.kind = Tok::Variable;
    t.text = name;
    t.braced = true;
    pos_ = close + 1;
    t.end = pos_;
    return true;
  }
  if (at < end_ && (src_[at] == '?' || src_[at] == '$' || src_[at] == '^')) {
    t.kind = Tok::Variable;
    t.text = std::string(1, src_[at]);
    pos_ = at + 1;
    t.end = pos_;
    return true;
  }
  size_t nameEnd = at;
  while (nameEnd < end_ && isNameChar(src_[nameEnd])) ++nameEnd;
  if (nameEnd == at) return false;
  std::string name(src_.substr(at, nameEnd - at));
  if (nameEnd < end_ && src_[nameEnd] == ':' && !(nameEnd + 1 < end_ && src_[nameEnd + 1] == ':')) {
    size_t rest = nameEnd + 1;
    size_t restEnd = rest;
    while (restEnd < end_ && isNameChar(src_[restEnd])) ++restEnd;
    if (restEnd == rest) {
      fail("InvalidVariableReferenceWithDrive",
           "Variable reference is not valid. ':' was not followed by a valid variable name character. "
           "Consider using ${} to delimit the name.",
           pos_, nameEnd + 1, false);
    }
    t.scope = lowered(name);
    name = std::string(src_.substr(rest, restEnd - rest));
    nameEnd = restEnd;
  }
  t.kind = Tok::Variable;
  t.text = name;
  pos_ = nameEnd;
  t.end = pos_;
  return true;
}

void Tokenizer::scanSingleQuoted(Token& t, size_t open) {
  size_t at = pos_ + open;
  std::string value;
  for (;;) {
    if (at >= end_) fail("IncompleteInput", "the string is missing its closing quote (')", t.begin, t.begin + open, true);
    size_t q;
    if (isSingleQuote(src_, at, &q)) {
      size_t q2;
      if (isSingleQuote(src_, at + q, &q2)) {  // '' inside '...' is one quote
        value += src_.substr(at, q);
        at += q + q2;
        continue;
      }
      t.contentBegin = pos_ + open;
      t.contentEnd = at;
      at += q;
      break;
    }
    value += src_[at++];
  }
  t.kind = Tok::String;
  t.text = std::move(value);
  pos_ = at;
  t.end = pos_;
}

// One past the closing quote of the string opening at `at` ('...' or "..."), skipping what nests inside.
size_t Tokenizer::skipQuoted(size_t at) {
  size_t q;
  if (isSingleQuote(src_, at, &q)) {
    at += q;
    for (;;) {
      if (at >= end_) return std::string_view::npos;
      size_t q1, q2;
      if (isSingleQuote(src_, at, &q1)) {
        if (isSingleQuote(src_, at + q1, &q2)) { at += q1 + q2; continue; }
        return at + q1;
      }
      ++at;
    }
  }
  isDoubleQuote(src_, at, &q);
  at += q;
  for (;;) {
    if (at >= end_) return std::string_view::npos;
    char c = src_[at];
    size_t q1, q2;
    if (c == '`') { at += 2; continue; }
    if (c == '$' && at + 1 < end_ && src_[at + 1] == '(') {
      at = skipSubExpression(at + 2);
      if (at == std::string_view::npos) return at;
      continue;
    }
    if (isDoubleQuote(src_, at, &q1)) {
      if (isDoubleQuote(src_, at + q1, &q2)) { at += q1 + q2; continue; }
      return at + q1;
    }
    ++at;
  }
}

// After `$(`: one past the matching `)`, stepping over strings, comments and nested brackets.
size_t Tokenizer::skipSubExpression(size_t at) {
  int depth = 1;
  while (at < end_) {
    char c = src_[at];
    size_t q;
    if (c == '`') { at += 2; continue; }
    if (c == '#') { while (at < end_ && src_[at] != '\n') ++at; continue; }
    if (c == '<' && at + 1 < end_ && src_[at + 1] == '#') {
      size_t close = src_.find("#>", at + 2);
      if (close == std::string_view::npos) return close;
      at = close + 2;
      continue;
    }
    if (c == '@' && at + 1 < end_ && (src_[at + 1] == '"' || src_[at + 1] == '\'')) {
      char quote = src_[at + 1];
      size_t close = src_.find(std::string("\n") + quote + "@", at + 2);
      if (close == std::string_view::npos) return close;
      at = close + 3;
      continue;
    }
    if (isSingleQuote(src_, at, &q) || isDoubleQuote(src_, at, &q)) {
      at = skipQuoted(at);
      if (at == std::string_view::npos) return at;
      continue;
    }
    if (c == '(' || c == '{' || c == '[') ++depth;
    if (c == ')' || c == '}' || c == ']') {
      if (--depth == 0) return at + 1;
    }
    ++at;
  }
  return std::string_view::npos;
}

void Tokenizer::scanDoubleQuoted(Token& t, size_t open) {
  size_t close = skipQuoted(pos_);
  if (close == std::string_view::npos || close > end_)
    fail("IncompleteInput", "the string is missing its closing quote (\")", t.begin, t.begin + open, true);
  size_t q = 1;
  // the closing quote may be one or three bytes
  for (size_t back : {size_t{3}, size_t{1}}) {
    size_t len;
    if (close >= back && isDoubleQuote(src_, close - back, &len) && len == back) { q = back; break; }
  }
  t.kind = Tok::ExpandString;
  t.contentBegin = pos_ + open;
  t.contentEnd = close - q;
  pos_ = close;
  t.end = pos_;
}

// @" ... "@ and @' ... '@: the opening must end its line, the closing must start one.
bool Tokenizer::scanHereString(Token& t) {
  char quote = src_[pos_ + 1];
  size_t at = pos_ + 2;
  while (at < end_ && isBlank(src_[at])) ++at;
  if (at < end_ && src_[at] == '\r') ++at;
  if (at >= end_) fail("IncompleteInput", std::string("the here-string @") + quote + " is not closed", t.begin, t.begin + 2, true);
  if (src_[at] != '\n') {
    fail("UnexpectedCharactersAfterHereStringHeader",
         std::string("No characters are allowed after a here-string header but before the end of the line (after @") + quote + ").",
         pos_, at + 1, false);
  }
  size_t contentBegin = at + 1;
  size_t line = contentBegin;
  for (;;) {
    if (line >= end_) fail("IncompleteInput", std::string("the here-string @") + quote + " is not closed with " + quote + "@ at the start of a line", t.begin, t.begin + 2, true);
    if (src_[line] == quote && line + 1 < end_ && src_[line + 1] == '@') break;
    size_t nl = src_.find('\n', line);
    if (nl == std::string_view::npos || nl >= end_) {
      fail("IncompleteInput", std::string("the here-string @") + quote + " is not closed with " + quote + "@ at the start of a line", t.begin, t.begin + 2, true);
    }
    line = nl + 1;
  }
  size_t contentEnd = line > contentBegin ? line - 1 : contentBegin;  // the line break before "@ is not content
  if (contentEnd > contentBegin && src_[contentEnd - 1] == '\r') --contentEnd;
  t.contentBegin = contentBegin;
  t.contentEnd = contentEnd;
  t.hereString = true;
  if (quote == '\'') {
    t.kind = Tok::String;
    t.text = std::string(src_.substr(contentBegin, contentEnd - contentBegin));
  } else {
    t.kind = Tok::ExpandString;
  }
  pos_ = line + 2;
  t.end = pos_;
  return true;
}

void Tokenizer::scanDashOperator(Token& t) {
  size_t dash;
  isDash(src_, pos_, &dash);
  size_t at = pos_ + dash;
  size_t wordEnd = at;
  while (wordEnd < end_ && isLetter(src_[wordEnd])) ++wordEnd;
  std::string word = lowered(src_.substr(at, wordEnd - at));
  t.kind = Tok::Op;
  t.text = "-" + word;
  t.knownOperator = isDashOperator(word);
  pos_ = wordEnd;
  t.end = pos_;
}

// One past a number literal starting at `at`, or `at` when none starts there. In command mode the
// literal must end where a bare word ends (`5x` is a word).
size_t Tokenizer::numberEnd(size_t at, bool command) const {
  size_t i = at;
  if (command && i < end_ && (src_[i] == '-' || src_[i] == '+')) ++i;
  size_t digitsStart = i;
  if (i + 1 < end_ && src_[i] == '0' && lower(src_[i + 1]) == 'x' && i + 2 < end_ && isHex(src_[i + 2])) {
    i += 2;
    while (i < end_ && isHex(src_[i])) ++i;
  } else {
    while (i < end_ && isDigit(src_[i])) ++i;
    bool intPart = i > digitsStart;
    if (i < end_ && src_[i] == '.' && i + 1 < end_ && isDigit(src_[i + 1])) {
      ++i;
      while (i < end_ && isDigit(src_[i])) ++i;
    } else if (!intPart) {
      return at;
    } else if (i < end_ && src_[i] == '.' && !(i + 1 < end_ && src_[i + 1] == '.') && !(i + 1 < end_ && isNameChar(src_[i + 1]))) {
      ++i;  // `1.` is a number
    }
    if (i < end_ && lower(src_[i]) == 'e') {
      size_t e = i + 1;
      if (e < end_ && (src_[e] == '+' || src_[e] == '-')) ++e;
      if (e < end_ && isDigit(src_[e])) {
        i = e;
        while (i < end_ && isDigit(src_[i])) ++i;
      }
    }
  }
  // a type suffix (l long, d decimal), then a multiplier (kb mb gb tb pb)
  auto multiplierAt = [&](size_t at) {
    return at + 1 < end_ && std::strchr("kmgtp", lower(src_[at])) && lower(src_[at + 1]) == 'b';
  };
  if (i < end_ && (lower(src_[i]) == 'l' || lower(src_[i]) == 'd') &&
      (i + 1 >= end_ || !isNameChar(src_[i + 1]) || multiplierAt(i + 1)))
    ++i;
  if (multiplierAt(i)) i += 2;
  if (i < end_) {
    char c = src_[i];
    if (command ? !endsBareWord(c) : (isNameChar(c) || c == '$')) return at;
  }
  return i;
}

// The number literal up to `end`.
Token Tokenizer::takeNumber(Token t, size_t end) {
  t.kind = Tok::Number;
  t.text = std::string(src_.substr(pos_, end - pos_));
  pos_ = end;
  t.end = pos_;
  return t;
}

// The next `length` bytes as an operator token.
Token Tokenizer::takeOp(Token t, size_t length) {
  t.kind = Tok::Op;
  t.text = std::string(src_.substr(pos_, length));
  pos_ += length;
  t.end = pos_;
  return t;
}

Token Tokenizer::scanExpression(Token t) {
  char c = src_[pos_];
  char n = pos_ + 1 < end_ ? src_[pos_ + 1] : '\0';
  size_t q;
  auto op = [&](size_t length) { return takeOp(t, length); };
  if (c == '$') {
    if (n == '(') return op(2);
    if (scanVariable(t)) return t;
    fail("UnexpectedToken", "'$' must be followed by a variable name, ( or {", pos_, pos_ + 1, false);
  }
  if (c == '@') {
    if (n == '(' || n == '{') return op(2);
    if (n == '"' || n == '\'') { scanHereString(t); return t; }
    size_t nameEnd = pos_ + 1;
    while (nameEnd < end_ && isNameChar(src_[nameEnd])) ++nameEnd;
    if (nameEnd > pos_ + 1) {
      t.kind = Tok::SplatVariable;
      t.text = std::string(src_.substr(pos_ + 1, nameEnd - pos_ - 1));
      pos_ = nameEnd;
      t.end = pos_;
      return t;
    }
    fail("UnexpectedToken", "'@' must be followed by (, {, a quote or a variable name", pos_, pos_ + 1, false);
  }
  if (isSingleQuote(src_, pos_, &q)) { scanSingleQuoted(t, q); return t; }
  if (isDoubleQuote(src_, pos_, &q)) { scanDoubleQuoted(t, q); return t; }
  if (isDigit(c) || (c == '.' && isDigit(n))) {
    size_t e = numberEnd(pos_, false);
    if (e > pos_) return takeNumber(t, e);
  }
  size_t dash;
  if (isDash(src_, pos_, &dash)) {
    char after = pos_ + dash < end_ ? src_[pos_ + dash] : '\0';
    if (isLetter(after)) { scanDashOperator(t); return t; }
    if (after == '-') return op(dash + 1);
    if (after == '=') return op(dash + 1);
    t.kind = Tok::Op;
    t.text = "-";
    pos_ += dash;
    t.end = pos_;
    return t;
  }
  if (isNameChar(c)) {
    size_t e = pos_;
    while (e < end_ && isNameChar(src_[e])) ++e;
    t.kind = Tok::Word;
    t.text = std::string(src_.substr(pos_, e - pos_));
    pos_ = e;
    t.end = pos_;
    return t;
  }
  switch (c) {
    case '+': return op(n == '+' || n == '=' ? 2 : 1);
    case '*': case '/': case '%': return op(n == '=' ? 2 : 1);
    case '=': return op(n == '=' ? 2 : 1);
    case '!': return op(n == '=' ? 2 : 1);
    case '.': return op(n == '.' ? 2 : 1);
    case ':': return op(n == ':' ? 2 : 1);
    case '?':
      if (n == '?' && pos_ + 2 < end_ && src_[pos_ + 2] == '=') return op(3);
      return op(n == '?' || n == '.' || n == '[' ? 2 : 1);
    case '|': return op(n == '|' ? 2 : 1);
    case '&': return op(n == '&' ? 2 : 1);
    case '(': case ')': case '{': case '}': case '[': case ']': case ',': return op(1);
    case '>': t.kind = Tok::Redirection; t.text = n == '>' ? ">>" : ">"; pos_ += t.text.size(); t.end = pos_; return t;
    case '<': return op(1);
    default: break;
  }
  fail("UnexpectedToken", "Unexpected character '" + std::string(1, c) + "'", pos_, pos_ + 1, false);
}

// A bare word in command mode: up to a blank or `; | ) } , &`; `$` inside makes it expandable.
void Tokenizer::scanBareWord(Token& t) {
  size_t at = pos_;
  std::string value;
  bool expandable = false;
  while (at < end_ && !endsBareWord(src_[at])) {
    char c = src_[at];
    if (c == '`') {
      if (at + 1 >= end_) break;
      expandable = true;
      at += 2;
      continue;
    }
    size_t q;
    if (at > pos_ && (isSingleQuote(src_, at, &q) || isDoubleQuote(src_, at, &q))) {
      // a'b c'd is one word: the quoted part keeps its blanks
      size_t close = skipQuoted(at);
      if (close == std::string_view::npos || close > end_) fail("IncompleteInput", "the string is missing its closing quote", at, at + q, true);
      expandable = true;
      at = close;
      continue;
    }
    if (c == '$' && at + 1 < end_ && (isNameChar(src_[at + 1]) || src_[at + 1] == '{' || src_[at + 1] == '(')) {
      expandable = true;
      if (src_[at + 1] == '(') {
        size_t close = skipSubExpression(at + 2);
        if (close == std::string_view::npos) fail("IncompleteInput", "the sub-expression $( is not closed with )", at, at + 2, true);
        at = close;
        continue;
      }
    }
    ++at;
  }
  t.kind = Tok::Word;
  t.text = std::string(src_.substr(pos_, at - pos_));
  t.expandable = expandable;
  t.contentBegin = pos_;
  t.contentEnd = at;
  pos_ = at;
  t.end = pos_;
}

Token Tokenizer::scanCommand(Token t) {
  char c = src_[pos_];
  char n = pos_ + 1 < end_ ? src_[pos_ + 1] : '\0';
  size_t q;
  auto op = [&](size_t length) { return takeOp(t, length); };
  switch (c) {
    case '|': return op(n == '|' ? 2 : 1);
    case ')': case '}': case ',': case '(': case '{': return op(1);
    case '&': return op(n == '&' ? 2 : 1);
    case '>': t.kind = Tok::Redirection; t.text = n == '>' ? ">>" : ">"; pos_ += t.text.size(); t.end = pos_; return t;
    default: break;
  }
  // 2> 2>> 2>&1 *> 3>&1 ...: a stream redirection
  if ((isDigit(c) || c == '*') && n == '>') {
    size_t at = pos_ + 2;
    if (at < end_ && src_[at] == '>') ++at;
    if (at + 1 < end_ && src_[at] == '&' && isDigit(src_[at + 1])) at += 2;
    t.kind = Tok::Redirection;
    t.text = std::string(src_.substr(pos_, at - pos_));
    pos_ = at;
    t.end = pos_;
    return t;
  }
  if (c == '$' || c == '@' || isSingleQuote(src_, pos_, &q) || isDoubleQuote(src_, pos_, &q)) {
    if (c == '$' && !(n == '(' || n == '{' || isNameChar(n) || n == '?' || n == '$' || n == '^')) {
      scanBareWord(t);
      return t;
    }
    if (c == '@' && !(n == '(' || n == '{' || n == '"' || n == '\'' || isNameChar(n))) {
      scanBareWord(t);
      return t;
    }
    return scanExpression(t);
  }
  size_t dash;
  if (isDash(src_, pos_, &dash)) {
    char after = pos_ + dash < end_ ? src_[pos_ + dash] : '\0';
    if (isLetter(after) || after == '_' || after == '?') {
      size_t at = pos_ + dash;
      while (at < end_ && !endsBareWord(src_[at]) && src_[at] != ':' && src_[at] != '(' && src_[at] != '{' &&
             src_[at] != '$' && src_[at] != '\'' && src_[at] != '"')
        ++at;
      t.kind = Tok::Parameter;
      t.text = std::string(src_.substr(pos_ + dash, at - pos_ - dash));
      if (at < end_ && src_[at] == ':') {
        t.colon = true;
        ++at;
      }
      pos_ = at;
      t.end = pos_;
      return t;
    }
    if (after == '-' && (pos_ + dash + 1 >= end_ || endsBareWord(src_[pos_ + dash + 1]))) {
      if (pos_ + dash + 1 < end_ && src_[pos_ + dash + 1] == '%') {
        fail("NotSupportedInPlush", "The stop-parsing token --% is not supported in plush.", pos_, pos_ + 3, false);
      }
      return op(dash + 1);  // `--`: what follows are arguments, not parameters
    }
  }
  size_t e = numberEnd(pos_, true);
  if (e > pos_) return takeNumber(t, e);
  scanBareWord(t);
  return t;
}

// The value of a number literal: integers stay integers (Int32/Int64), others are doubles;
// `kb mb gb tb pb` multiply, `l` makes a long, `d` a decimal (kept as a double).
bool parseNumber(std::string_view text, Node& number) {
  std::string s = lowered(text);
  bool negative = false;
  if (!s.empty() && (s[0] == '-' || s[0] == '+')) {
    negative = s[0] == '-';
    s.erase(0, 1);
  }
  long long multiplier = 1;
  if (s.size() > 2 && s.back() == 'b' && std::strchr("kmgtp", s[s.size() - 2])) {
    int power = static_cast<int>(std::strchr("kmgtp", s[s.size() - 2]) - "kmgtp") + 1;
    for (int i = 0; i < power; ++i) multiplier *= 1024;
    s.resize(s.size() - 2);
  }
  char suffix = 0;
  bool hex = s.size() > 2 && s[0] == '0' && s[1] == 'x';
  if (!s.empty() && (s.back() == 'l' || (s.back() == 'd' && !hex))) {
    suffix = s.back();
    s.pop_back();
  }
  if (s.empty()) return false;
  number.numberType = suffix;
  if (hex) {
    errno = 0;
    unsigned long long v = std::strtoull(s.c_str() + 2, nullptr, 16);
    if (errno) return false;
    long long value = static_cast<long long>(v);
    // 0xFFFFFFFF is Int32 -1, as in PowerShell; longer literals are Int64
    if (s.size() - 2 <= 8 && suffix != 'l') value = static_cast<int32_t>(static_cast<uint32_t>(v));
    number.isInteger = true;
    number.integer = (negative ? -value : value) * multiplier;
    number.num = static_cast<double>(number.integer);
    return true;
  }
  bool real = s.find_first_of(".e") != std::string::npos || suffix == 'd';
  char* endp = nullptr;
  double d = std::strtod(s.c_str(), &endp);
  if (!endp || *endp) return false;
  if (negative) d = -d;
  if (!real && std::fabs(d) * multiplier < 9.2e18) {
    number.isInteger = true;
    number.integer = std::strtoll(s.c_str(), nullptr, 10) * (negative ? -1 : 1) * multiplier;
    number.num = static_cast<double>(number.integer);
    return true;
  }
  number.isInteger = false;
  number.num = d * static_cast<double>(multiplier);
  return true;
}

}  // namespace plush::lang::powershell
