// The translator's state and grammar, shared by lua_code.cpp, pipeline.cpp and argument_values.cpp.
#pragma once

#include <cstddef>
#include <functional>
#include <map>
#include <set>
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

  // A statement that starts `name, name =` assigns globals (unless locals of those names are in scope).
  std::vector<std::pair<std::string, size_t>> targets;
  bool targetsOpen = false;     // the statement so far is a list of names
  bool targetWanted = false;    // ... and a name may come next (at its start, after a `,`)
  bool inCondition = false;     // between if/elseif/while/until and then/do (or the statement's end)
  bool condition = false;       // ... and right after one of those, `and`, `or` or `not`: a pipeline here
                                // is tested as PowerShell tests a value

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

// A Lua block that may declare locals: the chunk, a function, do/while/for/if/repeat, a script block.
struct Scope {
  std::vector<std::pair<std::string, size_t>> names;  // name, source offset where it was declared
  bool awaitingDo = false;                            // a for or while whose `do` is still to come
};

// What the names being read declare (lua_scope.cpp).
enum class Declaring { None, Locals, LocalFunction, FunctionName, LoopNames, Parameters };

constexpr size_t kDeclaredBefore = static_cast<size_t>(-2);  // assigned in an earlier prompt line

class Translator {
 public:
  Translator(std::string_view source, const Options& options);
  Translation run();
  // Globals the text assigns that an earlier part of it looked up before they were assigned: then a
  // second pass, knowing them from the start, reads the text as Lua does.
  std::set<std::string> globalsToKnowFirst() const;

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
  void dropConsequences();

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
  bool commandFollowsPipe();
  bool luaSubtraction(std::string_view verb, size_t begin, size_t commandEnd, bool statementPosition);
  void pipeFromValue(Region& r);
  void endPipelineStatement(Region& r, bool statement);
  bool powerShellOperator(Region& r);
  void compare(Region& r, const std::string& op, size_t opBegin, size_t opEnd);
  void notOperator(Region& r, size_t end);
  void dollar(Region& r);
  void bracket(Region& r);
  void nestedLua(char close, bool emitBrackets);
  void expectCloser(size_t open, char closer, bool emit);

  // Lua names in scope, which keep their Lua meaning over PowerShell's (lua_scope.cpp)
  void openScope();
  void closeScope();
  void declare(std::string_view name, size_t at);
  void assignGlobal(std::string_view name, size_t at);
  size_t declaredAt(std::string_view name);  // kNone when no Lua name of that spelling is in scope
  void scopeKeyword(Region& r, std::string_view word, bool statementPosition);
  void declaringName(std::string_view name, size_t at);
  void declaringOperator(std::string_view op);
  void endDeclaring();
  void noteTarget(Region& r, std::string_view name, size_t at);
  void targetOperator(Region& r, std::string_view op);
  void parameterList();
  void warnLuaReading(std::string_view name, size_t nameAt, size_t begin, size_t end, const std::string& reading,
                      const std::string& instead);

  // PowerShell-only syntax, reported before anything runs (powershell_syntax.cpp)
  bool powerShellStatement(Region& r, std::string_view word, size_t begin, size_t end);
  bool powerShellKeyword(std::string_view word, size_t begin);
  bool powerShellCast(Region& r);
  bool powerShellAssignment(Region& r);
  bool powerShellDollar(std::string_view name, size_t begin, size_t end);
  bool powerShellOperatorWord(Region& r, const std::string& word, size_t begin, size_t end);
  void powerShellSyntax(std::string construct, std::string luaWay, size_t begin, size_t end);
  size_t afterBalanced(size_t open) const;
  size_t skipBlanksAndBreaks(size_t at) const;

  // statements of the shell's own words: exit, bare aliases like cls and history (shell_words.cpp)
  bool shellWordStatement(Region& r, std::string_view word, size_t begin, size_t end);
  void exitStatement(Region& r, size_t begin, size_t end);
  bool atStatementEnd(size_t at) const;
  bool hashComment(const Region& r) const;

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
  void markPushable(size_t start, size_t open);
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

  std::vector<Scope> scopes_;
  std::map<std::string, size_t, std::less<>> assignedGlobals_;
  std::set<std::string, std::less<>> undeclaredLookups_;
  std::set<std::string, std::less<>> warned_;
  std::set<std::string, std::less<>> psFunctions_;  // `function Verb-Noun` names seen (no UnknownCommand for them)
  Declaring declaring_ = Declaring::None;
  bool declaredName_ = false;     // a name was just declared: `,`, `<attrib>` or `=` may follow
  bool attributeNext_ = false;    // `<` after a local: the next name is its attribute (const, close)
  bool functionPending_ = false;  // `function` seen, its parameter list to come
  bool methodPending_ = false;    // ... after `a:m`, so `self` is a parameter
  std::vector<Diagnostic> warnings_;
};

}  // namespace plush::lang::detail
