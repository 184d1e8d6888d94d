// Lua code: copied token by token, with `$name`, `@{}`, command pipelines and PowerShell operators translated.
#include <string>

#include "lang/command_words.h"
#include "lang/lua_lexer.h"
#include "lang/translator_core.h"

namespace plush::lang::detail {

namespace {

char matchingCloser(char open) { return open == '(' ? ')' : open == '[' ? ']' : '}'; }

bool isClosing(char c) { return c == ')' || c == ']' || c == '}'; }

}  // namespace

void Translator::luaRegion(Region& r) {
  if (regionDepth_ > kMaxNesting)  // the chunk itself is the first region
    throw NestingTooDeep{diagnostic("SyntaxError", "nested more than " + std::to_string(kMaxNesting) +
                                    " levels deep (brackets, blocks and tables); split the expression", pos_ - 1, 1)};
  struct Deeper {
    int& depth;
    explicit Deeper(int& d) : depth(++d) {}
    ~Deeper() { --depth; }
  } deeper(regionDepth_);
  for (;;) {
    copyBlanks(r);
    if (atEnd()) {
      closePending(r);
      finishDollarList(r);
      return;
    }
    if (r.openNots > 0 && r.prev == Prev::ExpressionEnd && !postfixAhead()) closeNots(r);
    char c = src_[pos_];
    if (isClosing(c)) {
      if (r.closer) {
        closePending(r);
        finishDollarList(r);
        return;
      }
      // A stray closer in the chunk is Lua's to report.
      noteToken(r, false, true);
      emitVerbatim(pos_ + 1);
      r.prev = Prev::ExpressionEnd;
      continue;
    }
    if (r.stopAtLineEnd && (c == ';' || c == '\n' || c == '\r')) {
      closePending(r);
      return;
    }
    luaToken(r);
    if (r.finished) {
      closePending(r);
      finishDollarList(r);
      return;
    }
  }
}

// One token of Lua code, or one of the forms plush adds to it.
void Translator::luaToken(Region& r) {
  char c = src_[pos_];
  if (c == '-' && powerShellOperator(r)) return;
  if (c == '!' && peek(1) != '=') {
    notOperator(r, pos_ + 1);
  } else if (c == '$') {
    dollar(r);
  } else if (c == '@' && (peek(1) == '{' || peek(1) == '(')) {
    noteToken(r, atLineStart(), true);
    peek(1) == '{' ? hashTable() : arraySubexpression();
    r.prev = Prev::ExpressionEnd;
  } else if (isNameStart(c)) {
    luaWord(r);
  } else if (isAsciiDigit(c) || (c == '.' && isAsciiDigit(peek(1)))) {
    endDeclaring();
    r.targetsOpen = false;
    noteToken(r, atLineStart(), true);
    emitVerbatim(scanNumeral(src_, pos_));
    r.prev = Prev::ExpressionEnd;
  } else if (c == '"' || c == '\'' || (c == '[' && longBracketLevel(src_, pos_) >= 0)) {
    luaString(r);
  } else if (c == '(' || c == '[' || c == '{') {
    bracket(r);
  } else {
    luaOperator(r);
  }
}

// Whitespace is copied; comments become blanks that keep their line breaks, so wrapping
// calls can be closed after an operand without landing inside a comment.
void Translator::copyBlanks(Region& r) {
  while (!atEnd()) {
    char c = src_[pos_];
    if (c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v') {
      out_.append(std::string_view(&src_[pos_], 1));
      ++pos_;
    } else if (c == '\n') {
      if (r.stopAtLineEnd && r.prev == Prev::ExpressionEnd) return;
      out_.append("\n");
      ++pos_;
    } else if (c == '-' && peek(1) == '-') {
      Scan comment = scanComment(src_, pos_);
      if (comment.how == ScanEnd::AtEndOfInput && isLongComment(src_, pos_))
        incomplete("UnterminatedComment", "the comment that starts here is not closed", pos_, 4);
      size_t lines = 0;
      for (size_t i = pos_; i < comment.end; ++i) lines += src_[i] == '\n';
      out_.append(lines ? std::string(lines, '\n') : std::string(" "));
      pos_ = comment.end;
    } else if (c == '#' && hashComment(r)) {
      out_.append(" ");
      pos_ = std::min(src_.find('\n', pos_), src_.size());
    } else {
      return;
    }
  }
}

// Bookkeeping at the start of each token: statement counting, and where the current operand began.
void Translator::noteToken(Region& r, bool canStartStatement, bool operand) {
  bool starts = r.prev == Prev::StatementStart;
  if (!starts && r.prev == Prev::ExpressionEnd && r.statements && canStartStatement) {
    boundary(r);
    starts = true;
  }
  bool afterPipeline = r.afterPipeline;
  r.afterPipeline = false;
  if (starts) {
    finishDollarList(r);
    r.dollarTarget = r.statements && src_[pos_] == '$';
    r.targets.clear();
    r.targetsOpen = r.statements && (isNameStart(src_[pos_]) || src_[pos_] == '$');
    r.targetWanted = true;
    r.inCondition = r.condition = false;
    // `Get-User` then `(x):f()` on the next line: without `;` Lua would call the pipeline's value.
    if (afterPipeline && src_[pos_] == '(') out_.append(";");
    ++r.statementCount;
    r.statementStart = out_.size();
    if (r.statements) startList(r);
  }
  if (operand && r.listPending) startList(r);
  if (operand && r.operandStart == kNone) {
    r.operandStart = out_.size();
    r.operandSource = pos_;
  }
  if (r.firstToken == kNone) r.firstToken = out_.size();
}

// The end of a `$name = a, b` statement: wrap its value list into one List.
void Translator::finishDollarList(Region& r) {
  if (r.dollarAssign && r.listHasComma && r.listStart != kNone) {
    out_.insert(r.listStart, "__plush.L(", r.listSource);
    out_.appendBeforeTrailingBlanks(")");
  }
  r.dollarAssign = false;
  r.dollarTarget = false;
  r.listStart = kNone;
  r.listHasComma = false;
}

void Translator::startList(Region& r) {
  r.listStart = out_.size();
  r.listSource = pos_;
  r.listPending = false;
  r.listHasComma = false;
}

// A string or `(` first on its line starts a statement: in Lua it would call the line before,
// which is never what a line such as `'a,b' | ConvertFrom-Csv` means.
bool Translator::atLineStart() const {
  for (size_t i = pos_; i > 0; --i) {
    char c = src_[i - 1];
    if (c == '\n') return true;
    if (c != ' ' && c != '\t' && c != '\r') return false;
  }
  return true;
}

// A place where comparison operands stop: `,`, `=`, `and`, `then`, a new statement, ...
void Translator::boundary(Region& r) {
  closePending(r);
  r.operandStart = kNone;
}

void Translator::closePending(Region& r) {
  closeNots(r);
  closeCompare(r);
}

void Translator::closeNots(Region& r) {
  if (r.openNots == 0) return;
  out_.appendBeforeTrailingBlanks(std::string(r.openNots, ')'));
  r.openNots = 0;
}

// In PowerShell `,` binds tighter than a comparison: `$x -in 'a', 'b'` compares with the list.
void Translator::commaInComparison(Region& r, size_t length) {
  closeNots(r);
  if (!r.compareList) {
    out_.insert(r.compareRight, "__plush.L(", pos_);
    r.compareList = true;
  }
  emitVerbatim(pos_ + length);
  r.prev = Prev::ExpressionStart;
}

void Translator::closeCompare(Region& r) {
  if (r.compareRight == kNone) return;
  std::string blanks = out_.takeTrailingBlanks();
  if (out_.size() < r.compareRight) error("MissingOperand", "a comparison needs a value on its right", pos_, 1);
  if (r.compareList) out_.append(")");
  r.compareList = false;
  out_.append(")");
  out_.append(blanks);
  r.compareRight = kNone;
}

// After a complete operand, does a call, index or field access continue it?
bool Translator::postfixAhead() const {
  char c = peek();
  if (c == '.') return peek(1) != '.';
  if (c == ':') return peek(1) != ':';
  if (c == '[') return longBracketLevel(src_, pos_) < 0;
  return c == '(' || c == '"' || c == '\'' || c == '{';
}

void Translator::luaWord(Region& r) {
  size_t begin = pos_;
  size_t commandEnd = commandWordEnd(src_, pos_);
  size_t end = nameEnd(src_, pos_);
  std::string_view word = src_.substr(begin, end - begin);
  bool statementPosition = r.prev == Prev::StatementStart || (r.prev == Prev::ExpressionEnd && r.statements);
  if (commandEnd > begin && (statementPosition || r.prev == Prev::ExpressionStart) && !luaSubtraction(word, begin, commandEnd, statementPosition)) {
    noteToken(r, true, true);
    bool firstStatement = statementPosition && r.statementCount == 1;
    // `if Test-Path x then`: the pipeline's List is tested as PowerShell tests it (empty or $false is false).
    bool tested = !statementPosition && r.condition;
    if (tested) out_.append("__plush.truthy(", begin);
    size_t flag = pipeline(statementPosition, begin, commandEnd);
    if (tested) out_.append(")");
    if (firstStatement && r.firstPipeFlag == kNone) r.firstPipeFlag = flag;
    endPipelineStatement(r, statementPosition);
    return;
  }
  if (isLuaKeyword(word)) {
    luaKeyword(r, word);
    return;
  }
  // A name alone at a statement's start: PowerShell's try/foreach/... (reported), or exit, cls, history.
  if (statementPosition && !r.inLabel && declaring_ == Declaring::None && !powerShellStatement(r, word, begin, end) &&
      shellWordStatement(r, word, begin, end))
    return;
  noteToken(r, true, true);
  noteTarget(r, word, begin);
  declaringName(word, begin);
  emitVerbatim(end);
  r.prev = Prev::ExpressionEnd;
}

// `stop-start` where stop is a Lua name in scope is Lua's subtraction, as in lua5.4, even when a
// command of that name exists (then a warning says so). At a statement's start it is always a command:
// Lua has no statement that starts `name - name`.
bool Translator::luaSubtraction(std::string_view verb, size_t begin, size_t commandEnd, bool statementPosition) {
  if (statementPosition) return false;
  size_t at = declaredAt(verb);
  if (at == kNone) return false;
  std::string command(src_.substr(begin, commandEnd - begin));
  if (options_.isCommand && options_.isCommand(command))
    warnLuaReading(verb, at, begin, commandEnd, "'" + command + "' is read as Lua's subtraction, not as the command",
                   "to run the command, rename that name");
  return true;
}

void Translator::luaKeyword(Region& r, std::string_view word) {
  if (r.untilEnd && blockKeyword(r, word)) return;
  size_t end = pos_ + word.size();
  r.targetsOpen = false;
  powerShellKeyword(word, pos_);
  if (word == "nil" || word == "true" || word == "false") {
    endDeclaring();
    noteToken(r, false, true);
    emitVerbatim(end);
    r.prev = Prev::ExpressionEnd;
    return;
  }
  bool startsStatement = word == "local" || word == "if" || word == "for" || word == "while" || word == "repeat" ||
                         word == "return" || word == "goto" || word == "break" ||
                         ((word == "function" || word == "do") && r.prev != Prev::ExpressionStart);
  bool statementPosition = r.prev == Prev::StatementStart || (r.prev == Prev::ExpressionEnd && r.statements);
  if (word == "do" && r.prev == Prev::ExpressionEnd) statementPosition = false;  // `while x do`
  if (startsStatement && statementPosition) {
    noteToken(r, true, false);
    r.statementSyntax = true;
  }
  scopeKeyword(r, word, statementPosition);
  boundary(r);
  if (r.firstToken == kNone) r.firstToken = out_.size();
  if (word != "and" && word != "or" && word != "not" && word != "function") finishDollarList(r);
  r.listStart = kNone;
  r.listPending = r.statements && word == "return";
  emitVerbatim(end);
  if (word == "then" || word == "do" || word == "else" || word == "repeat") {
    r.prev = Prev::StatementStart;
  } else if (word == "end" || word == "break") {
    r.prev = Prev::ExpressionEnd;
  } else if (word == "local" || word == "function" || word == "goto" || word == "for") {
    r.prev = Prev::FieldName;
  } else {
    r.prev = Prev::ExpressionStart;
  }
  if (word == "function" && !r.statements) {
    functionBody(end - word.size());
    r.prev = Prev::ExpressionEnd;
  }
}

// Nesting of Lua blocks inside a function body: true when `end` closes the body itself.
bool Translator::blockKeyword(Region& r, std::string_view word) {
  if (word == "function" || word == "if" || word == "do" || word == "repeat") {
    ++r.blockDepth;
  } else if (word == "end" || word == "until") {
    if (r.blockDepth == 0 && word == "end") {
      r.finished = true;
      return true;
    }
    --r.blockDepth;
  }
  return false;
}

// `function (params) body end` in an expression: the body is statements, where commands run.
void Translator::functionBody(size_t keyword) {
  size_t open = keyword;
  while (!atEnd() && (src_[pos_] == ' ' || src_[pos_] == '\t')) out_.append(std::string_view(&src_[pos_++], 1));
  if (atEnd()) incomplete("MissingEnd", "the function that starts here has no 'end'", open, 8);
  if (src_[pos_] != '(') return;  // not Lua; the Lua loader will say so
  parameterList();  // opens the function's scope, closed after its `end`
  Region body;
  body.statements = true;
  body.untilEnd = true;
  body.prev = Prev::StatementStart;
  luaRegion(body);
  if (atEnd()) incomplete("MissingEnd", "the function that starts here has no 'end'", open, 8);
  closeScope();
  if (!body.finished) {
    error("UnexpectedToken", "expected 'end' to close the function at " + place(open) + ", found '" +
              std::string(1, src_[pos_]) + "'", pos_, 1);
    return;
  }
  emitVerbatim(pos_ + 3);
}

void Translator::luaOperator(Region& r) {
  if (powerShellAssignment(r)) return;
  size_t length = operatorLength(src_, pos_);
  std::string_view op = src_.substr(pos_, length);
  declaringOperator(op);
  targetOperator(r, op);
  r.condition = false;
  if (op == "," && r.scriptBlock && r.compareRight != kNone) {
    commaInComparison(r, length);
    return;
  }
  if (op == "=" || op == "," || op == ";") {
    boundary(r);
    if (op == ",") {
      r.listHasComma = r.listStart != kNone;
      r.dollarTarget = false;
    }
    if (op == ";") finishDollarList(r);
    if (op == "=") {
      r.listPending = r.statements;
      r.dollarAssign = r.dollarTarget;
      r.dollarTarget = false;
    }
    if (op != "," && r.statements) r.statementSyntax = true;
    emitVerbatim(pos_ + length);
    r.prev = op == ";" && r.statements ? Prev::StatementStart : Prev::ExpressionStart;
  } else if (op == "::") {
    if (!r.inLabel) {
      noteToken(r, true, false);
      r.statementSyntax = true;
      boundary(r);
    }
    emitVerbatim(pos_ + length);
    r.prev = r.inLabel ? Prev::StatementStart : Prev::FieldName;
    r.inLabel = !r.inLabel;
  } else if (op == "|" && r.prev == Prev::ExpressionEnd && r.operandStart != kNone && commandFollowsPipe()) {
    pipeFromValue(r);
  } else if (op == "." || op == ":") {
    emitVerbatim(pos_ + length);
    r.prev = Prev::FieldName;
  } else {
    noteToken(r, false, true);
    emitVerbatim(pos_ + length);
    r.prev = op == "..." ? Prev::ExpressionEnd : Prev::ExpressionStart;
  }
}

// `$users | Set-UserLicense ...`: a value piped into a command (bitwise or with a command would be
// meaningless), unless the word after `|` is a Lua name in scope (`a | sort` with a local sort) or
// Lua's own select called at once (`1 | select(2, ...)`): then it is Lua's bitwise or.
bool Translator::commandFollowsPipe() {
  size_t at = pos_ + 1;
  while (at < src_.size() && std::string_view(" \t\r\n").find(src_[at]) != std::string_view::npos) ++at;
  size_t commandEnd = commandWordEnd(src_, at);
  size_t end = at;
  if (commandEnd > at) {
    end = nameEnd(src_, at);  // the verb
  } else {
    while (end < src_.size() && !endsBareWord(src_[end])) ++end;
    if (end == at || !isPipelineAlias(src_.substr(at, end - at))) return false;
    if (src_.substr(at, end - at) == "select" && end < src_.size() && src_[end] == '(') return false;
  }
  std::string_view name = src_.substr(at, end - at);
  size_t declared = isNameStart(src_[at]) ? declaredAt(name) : kNone;
  if (declared == kNone) return true;
  std::string command(src_.substr(at, (commandEnd > at ? commandEnd : end) - at));
  if (commandEnd == at || (options_.isCommand && options_.isCommand(command)))
    warnLuaReading(name, declared, pos_, commandEnd > at ? commandEnd : end,
                   "'| " + command + "' is read as Lua's bitwise or, not as a pipe into " + command,
                   "to pipe into the command, rename that name");
  return false;
}

// The operand written so far (or the whole value list `a, b`) becomes the pipeline's input,
// passed on by Write-Output.
void Translator::pipeFromValue(Region& r) {
  closePending(r);
  out_.dropTrailingSpaces();
  bool list = r.statements && r.listHasComma && r.listStart != kNone && r.listStart <= r.operandStart;
  size_t start = list ? r.listStart : r.operandStart;
  size_t source = list ? r.listSource : r.operandSource;
  bool statement = r.statements && start == r.statementStart;
  // A statement after another one gets `;` first, so Lua cannot read it as a call of the line before.
  std::string head = statement && r.statementCount > 1 ? ";__plush.pipe(" : "__plush.pipe(";
  size_t flag = start + head.size();
  head += statement ? "true, " : "false, ";
  head += "{n=\"Write-Output\", c=" + std::to_string(column(source)) + ", k=1, ";
  if (list) head += "__plush.L(";
  out_.insert(start, head, source);
  out_.append(list ? ")}" : "}", pos_);
  if (statement && r.statementCount == 1 && r.firstPipeFlag == kNone) r.firstPipeFlag = flag;
  PipelineState ps;
  ps.statement = statement;
  ps.continues = true;
  ps.pipeAt = pos_++;
  while (ps.continues && nextCommand(ps)) {
  }
  out_.append(")");
  endPipelineStatement(r, statement);
}

// A statement pipeline ends its statement: what follows starts a new one.
void Translator::endPipelineStatement(Region& r, bool statement) {
  r.targetsOpen = false;
  r.listStart = kNone;
  r.listHasComma = false;
  r.dollarAssign = false;
  if (!statement) {
    r.prev = Prev::ExpressionEnd;
    return;
  }
  boundary(r);
  r.prev = Prev::StatementStart;
  r.afterPipeline = true;
}

void Translator::luaString(Region& r) {
  endDeclaring();
  r.targetsOpen = false;
  noteToken(r, atLineStart(), true);
  // PowerShell's expandable strings: in script blocks, and in `$name = "..."`, a statement PowerShell's own.
  if ((scriptBlockDepth_ > 0 || r.dollarAssign) && src_[pos_] == '"' && expandsVariables()) {
    doubleQuoted();
    r.prev = Prev::ExpressionEnd;
    return;
  }
  int level = longBracketLevel(src_, pos_);
  Scan s = level >= 0 ? scanLongBracket(src_, pos_, level) : scanQuoted(src_, pos_);
  if (s.how == ScanEnd::AtEndOfInput) incomplete("UnterminatedString", "the string that starts here is not closed", pos_, 1);
  if (s.how == ScanEnd::AtNewline)
    error("UnterminatedString", "the string that starts here ends at the line break; close it on its line or use \\n",
          pos_, s.end - pos_);
  emitVerbatim(s.end);
  r.prev = Prev::ExpressionEnd;
}

// Does the double-quoted string here name `$name` or `$(...)`? Only such strings in a script block or a
// `$name = ` statement are PowerShell's expandable strings (`{ "Hello $_" }`); any other stays a Lua string.
bool Translator::expandsVariables() const {
  Scan s = scanQuoted(src_, pos_);
  if (s.how != ScanEnd::Closed) return false;
  for (size_t i = pos_ + 1; i + 1 < s.end; ++i) {
    if (src_[i] == '\\') ++i;
    else if (src_[i] == '$' && (src_[i + 1] == '(' || isNameStart(src_[i + 1]))) return true;
  }
  return false;
}

// `-eq`, `-and`, `-not`, ... in Lua code. Comparisons need an operand on their left and, unless the
// word is a Lua keyword, a blank before the dash, so Lua's `a-eq` stays subtraction.
bool Translator::powerShellOperator(Region& r) {
  if (peek(1) == '-') return false;
  size_t begin = pos_ + 1, end = begin;
  while (end < src_.size() && isAsciiLetter(src_[end])) ++end;
  if (end == begin || (end < src_.size() && isNameChar(src_[end]))) return false;
  std::string word = lowerAscii(src_.substr(begin, end - begin));
  std::string_view written = src_.substr(begin, end - begin);
  if (word == "and" || word == "or") {
    r.condition = r.inCondition;
    boundary(r);
    if (r.firstToken == kNone) r.firstToken = out_.size();
    out_.append(word, pos_);
    pos_ = end;
    r.prev = Prev::ExpressionStart;
    return true;
  }
  if (word == "not") {
    // `-not x` is PowerShell's (in Lua, minus a boolean can only fail); `x -not y` stays Lua's subtraction.
    if (r.prev == Prev::ExpressionEnd) return false;
    notOperator(r, end);
    return true;
  }
  std::string op = comparisonOperator(word);
  if (op.empty()) return powerShellOperatorWord(r, word, pos_, end);
  bool blankBefore = pos_ > 0 && std::string_view(" \t\r\n").find(src_[pos_ - 1]) != std::string_view::npos;
  if (r.prev != Prev::ExpressionEnd || !(blankBefore || isLuaKeyword(word))) return false;
  if (!isLuaKeyword(written)) {
    size_t declared = declaredAt(written);
    if (declared != kNone) {
      // `10 -ne (3)` with a local ne is Lua's 10 - ne(3); PowerShell's reading would have compared.
      size_t next = end;
      while (next < src_.size() && (src_[next] == ' ' || src_[next] == '\t')) ++next;
      bool operandAfter = next > end && next < src_.size() &&
                          (isNameChar(src_[next]) || std::string_view("$('\"@{").find(src_[next]) != std::string_view::npos);
      if (operandAfter)
        warnLuaReading(written, declared, pos_, end, "'-" + std::string(written) + "' is read as Lua's minus, not as PowerShell's -" + op,
                       "to compare with -" + op + ", rename that name");
      return false;
    }
  }
  compare(r, op, pos_, end);
  return true;
}

// Wrap the operand written so far: `a -eq b` becomes `__plush.op.eq(a, b)`; chains nest to the left.
void Translator::compare(Region& r, const std::string& op, size_t opBegin, size_t opEnd) {
  closeCompare(r);
  out_.dropTrailingSpaces();
  if (r.operandStart == kNone) {
    error("MissingOperand", "-" + op + " needs a value on its left", opBegin, opEnd - opBegin);
    r.operandStart = out_.size();
  }
  std::string call = isLuaKeyword(op) ? "__plush.op[\"" + op + "\"](" : "__plush.op." + op + "(";
  out_.insert(r.operandStart, call, opBegin);
  out_.append(", ", opBegin);
  pos_ = opEnd;
  skipSpaces();
  r.compareRight = out_.size();
  r.prev = Prev::ExpressionStart;
}

// `-not X` and `!X`: PowerShell truthiness, closed when the operand X is complete.
void Translator::notOperator(Region& r, size_t end) {
  noteToken(r, false, true);
  out_.append("not __plush.truthy(", pos_);
  pos_ = end;
  skipSpaces();
  ++r.openNots;
  r.prev = Prev::ExpressionStart;
}

void Translator::dollar(Region& r) {
  if (peek(1) == '(') {
    noteToken(r, true, true);
    ++pos_;
    nestedLua(')', true);
    r.prev = Prev::ExpressionEnd;
  } else if (isNameStart(peek(1))) {
    size_t begin = pos_, end = nameEnd(src_, pos_ + 1);
    if (powerShellDollar(src_.substr(begin + 1, end - begin - 1), begin, end)) {
      pos_ = end;
      r.prev = Prev::ExpressionEnd;
      return;
    }
    noteToken(r, true, true);
    noteTarget(r, src_.substr(begin + 1, end - begin - 1), begin + 1);
    variable();
    r.prev = Prev::ExpressionEnd;
  } else {
    luaOperator(r);
  }
}

void Translator::bracket(Region& r) {
  char open = src_[pos_];
  r.targetsOpen = false;
  if (open == '(' && functionPending_) {
    noteToken(r, false, true);
    parameterList();  // a function's parameters: locals of its scope, closed by its `end`
    r.prev = Prev::ExpressionEnd;
    return;
  }
  endDeclaring();
  if (open == '[' && powerShellCast(r)) {
    noteToken(r, false, true);
    nestedLua(']', true);
    r.prev = Prev::ExpressionEnd;
    return;
  }
  if (open == '{' && r.braceIsBlock && r.prev != Prev::ExpressionEnd) {
    noteToken(r, false, true);
    scriptBlock();
  } else {
    noteToken(r, open == '(' && atLineStart(), true);  // after an operand `(` is a call, unless it starts a line
    nestedLua(matchingCloser(open), true);
  }
  r.prev = Prev::ExpressionEnd;
}

// A bracketed stretch of Lua code (parentheses, index, table constructor) starting at its opener.
void Translator::nestedLua(char close, bool emitBrackets) {
  size_t opener = pos_;
  if (emitBrackets) out_.appendVerbatim(std::string_view(&src_[pos_], 1), pos_);
  ++pos_;
  Region inner;
  inner.closer = close;
  inner.prev = Prev::ExpressionStart;
  luaRegion(inner);
  expectCloser(opener, close, emitBrackets);
}

void Translator::expectCloser(size_t open, char closer, bool emit) {
  std::string opener = src_[open] == '@' ? std::string(src_.substr(open, 2)) : std::string(1, src_[open]);
  if (atEnd())
    incomplete("MissingClosingBracket", "'" + opener + "' opened here is not closed", open, 1);
  if (src_[pos_] == closer) {
    if (emit) out_.appendVerbatim(std::string_view(&src_[pos_], 1), pos_);
    ++pos_;
    return;
  }
  error("UnexpectedToken",
        "expected '" + std::string(1, closer) + "' to close '" + opener + "' at " + place(open) + ", found '" +
            std::string(1, src_[pos_]) + "'",
        pos_, 1);
}

}  // namespace plush::lang::detail
