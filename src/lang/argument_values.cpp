// Argument values: bare words, numbers, quoted and interpolated strings, $variables, lists, @{} tables, script blocks.
#include <algorithm>
#include <string>

#include "lang/command_words.h"
#include "lang/lua_lexer.h"
#include "lang/lua_literal.h"
#include "lang/pushed_test.h"
#include "lang/translator_core.h"

namespace plush::lang::detail {

namespace {

// `5`, `-3`, `2.5`, `0x10`, `1e3`: a leading `+` is dropped, since Lua has no unary plus.
bool isNumberWord(std::string_view word, std::string& lua) {
  std::string_view digits = word;
  if (!digits.empty() && (digits[0] == '-' || digits[0] == '+')) digits.remove_prefix(1);
  if (!isNumeral(digits)) return false;
  lua = word[0] == '+' ? std::string(digits) : std::string(word);
  return true;
}

char backtickEscape(char c) {
  switch (c) {
    case '0': return '\0';
    case 'a': return '\a';
    case 'b': return '\b';
    case 'e': return '\x1b';
    case 'f': return '\f';
    case 'n': return '\n';
    case 'r': return '\r';
    case 't': return '\t';
    case 'v': return '\v';
    default: return c;
  }
}

}  // namespace

bool Translator::atValueEnd() const {
  return atEnd() || std::string_view("\n|;,)]}").find(src_[pos_]) != std::string_view::npos;
}

// `a,b,c` → __plush.L(a, b, c); blanks may surround the commas and a line may end after one.
void Translator::valueOrList() {
  size_t begin = pos_;
  size_t start = out_.size();
  value();
  size_t afterValue = pos_;
  skipSpaces();
  if (peek() != ',') {
    pos_ = afterValue;
    return;
  }
  out_.insert(start, "__plush.L(", begin);
  while (peek() == ',') {
    size_t comma = pos_++;
    int lines = 0;
    while (!atEnd() && std::string_view(" \t\r\n").find(src_[pos_]) != std::string_view::npos) lines += src_[pos_++] == '\n';
    out_.append(",", comma);
    out_.append(lines ? std::string(lines, '\n') : std::string(" "));
    if (atEnd()) incomplete("TrailingComma", "a list that ends with ',' continues on the next line", comma, 1);
    if (atValueEnd()) {
      error("UnexpectedToken", "a value is expected after ','", comma, 1);
      afterValue = pos_;
      break;
    }
    value();
    afterValue = pos_;
    skipSpaces();
  }
  pos_ = afterValue;
  out_.append(")");
}

void Translator::value() {
  char c = src_[pos_];
  char next = peek(1);
  if (c == '\'') {
    singleQuoted();
  } else if (c == '"') {
    doubleQuoted();
  } else if (c == '$' && next == '(') {
    ++pos_;
    nestedLua(')', true);
    postfix();
  } else if (c == '$' && isNameStart(next)) {
    variable();
    postfix();
  } else if (c == '(') {
    nestedLua(')', true);
    postfix();
  } else if (c == '{') {
    scriptBlock();
  } else if (c == '@' && next == '{') {
    hashTable();
  } else if (c == '@' && next == '(') {
    arraySubexpression();
  } else {
    bareWord();
  }
}

// `.Field` and `[index]` after a $variable or a parenthesized value.
void Translator::postfix() {
  for (;;) {
    if ((peek() == '.' || peek() == ':') && isNameStart(peek(1))) {
      bool method = peek() == ':';
      emitVerbatim(nameEnd(src_, pos_ + 1));
      // A call right after the name: `$d.AddDays(30)`, `("u%03d"):format(i)`; a method needs one.
      if (peek() == '(' || method) {
        if (peek() != '(') error("UnexpectedToken", "expected '(' with the arguments of the method", pos_, 1);
        else nestedLua(')', true);
      }
    } else if (peek() == '[' && longBracketLevel(src_, pos_) < 0) {
      nestedLua(']', true);
    } else {
      return;
    }
  }
}

void Translator::bareWord() {
  size_t begin = pos_;
  std::string text;
  bool escaped = false;
  size_t i = pos_;
  while (i < src_.size()) {
    char c = src_[i];
    if (i > begin && endsBareWord(c)) break;
    if (c == '`') {
      if (i + 1 >= src_.size() || newlineLength(i + 1)) break;  // a continuation, not part of the word
      text += src_[i + 1];
      i += 2;
      escaped = true;
      continue;
    }
    text += c;
    ++i;
  }
  if (i == begin) text += src_[i++];
  pos_ = i;
  std::string number;
  if (!escaped && isNumberWord(text, number)) {
    out_.append(number, begin);
  } else {
    out_.append(luaQuote(text), begin);
  }
}

// PowerShell's literal string: nothing is special but `''`, which is one quote.
void Translator::singleQuoted() {
  size_t begin = pos_++;
  std::string text;
  for (;;) {
    if (atEnd()) incomplete("UnterminatedString", "the string that starts here is not closed", begin, 1);
    char c = src_[pos_++];
    if (c == '\'') {
      if (peek() != '\'') break;
      ++pos_;
    }
    text += c;
  }
  out_.append(luaQuote(text), begin);
}

// PowerShell's expandable string: `$name.Field`, `$name[i]` and `$(expr)` become
// `__plush.str(expr)` joined with `..`; backtick escapes; `""` is one quote.
void Translator::doubleQuoted() {
  size_t begin = pos_++;
  size_t start = out_.size();
  std::string literal;
  int pieces = 0;
  bool interpolated = false;
  auto joinNext = [&] {
    if (pieces++) out_.append(" .. ");
  };
  auto flushLiteral = [&] {
    if (literal.empty()) return;
    joinNext();
    out_.append(luaQuote(literal));
    literal.clear();
  };
  for (;;) {
    if (atEnd()) incomplete("UnterminatedString", "the string that starts here is not closed", begin, 1);
    char c = src_[pos_];
    if (c == '"' && peek(1) == '"') {
      literal += '"';
      pos_ += 2;
    } else if (c == '"') {
      ++pos_;
      break;
    } else if (c == '`' && pos_ + 1 < src_.size()) {
      literal += backtickEscape(src_[pos_ + 1]);
      pos_ += 2;
    } else if (c == '$' && (peek(1) == '(' || isNameStart(peek(1)))) {
      flushLiteral();
      joinNext();
      interpolated = true;
      interpolation();
    } else {
      literal += c;
      ++pos_;
    }
  }
  flushLiteral();
  if (pieces == 0) out_.append("\"\"", begin);
  if (interpolated) {
    out_.insert(start, "(", begin);
    out_.append(")");
  }
}

// `$(expr)` or `$name.Field[i]` inside a double-quoted string, as text.
void Translator::interpolation() {
  out_.append("__plush.str(", pos_);
  if (peek(1) == '(') {
    ++pos_;
    nestedLua(')', false);
  } else {
    variable();
    postfix();
  }
  out_.append(")");
}

// `$name` → name; `$true` `$false` `$null` → true false nil; `$_` and `$PSItem` → _; `$env:X` → os.getenv("X").
void Translator::variable() {
  size_t begin = pos_;
  size_t end = nameEnd(src_, begin + 1);
  std::string_view name = src_.substr(begin + 1, end - begin - 1);
  std::string lower = lowerAscii(name);
  if (lower == "env" && end + 1 < src_.size() && src_[end] == ':' && isNameStart(src_[end + 1])) {
    size_t varEnd = nameEnd(src_, end + 1);
    out_.append("os.getenv(" + luaQuote(src_.substr(end + 1, varEnd - end - 1)) + ")", begin);
    pos_ = varEnd;
    return;
  }
  if (lower == "true" || lower == "false") {
    out_.append(lower, begin);
  } else if (lower == "null") {
    out_.append("nil", begin);
  } else if (lower == "_" || lower == "psitem") {
    out_.append("_", begin);
  } else {
    out_.appendVerbatim(name, begin + 1);
  }
  pos_ = end;
}

// `{ ... }` → function(_) return EXPR end, or function(_) STATEMENTS end.
void Translator::scriptBlock() {
  size_t open = pos_++;
  size_t start = out_.size();
  out_.append("function(_) ", open);
  skipSpaces();
  Region body;
  body.closer = '}';
  body.statements = true;
  body.scriptBlock = true;
  body.prev = Prev::StatementStart;
  ++scriptBlockDepth_;
  openScope();  // a script block is a function: its locals are its own
  luaRegion(body);
  closeScope();
  --scriptBlockDepth_;
  expectCloser(open, '}', false);
  if (body.statementCount == 1 && !body.statementSyntax) {
    // The block's one statement is its value: a statement pipeline then returns its List.
    if (body.firstPipeFlag != kNone && out_.text().compare(body.firstPipeFlag, 4, "true") == 0)
      out_.replace(body.firstPipeFlag, 4, "false");
    out_.insert(body.firstToken, "return ", open);
  }
  std::string blanks = out_.takeTrailingBlanks();
  size_t lines = 0;
  for (char c : blanks) lines += c == '\n';
  out_.append(std::string(lines, '\n'));
  out_.append(" end", pos_ - 1);
  markPushable(start, open);
}

// A block that only compares $_'s properties with constants goes to the runtime with that test as
// data, so that a store read before Where-Object can apply it in its query (lang/pushed_test.h).
void Translator::markPushable(size_t start, size_t open) {
  if (pos_ < open + 2 || src_[pos_ - 1] != '}') return;
  auto test = pushedTestOfLuaBlock(std::string_view(src_).substr(open + 1, pos_ - open - 2));
  if (!test) return;
  out_.insert(start, "__plush.pushable(", open);
  out_.append(", " + pushedTestLua(*test) + ")", pos_ - 1);
}

// `@{ Key = value; 'Other key' = value }` → __plush.H("Key", value, "Other key", value): a table
// that keeps its keys in the order written (an admin's columns) and reads them case-insensitively.
void Translator::hashTable() {
  size_t open = pos_;
  out_.append("__plush.H(", open);
  pos_ += 2;
  size_t afterValue = kNone;
  for (;;) {
    out_.append(std::string(skipEntrySeparators(), '\n'));
    if (atEnd()) incomplete("MissingClosingBracket", "'@{' opened here is not closed", open, 2);
    char c = src_[pos_];
    if (c == '}') break;
    if (c == ')' || c == ']') {
      error("UnexpectedToken", "expected '}' to close '@{' at " + place(open) + ", found '" + std::string(1, c) + "'",
            pos_, 1);
      return;
    }
    if (afterValue != kNone) {
      out_.insert(afterValue, ",", pos_);
      if (out_.text().back() != '\n') out_.append(" ");
    }
    afterValue = hashEntry(open);
  }
  out_.append(")", pos_++);
}

// Blanks, `;`, line breaks and comments between entries; returns the line breaks passed.
size_t Translator::skipEntrySeparators() {
  size_t lines = 0;
  while (!atEnd()) {
    char c = src_[pos_];
    if (c == '-' && peek(1) == '-') {
      Scan comment = scanComment(src_, pos_);
      if (comment.how == ScanEnd::AtEndOfInput && isLongComment(src_, pos_))
        incomplete("UnterminatedComment", "the comment that starts here is not closed", pos_, 4);
      for (size_t i = pos_; i < comment.end; ++i) lines += src_[i] == '\n';
      pos_ = comment.end;
    } else if (std::string_view(" \t\r\n;").find(c) != std::string_view::npos) {
      lines += c == '\n';
      ++pos_;
    } else if (c == '#') {  // PowerShell's comment between entries
      pos_ = std::min(src_.find('\n', pos_), src_.size());
    } else {
      break;
    }
  }
  return lines;
}

// `Key = value`: the value is Lua code up to `;`, a line break or `}`, where `{` opens a script block.
// Returns the generated offset just after the value, where a separating comma may go.
size_t Translator::hashEntry(size_t open) {
  hashKey();
  skipSpaces();
  if (atEnd()) incomplete("MissingClosingBracket", "'@{' opened here is not closed", open, 2);
  if (src_[pos_] == '=') {
    ++pos_;
  } else {
    error("UnexpectedToken", "expected '=' after the key of a hash table entry", pos_, 1);
  }
  out_.append(", ", pos_ - 1);
  skipSpaces();
  Region entry;
  entry.closer = '}';
  entry.stopAtLineEnd = true;
  entry.braceIsBlock = true;
  size_t valueStart = out_.size();
  luaRegion(entry);
  std::string blanks = out_.takeTrailingBlanks();
  if (out_.size() <= valueStart) error("MissingValue", "a value is expected after '='", pos_, 1);
  size_t afterValue = out_.size();
  size_t newlines = 0;
  for (char b : blanks) newlines += b == '\n';
  out_.append(std::string(newlines, '\n'));
  return afterValue;
}

void Translator::hashKey() {
  char c = src_[pos_];
  if (c == '\'' || c == '"') {
    c == '\'' ? singleQuoted() : doubleQuoted();
    return;
  }
  size_t begin = pos_, end = pos_;
  while (end < src_.size() && !endsBareWord(src_[end]) && src_[end] != '=') ++end;
  if (end == begin) {
    error("UnexpectedToken", "expected a key of a hash table entry", pos_, 1);
    out_.append("_");
    ++pos_;
    return;
  }
  out_.append(luaQuote(src_.substr(begin, end - begin)), begin);
  pos_ = end;
}

// `@(a, b)` → __plush.A(a, b), `@($users)` → the users' List; `@(Get-User ...)` is already a List: the pipeline's value.
void Translator::arraySubexpression() {
  size_t at = pos_++;
  size_t probe = pos_ + 1;
  while (probe < src_.size() && std::string_view(" \t\r\n").find(src_[probe]) != std::string_view::npos) ++probe;
  bool isPipeline = commandWordEnd(src_, probe) > probe;
  if (!isPipeline) out_.append("__plush.A", at);
  nestedLua(')', !isPipeline);
}

// Arguments are separated by blanks: `'a'b` or `$x(1)` is more likely a typo than two arguments.
void Translator::checkSeparated() {
  if (atEnd() || std::string_view(" \t\r\n\f\v|;,)]}`").find(src_[pos_]) != std::string_view::npos) return;
  error("UnexpectedToken",
        "'" + std::string(1, src_[pos_]) + "' right after an argument; separate arguments with a blank", pos_, 1);
}

}  // namespace plush::lang::detail
