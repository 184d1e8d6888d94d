// The shell's own statements in Lua-dialect text: `exit [n]`, bare aliases (cls, history, gcm *user*), `#` comments.
#include <string>

#include "lang/command_words.h"
#include "lang/lua_lexer.h"
#include "lang/translator_core.h"

namespace plush::lang::detail {

namespace {

bool isBlank(char c) { return c == ' ' || c == '\t' || c == '\r'; }

// What may start a command's arguments after a bare alias: never something Lua would continue
// the name with (`=`, `(`, `.`, `:`, `[`, `,`, `{`).
bool startsArgument(std::string_view src, size_t at) {
  if (at >= src.size()) return false;
  char c = src[at];
  if (c == '-') return at + 1 < src.size() && (isAsciiLetter(src[at + 1]) || src[at + 1] == '?');
  return isNameChar(c) || c == '$' || c == '\'' || c == '"' || c == '*' || c == '/' || c == '.' || c == '~' ||
         c == '@' || c == '|';
}

}  // namespace

// The statement ends here: line break, `;`, the text's end, a comment, or a Lua word that closes a block.
bool Translator::atStatementEnd(size_t at) const {
  while (at < src_.size() && isBlank(src_[at])) ++at;
  if (at >= src_.size() || src_[at] == '\n' || src_[at] == ';' || src_[at] == '#') return true;
  if (src_.compare(at, 2, "--") == 0) return true;
  size_t end = nameEnd(src_, at);
  std::string_view word = src_.substr(at, end - at);
  return word == "end" || word == "else" || word == "elseif" || word == "until";
}

// `exit`, `exit 3`, `cls`, `history`, `gcm *license*`: a statement of one word Lua has no reading for
// (a name alone, or a name and then an argument, is not a Lua statement) runs as the shell's.
bool Translator::shellWordStatement(Region& r, std::string_view word, size_t begin, size_t end) {
  if (word == "exit") {
    size_t next = end;
    while (next < src_.size() && isBlank(src_[next])) ++next;
    bool value = next < src_.size() && (isNameStart(src_[next]) || isAsciiDigit(src_[next]) || src_[next] == '$' ||
                                        src_[next] == '(' || src_[next] == '"' || src_[next] == '\'' ||
                                        (src_[next] == '-' && next + 1 < src_.size() && isAsciiDigit(src_[next + 1])));
    if (!atStatementEnd(end) && !value) return false;
    if (declaredAt(word) != kNone) return false;
    exitStatement(r, begin, end);
    return true;
  }
  if (!options_.isCommand) return false;
  bool bareAlias = atStatementEnd(end) || (end < src_.size() && isBlank(src_[end]) && [&] {
                     size_t next = end;
                     while (next < src_.size() && isBlank(src_[next])) ++next;
                     return startsArgument(src_, next) && !(src_[next] == '.' && next + 1 < src_.size() && src_[next + 1] == '.');
                   }());
  if (!bareAlias || !options_.isCommand(word) || declaredAt(word) != kNone) return false;
  noteToken(r, true, true);
  size_t flag = pipeline(true, begin, end);
  if (r.statementCount == 1 && r.firstPipeFlag == kNone) r.firstPipeFlag = flag;
  endPipelineStatement(r, true);
  return true;
}

// `exit [value]` ends the run as its last line would, with that status: __plush.exit(value).
void Translator::exitStatement(Region& r, size_t begin, size_t end) {
  noteToken(r, true, false);
  r.statementSyntax = true;
  out_.append("__plush.exit(", begin);
  pos_ = end;
  skipSpaces();
  if (!atStatementEnd(pos_)) {
    char c = src_[pos_];
    if (c == '$') {
      variable();
    } else if (c == '(') {
      nestedLua(')', true);
    } else if (c == '"' || c == '\'') {
      emitVerbatim(scanQuoted(src_, pos_).end);  // not a number: P.exit says so when it runs
    } else if (c == '-' || isAsciiDigit(c)) {
      size_t start = pos_;
      if (c == '-') ++pos_;
      size_t numberEnd = scanNumeral(src_, pos_);
      pos_ = start;
      emitVerbatim(numberEnd);
    } else {
      emitVerbatim(nameEnd(src_, pos_));
    }
    if (!atStatementEnd(pos_)) error("UnexpectedToken", "exit takes one value: exit, exit 1, exit $code or exit (expression)", pos_, 1);
  }
  out_.append(")");
  endPipelineStatement(r, true);
}

// `#` begins a comment where a statement may start or after a complete statement, as in PowerShell;
// where an expression may start (`return #t`, `x = #t + 1`) it is Lua's length operator, and so it is
// first in a script block: `{ #$_.Licenses -gt 0 }`.
bool Translator::hashComment(const Region& r) const {
  if (r.prev == Prev::StatementStart) {
    bool operandNext = pos_ + 1 < src_.size() && !isBlank(src_[pos_ + 1]) && src_[pos_ + 1] != '\n' && src_[pos_ + 1] != '#';
    return !(r.scriptBlock && r.statementCount == 0 && operandNext);
  }
  return r.prev == Prev::ExpressionEnd && (r.statements || r.stopAtLineEnd);
}

}  // namespace plush::lang::detail
