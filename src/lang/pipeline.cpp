// Command pipelines: `Cmd args | Cmd args` becomes `__plush.pipe(flag, {n=..., c=..., k=..., args...}, ...)`.
#include <algorithm>
#include <string>

#include "lang/command_words.h"
#include "lang/lua_lexer.h"
#include "lang/lua_literal.h"
#include "lang/translator_core.h"

namespace plush::lang::detail {

namespace {

bool isBlank(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v'; }

}  // namespace

// Returns the offset of the generated `true`/`false` flag, so a script block can turn its
// only statement into its value.
size_t Translator::pipeline(bool statement, size_t nameBegin, size_t nameEnd) {
  out_.append("__plush.pipe(", nameBegin);
  size_t flag = out_.size();
  out_.append(statement ? "true, " : "false, ");
  PipelineState ps;
  ps.statement = statement;
  checkKnown(nameBegin, nameEnd, !statement);
  command(ps, nameBegin, nameEnd);
  while (ps.continues && nextCommand(ps)) {
  }
  out_.append(")");
  return flag;
}

void Translator::checkKnown(size_t nameBegin, size_t nameEnd, bool valuePosition) {
  std::string name(src_.substr(nameBegin, nameEnd - nameBegin));
  if (!options_.isCommand || options_.isCommand(name)) return;
  std::string message = "The term '" + name + "' is not a known command.";
  if (options_.allCommands) {
    std::string near = closestName(name, options_.allCommands());
    if (!near.empty()) message += " Did you mean " + near + "?";
  }
  // Grammar, not globals, makes `start-offset` a command; say how to write the subtraction.
  if (valuePosition && name[0] >= 'a' && name[0] <= 'z') message += " To subtract, put blanks around '-'.";
  error("UnknownCommand", message, nameBegin, nameEnd - nameBegin);
}

void Translator::command(PipelineState& ps, size_t nameBegin, size_t nameEnd) {
  std::string name(src_.substr(nameBegin, nameEnd - nameBegin));
  out_.append("{n=" + luaQuote(name) + ", c=" + std::to_string(column(nameBegin)) + ", k=", nameBegin);
  size_t countAt = out_.size();
  int count = 0;
  pos_ = nameEnd;
  commands_.push_back(name);
  for (;;) {
    size_t resume = skipArgumentBlanks(ps);
    if (atPipelineEnd(ps)) {
      pos_ = resume;  // blanks and comments before the end are the Lua code's to copy
      break;
    }
    if (src_[pos_] == '|') {
      ps.continues = true;
      ps.pipeAt = pos_++;
      break;
    }
    if (src_[pos_] == ',') {
      error("UnexpectedToken", "',' needs a value before it; to use a pipeline's value in a list, wrap it in parentheses",
            pos_++, 1);
      continue;
    }
    separator(ps);
    argument();
    ++count;
  }
  commands_.pop_back();
  flushNewlines(ps);
  out_.append("}");
  out_.insert(countAt, std::to_string(count), nameBegin);
}

// After `|`: the next command, which may also be an alias (`where`, `%`, ...).
bool Translator::nextCommand(PipelineState& ps) {
  ps.continues = false;
  skipAfterPipe(ps);
  size_t begin = pos_;
  char c = src_[pos_];
  if (c == '|') {
    error("UnexpectedToken", "an empty pipeline element: a command is expected between the two '|'", pos_, 1);
    ps.continues = true;
    ps.pipeAt = pos_++;
    return true;
  }
  if (c == ';' || c == ')' || c == ']' || c == '}' || c == ',') {
    error("UnexpectedToken", "a command is expected after '|'", ps.pipeAt, 1);
    return false;
  }
  size_t end = commandWordEnd(src_, pos_);
  if (end > begin) {
    checkKnown(begin, end, false);
  } else {
    end = begin + 1;
    while (end < src_.size() && !endsBareWord(src_[end]) && src_[end] != '`') ++end;
    std::string word(src_.substr(begin, end - begin));
    if (!isPipelineAlias(word) && !(options_.isCommand && options_.isCommand(word)))
      error("MissingCommand", "'" + word + "' is not a command; a command such as Where-Object is expected after '|'",
            begin, end - begin);
  }
  separator(ps);
  command(ps, begin, end);
  return true;
}

// Blanks between arguments, `` ` `` line continuations and long comments. Returns where the
// pipeline would end if nothing follows: continuations are the pipeline's, trailing blanks are not.
size_t Translator::skipArgumentBlanks(PipelineState& ps) {
  size_t resume = pos_;
  while (!atEnd()) {
    char c = src_[pos_];
    if (isBlank(c)) {
      ++pos_;
    } else if (c == '`') {
      if (pos_ + 1 >= src_.size())
        incomplete("TrailingBacktick", "a line that ends with '`' continues on the next line", pos_, 1);
      size_t newline = newlineLength(pos_ + 1);
      if (!newline) break;
      ++ps.pendingNewlines;
      pos_ += 1 + newline;
      resume = pos_;
    } else if (c == '-' && peek(1) == '-' && isLongComment(src_, pos_)) {
      Scan comment = scanComment(src_, pos_);
      if (comment.how == ScanEnd::AtEndOfInput)
        incomplete("UnterminatedComment", "the comment that starts here is not closed", pos_, 4);
      for (size_t i = pos_; i < comment.end; ++i) ps.pendingNewlines += src_[i] == '\n';
      pos_ = resume = comment.end;
    } else {
      break;
    }
  }
  return resume;
}

// Between `|` and the next command: blanks, line breaks and comments of any kind.
void Translator::skipAfterPipe(PipelineState& ps) {
  for (;;) {
    if (atEnd()) incomplete("TrailingPipe", "a line that ends with '|' continues on the next line", ps.pipeAt, 1);
    char c = src_[pos_];
    if (isBlank(c)) {
      ++pos_;
    } else if (c == '\n') {
      ++ps.pendingNewlines;
      ++pos_;
    } else if (c == '`' && newlineLength(pos_ + 1)) {
      ++ps.pendingNewlines;
      pos_ += 1 + newlineLength(pos_ + 1);
    } else if (c == '-' && peek(1) == '-') {
      Scan comment = scanComment(src_, pos_);
      if (comment.how == ScanEnd::AtEndOfInput && isLongComment(src_, pos_))
        incomplete("UnterminatedComment", "the comment that starts here is not closed", pos_, 4);
      for (size_t i = pos_; i < comment.end; ++i) ps.pendingNewlines += src_[i] == '\n';
      pos_ = comment.end;
    } else if (c == '#') {
      pos_ = std::min(src_.find('\n', pos_), src_.size());
    } else {
      return;
    }
  }
}

// then do end else elseif until and or, standing alone, end a pipeline; quoted, they are arguments.
bool Translator::atEndingWord() const {
  size_t end = pos_;
  while (end < src_.size() && isAsciiLetter(src_[end])) ++end;
  if (end == pos_ || !endsPipeline(src_.substr(pos_, end - pos_))) return false;
  return end == src_.size() || endsBareWord(src_[end]);
}

bool Translator::atPipelineEnd(const PipelineState& ps) const {
  if (atEnd()) return true;
  char c = src_[pos_];
  if (c == '\n' || c == ';' || c == ')' || c == ']' || c == '}') return true;
  if (c == '-' && peek(1) == '-') return true;  // a line comment; long ones were skipped as blanks
  if (c == '#') return true;                     // PowerShell's comment, at an argument's start
  if (c == ',' && !ps.statement) return true;   // `f(Get-User, 2)`: the comma belongs to the Lua call
  return atEndingWord();
}

void Translator::separator(PipelineState& ps) {
  out_.append(",");
  if (ps.pendingNewlines == 0) out_.append(" ");
  flushNewlines(ps);
}

void Translator::flushNewlines(PipelineState& ps) {
  out_.append(std::string(ps.pendingNewlines, '\n'));
  ps.pendingNewlines = 0;
}

void Translator::argument() {
  // `CMD -?` asks for the command's help, as in PowerShell: __plush.P("?", COL).
  if (src_[pos_] == '-' && peek(1) == '?' && (pos_ + 2 >= src_.size() || endsBareWord(src_[pos_ + 2]))) {
    out_.append("__plush.P(\"?\", " + std::to_string(column(pos_)) + ")", pos_);
    pos_ += 2;
    return;
  }
  if (src_[pos_] == '-' && isAsciiLetter(peek(1)) && parameter()) return;
  valueOrList();
  checkSeparated();
}

// `-Name` → __plush.P("Name", COL); `-Name:value` → __plush.P("Name", COL, value).
bool Translator::parameter() {
  size_t begin = pos_;
  size_t end = nameEnd(src_, begin + 1);
  std::string name(src_.substr(begin + 1, end - begin - 1));
  std::string head = "__plush.P(" + luaQuote(name) + ", " + std::to_string(column(begin));
  if (end < src_.size() && src_[end] == ':') {
    checkParameter(name, begin, end);
    out_.append(head + ", ", begin);
    pos_ = end + 1;
    skipSpaces();
    if (atValueEnd()) {
      error("MissingArgument", "-" + name + ": needs a value after the colon", begin, end + 1 - begin);
      out_.append("nil");
    } else {
      valueOrList();
      checkSeparated();
    }
    out_.append(")");
    return true;
  }
  if (end < src_.size() && !endsBareWord(src_[end]) && src_[end] != '`') return false;  // `-a.b` is a word
  checkParameter(name, begin, end);
  out_.append(head + ")", begin);
  pos_ = end;
  return true;
}

// An unknown or ambiguous parameter is reported with the text's other errors, before anything runs.
void Translator::checkParameter(const std::string& name, size_t begin, size_t end) {
  if (!options_.parameterProblem || commands_.empty()) return;
  ParameterProblem problem = options_.parameterProblem(commands_.back(), name);
  if (!problem.id.empty()) error(problem.id, problem.message, begin, end - begin);
}

}  // namespace plush::lang::detail
