// The PowerShell compiler: a parsed script to Lua text that calls the shared runtime (__plush.pipe, the binder)
// and the PowerShell runtime (__plush.ps), on the source's own line numbers.
#pragma once

#include <functional>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "lang/powershell/ast.h"
#include "lang/powershell/emitter.h"
#include "lang/powershell/parser.h"
#include "lang/pushed_test.h"
#include "lang/translator.h"

namespace plush::lang::powershell {

// A compile-time refusal or error, at a node.
struct CompileError {
  std::string id;
  std::string message;
  size_t begin, end;
};

class Compiler {
 public:
  Compiler(std::string_view source, const ParseResult& parsed, const Options& options, bool prompt);
  Translation run();

 private:
  // A loop (or switch) the body being written is inside: where break and continue go.
  struct Loop {
    int id;
    std::string label;  // lower case, "" when unlabelled
    int level;          // the function boundary level it was written at
  };
  // A Lua function body being written for one PowerShell body (script, function block, script block).
  struct Body {
    std::vector<Loop> loops;
    int level = 0;                 // try/trap/sub-expression closures entered since the body began
    std::string returnCode;        // Lua that ends the body: "return", "return RES()"
    bool inCatch = false;          // `throw` alone rethrows $_
    bool inTrap = false;           // break/continue end the trap handler
    bool topLevel = false;         // the script's (or prompt line's) own statements
    std::map<std::string, std::string> constrained;  // variable -> type it was declared with ([int]$x = ...)
  };

  // statements (compiler.cpp)
  void chunk();
  void statements(const Node& list);
  void statement(const Node& s);
  void ifStatement(const Node& s);
  void loopStatement(const Node& s);
  void foreachStatement(const Node& s);
  void switchStatement(const Node& s);
  void tryStatement(const Node& s);
  void trappedStatements(const Node& list, const std::vector<const Node*>& traps);
  void trapHandlers(const std::vector<const Node*>& traps, const std::string& name);
  void flowStatement(const Node& s);
  void breakOrContinue(const Node& s);
  void dispatchSignal(const std::string& sig);
  void bodyBlock(const Node& block);
  int openLoop(const std::string& label);
  void closeLoop(int id);
  void typeList(const std::vector<const Node*>& types, size_t at);

  // expressions (compiler_expressions.cpp)
  void expr(const Node& e);
  void value(const Node& statement);  // a statement or pipeline used as a value
  void condition(const Node& statement);
  void binary(const Node& e);
  void unaryExpr(const Node& e);
  void number(const Node& e);
  void expandableString(const Node& e);
  void variable(const Node& v);
  void member(const Node& e);
  void invoke(const Node& e);
  void cast(const Node& e);
  void hashtable(const Node& e, bool ordered);
  void arrayExpression(const Node& e);
  void subExpression(const Node& e);
  void collected(const Node& list, size_t at);
  void scriptBlockValue(const Node& e);
  void assignment(const Node& a, bool asValue);
  void assignTo(const Node& target, const std::function<void()>& writeValue, bool knownValue);
  void compound(const Node& target, const std::string& op, const std::function<void()>& writeValue, size_t at);
  void increment(const Node& target, const std::string& op, bool asValue, bool post, size_t at);
  std::string scopeTable(const Node& v);
  void localRead(const Node& v);
  std::string canonicalTypeAt(const Node& type);
  std::string staticType(const Node& e);
  void position(const Node& n);
  bool knownNotNull(const Node& e) const;

  // pipelines and commands (compiler_commands.cpp)
  void pipelineStatement(const Node& p);
  void pipelineCall(const Node& p, const std::string& sink);
  void stage(const Node& element, bool first);
  void commandStage(const Node& cmd);
  void invokedStage(const Node& cmd);
  void commandElements(const Node& cmd, size_t first);
  void checkCommand(const Node& cmd);
  void checkParameter(const std::string& command, const Node& param);
  bool hasRedirection(const Node& p) const;
  bool isInvocation(const Node& p) const;
  std::string redirectionSink(const Node& p);

  // functions and script blocks (compiler_functions.cpp)
  void functionDefinition(const Node& f);
  void parameters(const Node* paramBlock, size_t at, bool simple);
  void parameter(const Node& p, int position, bool simple);
  void namedBlock(const char* key, const Node* list, size_t at);
  void scriptBlockBody(const Node& block, size_t at);
  void scriptParameters(const Node& paramBlock);
  void helpFields(const std::string& help, size_t at);
  bool usesVariable(const Node& n, const std::string& name) const;
  std::optional<PushedTest> blockTest(const Node* list) const;
  bool assignsVariables(const Node& n) const;

  [[noreturn]] void fail(std::string id, std::string message, const Node& at);
  void emit(std::string_view text, size_t at) { out_.emit(text, at); }
  void emit(std::string_view text) { out_.emit(text); }
  Body& body() { return bodies_.back(); }

  std::string_view src_;
  const ParseResult& parsed_;
  const Options& options_;
  bool prompt_;
  Emitter out_;
  std::vector<Body> bodies_;
  int nextId_ = 0;
  int exprDepth_ = 0;
  int tryDepth_ = 0;  // inside the body of a try statement
  const Node* chunkList_ = nullptr;  // the script's own statements
  std::vector<Diagnostic> warnings_;
  std::map<std::string, std::set<std::string>> functionParameters_;  // the script's functions: lower-case parameter names
};

}  // namespace plush::lang::powershell
