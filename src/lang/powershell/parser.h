// The PowerShell parser: recursive descent from tokens to a syntax tree with extents; incomplete input told apart.
#pragma once

#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "lang/powershell/ast.h"
#include "lang/powershell/tokenizer.h"

namespace plush::lang::powershell {

struct ParseError {
  std::string id;
  std::string message;
  size_t begin, end;
  bool incomplete;  // more input could complete the text (the prompt asks for another line)
};

struct ParseResult {
  NodePtr script;                     // a ScriptBlock; null when there was an error
  bool ok = false;
  ParseError error{};                 // when !ok
  std::set<std::string> functions;    // lower-case names of the functions the text defines
  bool dotSources = false;            // `. FILE` somewhere: commands may come from elsewhere
};

ParseResult parse(std::string_view source);

class Parser {
 public:
  explicit Parser(std::string_view source);
  ParseResult run();

 private:
  // statements (parser.cpp)
  NodePtr scriptBody(char closer, size_t begin);
  NodePtr statementList(char closer, size_t openAt = static_cast<size_t>(-1));
  NodePtr statement();
  NodePtr keywordStatement(const std::string& word, const Token& t, const std::string& label);
  NodePtr ifStatement(const Token& t);
  NodePtr whileStatement(const Token& t, const std::string& label);
  NodePtr doStatement(const Token& t, const std::string& label);
  NodePtr forStatement(const Token& t, const std::string& label);
  NodePtr foreachStatement(const Token& t, const std::string& label);
  NodePtr switchStatement(const Token& t, const std::string& label);
  NodePtr tryStatement(const Token& t);
  NodePtr trapStatement(const Token& t);
  NodePtr functionDefinition(const Token& t, bool filter);
  NodePtr flowStatement(Kind kind, const Token& t);
  NodePtr labelStatement(const Token& t);
  NodePtr block(const char* after);
  NodePtr condition(const char* keyword);
  void attachHelp(Node& function, size_t keywordBegin, const Node& body);

  // param blocks and attributes (parser_params.cpp)
  NodePtr paramBlockIfAny();
  NodePtr parameterList(char closer, size_t begin);
  NodePtr parameter();
  NodePtr attributeOrType();
  std::string typeName(size_t& end);

  // pipelines and commands (parser_commands.cpp)
  NodePtr pipeline();
  NodePtr assignment(NodePtr target);
  NodePtr command();
  bool atCommandEnd(const Token& t) const;
  NodePtr commandArgument();
  NodePtr argumentValue();
  NodePtr redirection(const Token& t);
  bool startsExpression();

  // expressions (parser_expressions.cpp)
  NodePtr expression();
  NodePtr binary(int level);
  NodePtr arrayLiteral();
  NodePtr unary();
  NodePtr postfix(NodePtr primary);
  NodePtr primary();
  NodePtr memberName();
  NodePtr invocationArguments(NodePtr call);
  NodePtr parenthesized(const Token& open);
  NodePtr hashtable(const Token& open);
  NodePtr hashKey();
  NodePtr scriptBlockExpression(const Token& open);
  NodePtr typeOrCast(const Token& open);

  // strings (parser_strings.cpp)
  NodePtr expandable(size_t begin, size_t end, size_t nodeBegin, size_t nodeEnd, bool hereString, bool bareWord);
  NodePtr subExpressionAt(size_t dollar, size_t& next);

  // tokens
  Token next(Mode mode) { return tz_.next(mode); }
  Token peek(Mode mode) { return tz_.peek(mode); }
  void skipNewlines();
  void skipTerminators();
  bool peekOp(const char* op);
  Token expectOp(const char* op, const char* id, const std::string& message);
  [[noreturn]] void fail(std::string id, std::string message, size_t begin, size_t end);
  [[noreturn]] void failAt(const Token& t, std::string id, std::string message);
  [[noreturn]] void unexpected(const Token& t);
  std::string text(size_t begin, size_t end) const { return std::string(src_.substr(begin, end - begin)); }

  std::string_view src_;
  Tokenizer tz_;
  ParseResult result_;
  int depth_ = 0;  // nesting, bounded so that no input overflows the stack
  bool noComma_ = false;  // method arguments: a comma separates arguments rather than making an array
};

}  // namespace plush::lang::powershell
