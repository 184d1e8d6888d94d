// The PowerShell tokenizer: tokens in expression mode or command (argument) mode, as the parser asks.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "lang/powershell/ast.h"

namespace plush::lang::powershell {

enum class Tok {
  End,
  NewLine,
  Semi,
  Variable,       // text: name; scope: qualifier; braced
  SplatVariable,  // @name
  Number,         // text: literal as written
  String,         // '...': text is the value
  ExpandString,   // "...": content range holds the raw text
  Word,           // an identifier (expression mode) or a bare word (command mode); expandable when it holds `$`
  Parameter,      // -Name (text: Name), colon when -Name:
  Op,             // operators and punctuation, text as written (dash operators in lower case)
  Redirection,    // > >> 2> 2>&1 *> ...
};

enum class Mode { Expression, Command };

struct Token {
  Tok kind = Tok::End;
  size_t begin = 0, end = 0;
  std::string text;
  std::string scope;
  size_t contentBegin = 0, contentEnd = 0;  // strings: the text between the quotes
  bool spaceBefore = false;                 // blanks (or a comment) before the token
  bool colon = false;                       // Parameter written -Name:
  bool braced = false;                      // Variable written ${...}
  bool hereString = false;                  // String/ExpandString written @'...'@ / @"..."@
  bool expandable = false;                  // Word holding `$` to expand, or backtick escapes
  bool knownOperator = true;                // Op: false for a `-word` that names no operator
};

// A tokenizing failure; `incomplete` when more input could complete it (an open string, an open comment).
struct ScanError {
  std::string id;
  std::string message;
  size_t begin, end;
  bool incomplete;
};

// A block comment <# ... #>, kept for comment-based help.
struct BlockComment {
  size_t begin, end;        // the whole comment
  size_t textBegin, textEnd;
};

class Tokenizer {
 public:
  Tokenizer(std::string_view source, size_t begin, size_t end);

  Token next(Mode mode);
  Token peek(Mode mode);
  size_t position() const { return pos_; }
  void reset(size_t pos) { pos_ = pos; }
  size_t limit() const { return end_; }
  void setLimit(size_t end) { end_ = end; }
  // After `$(` at `afterOpen`: one past the matching `)`, or npos when it is not closed.
  size_t subExpressionEnd(size_t afterOpen) { return skipSubExpression(afterOpen); }
  std::string_view source() const { return src_; }

  // Skip blanks, comments and backtick line continuations (not line breaks); true when any were skipped.
  bool skipBlanks();
  // The next byte after blanks (0 at the end), without consuming anything.
  char peekChar(size_t ahead = 0);
  // Is the next token (after blanks and line breaks) `|`, so a pipeline continues on the next line?
  bool pipeContinuesAfterNewlines(size_t& at);

  const std::vector<BlockComment>& blockComments() const { return comments_; }

  // Escapes and double quotes of an expandable string's raw text: `n, `t, `$, `", "" ...
  static bool isNameChar(char c);

 private:
  Token scanExpression(Token t);
  Token scanCommand(Token t);
  Token takeOp(Token t, size_t length);
  Token takeNumber(Token t, size_t end);
  bool scanVariable(Token& t);
  void scanSingleQuoted(Token& t, size_t open);
  void scanDoubleQuoted(Token& t, size_t open);
  bool scanHereString(Token& t);
  void scanBareWord(Token& t);
  void scanDashOperator(Token& t);
  size_t skipSubExpression(size_t at);  // at: after `$(`; returns one past the matching `)`
  size_t skipQuoted(size_t at);         // at: the opening quote; returns one past the closing quote
  size_t numberEnd(size_t at, bool command) const;
  [[noreturn]] void fail(std::string id, std::string message, size_t begin, size_t end, bool incomplete) const;

  std::string_view src_;
  size_t pos_;
  size_t end_;
  std::vector<BlockComment> comments_;
};

// Quote characters PowerShell accepts: ASCII and the typographic ones editors put in.
bool isSingleQuote(std::string_view s, size_t at, size_t* length);
bool isDoubleQuote(std::string_view s, size_t at, size_t* length);
bool isDash(std::string_view s, size_t at, size_t* length);

// Parse a number literal [begin, end): true with the value set when it is one.
bool parseNumber(std::string_view text, Node& number);

}  // namespace plush::lang::powershell
