// The translator's state and grammar, shared by lua_code.cpp, pipeline.cpp and argument_values.cpp.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "lang/generated_text.h"
#include "lang/translator.h"

namespace plush::lang::detail {

constexpr size_t kNone = static_cast<size_t>(-1);

// What the previous token lets come next, which decides whether a Verb-Noun word is a command.
enum class Prev {
  StatementStart,   // chunk start, `;`, then, do, else, repeat, a closing `::`
  ExpressionStart,  // after `=`, `(`, `,`, an operator, return, if, in, ...
  ExpressionEnd,    // after a name, literal, `)`, `]`, `}`, end: a name here starts a new statement
  FieldName,        // after `.`, `:`, local, function, goto, for: a name here is only a name
};

// A stretch of Lua code up to an unmatched closer: the chunk, a bracket, a script block body,
// or a hash-table value. It tracks the operand under way so PowerShell operators can wrap it.
struct Region {
  char closer = 0;             // ')' ']' '}' or 0 for the chunk
  bool statements = false;     // statements may follow one another here (chunk, script block)
  bool scriptBlock = false;    // a `{ ... }` body: PowerShell's `,` binds tighter than comparisons
  bool stopAtLineEnd = false;  // a hash-table value ends at a line break or `;`
  bool braceIsBlock = false;   // a hash-table value's `{` opens a script block
  Prev prev = Prev::ExpressionStart;
  bool inLabel = false;

  size_t operandStart = kNone;  // generated offset where the current comparison operand began
  size_t operandSource = 0;     // ... and the source offset it came from
  size_t statementStart = kNone;  // generated offset where the current statement began
  size_t compareRight = kNone;  // generated offset of an open comparison's right operand
  bool compareList = false;     // ... which is a list `a, b` (wrapped in __plush.L)
  int openNots = 0;             // `-not`/`!` waiting for the end of their operand

  // `a, b | Cmd` pipes the whole list, as in PowerShell: where the statement's (or the right
  // side's) value list began, and whether a `,` has been seen in it.
  size_t listStart = kNone;
  size_t listSource = 0;
  bool listPending = false;     // the next operand starts a value list (after `=` or `return`)
  bool listHasComma = false;
  bool afterPipeline = false;   // the last statement was a command pipeline
  // `$name = a, b` makes a List, as in PowerShell (plain Lua `name = a, b` stays Lua).
  bool dollarTarget = false;    // the statement began with `$name`, no `,` yet
  bool dollarAssign = false;    // ... and `=` followed: its value list becomes one List

  // A function body inside an expression (`pcall(function() ... end)`) ends at its own `end`.
  bool untilEnd = false;
  int blockDepth = 0;
  bool finished = false;

  // For script block bodies: is the body one expression (then it is returned)?
  int statementCount = 0;
  bool statementSyntax = false;
  size_t firstToken = kNone;
  size_t firstPipeFlag = kNone;  // "true" of a first statement pipeline, made "false" when returned
};

struct PipelineState {
  bool statement = false;
  int pendingNewlines = 0;  // line breaks consumed by continuations, written at the next separator
  bool continues = false;   // the last command ended at `|`
  size_t pipeAt = 0;
};

struct IncompleteInput {
  Diagnostic reason;
};

// Brackets, blocks and tables nested deeper than kMaxNesting: translation stops there.
struct NestingTooDeep {
  Diagnostic reason;
};
// About where Lua's own parser stops (LUAI_MAXCCALLS): deeper text would only overflow the C stack.
constexpr int kMaxNesting = 200;

class Translator {
 public:
  Translator(std::string_view source, const Options& options);
  Translation run();

 private:
  // source and diagnostics (translator.cpp)
  bool atEnd() const { return pos_ >= src_.size(); }
  char peek(size_t ahead = 0) const;
  size_t newlineLength(size_t at) const;
  Diagnostic diagnostic(std::string id, std::string message, size_t offset, size_t width) const;
  std::string place(size_t offset) const;
  void error(std::string id, std::string message, size_t offset, size_t width);
  [[noreturn]] void incomplete(std::string id, std::string message, size_t offset, size_t width);
  int column(size_t offset) const;
  void skipSpaces();
  void emitVerbatim(size_t end);

  // Lua code (lua_code.cpp)
  void luaRegion(Region& r);
  void luaToken(Region& r);
  void copyBlanks(Region& r);
  void noteToken(Region& r, bool canStartStatement, bool operand);
  void boundary(Region& r);
  void closePending(Region& r);
  void closeNots(Region& r);
  void closeCompare(Region& r);
  void commaInComparison(Region& r, size_t length);
  bool postfixAhead() const;
  bool atLineStart() const;
  void startList(Region& r);
  void finishDollarList(Region& r);
  void luaWord(Region& r);
  void luaKeyword(Region& r, std::string_view word);
  bool blockKeyword(Region& r, std::string_view word);
  void functionBody(size_t keyword);
  void luaOperator(Region& r);
  void luaString(Region& r);
  bool expandsVariables() const;
  bool commandFollowsPipe() const;
  void pipeFromValue(Region& r);
  void endPipelineStatement(Region& r, bool statement);
  bool powerShellOperator(Region& r);
  void compare(Region& r, const std::string& op, size_t opBegin, size_t opEnd);
  void notOperator(Region& r, size_t end);
  void dollar(Region& r);
  void bracket(Region& r);
  void nestedLua(char close, bool emitBrackets);
  void expectCloser(size_t open, char closer, bool emit);

  // command pipelines (pipeline.cpp)
  size_t pipeline(bool statement, size_t nameBegin, size_t nameEnd);
  void checkKnown(size_t nameBegin, size_t nameEnd, bool valuePosition);
  void command(PipelineState& ps, size_t nameBegin, size_t nameEnd);
  bool nextCommand(PipelineState& ps);
  bool atEndingWord() const;
  size_t skipArgumentBlanks(PipelineState& ps);
  void skipAfterPipe(PipelineState& ps);
  bool atPipelineEnd(const PipelineState& ps) const;
  void separator(PipelineState& ps);
  void flushNewlines(PipelineState& ps);
  void argument();
  bool parameter();
  void checkParameter(const std::string& name, size_t begin, size_t end);

  // argument values (argument_values.cpp)
  void valueOrList();
  void value();
  bool atValueEnd() const;
  void postfix();
  void bareWord();
  void singleQuoted();
  void doubleQuoted();
  void interpolation();
  void variable();
  void scriptBlock();
  void hashTable();
  size_t skipEntrySeparators();
  size_t hashEntry(size_t open);
  void hashKey();
  void arraySubexpression();
  void checkSeparated();

  std::string_view src_;
  const Options& options_;
  size_t pos_ = 0;
  int scriptBlockDepth_ = 0;           // inside `{ ... }` bodies, "…$_…" expands as it does in PowerShell
  int regionDepth_ = 0;                // nested regions (brackets, blocks, tables), bounded by kMaxNesting
  std::vector<std::string> commands_;  // the command whose arguments are being read, innermost last
  GeneratedText out_;
  std::vector<Diagnostic> errors_;
  std::vector<size_t> lineStarts_;
};

}  // namespace plush::lang::detail
