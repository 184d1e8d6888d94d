// Lua names in scope: locals, parameters, functions and assigned globals keep their Lua meaning over PowerShell's words.
#include <string>

#include "lang/lua_lexer.h"
#include "lang/translator_core.h"

namespace plush::lang::detail {

void Translator::openScope() { scopes_.emplace_back(); }

// The chunk's scope stays, whatever the text's blocks do (an unbalanced `end` is Lua's to report).
void Translator::closeScope() {
  if (scopes_.size() > 1) scopes_.pop_back();
}

void Translator::declare(std::string_view name, size_t at) { scopes_.back().names.emplace_back(std::string(name), at); }

void Translator::assignGlobal(std::string_view name, size_t at) {
  for (const auto& scope : scopes_)
    for (const auto& local : scope.names)
      if (local.first == name) return;  // assigns that local, which is declared already
  assignedGlobals_.emplace(std::string(name), at);
}

// Where the innermost Lua name of this spelling was declared. A lookup that finds none is kept, so a
// global assigned further on can send the text through a second pass that knows it from the start.
size_t Translator::declaredAt(std::string_view name) {
  for (auto scope = scopes_.rbegin(); scope != scopes_.rend(); ++scope)
    for (auto local = scope->names.rbegin(); local != scope->names.rend(); ++local)
      if (local->first == name) return local->second;
  if (auto global = assignedGlobals_.find(name); global != assignedGlobals_.end()) return global->second;
  if (options_.declaredGlobals.count(name)) return kDeclaredBefore;
  undeclaredLookups_.emplace(name);
  return kNone;
}

std::set<std::string> Translator::globalsToKnowFirst() const {
  std::set<std::string> out;
  for (const auto& [name, at] : assignedGlobals_)
    if (undeclaredLookups_.count(name)) out.insert(name);
  return out;
}

// Blocks open and close scopes; `local`, `function` and `for` start declaring the names that follow.
void Translator::scopeKeyword(Region& r, std::string_view word, bool statementPosition) {
  if (word != "function" && word != "local") endDeclaring();
  if (word == "local") {
    declaring_ = Declaring::Locals;
    declaredName_ = false;
  } else if (word == "function") {
    bool localFunction = declaring_ == Declaring::Locals && !declaredName_;
    declaring_ = localFunction ? Declaring::LocalFunction : statementPosition ? Declaring::FunctionName : Declaring::None;
    functionPending_ = true;
  } else if (word == "for") {
    openScope();
    scopes_.back().awaitingDo = true;
    declaring_ = Declaring::LoopNames;
    declaredName_ = false;
  } else if (word == "while") {
    openScope();
    scopes_.back().awaitingDo = true;
  } else if (word == "do") {
    if (scopes_.size() > 1 && scopes_.back().awaitingDo) scopes_.back().awaitingDo = false;
    else openScope();
  } else if (word == "if" || word == "repeat") {
    openScope();
  } else if (word == "elseif" || word == "else") {
    if (scopes_.size() > 1) scopes_.back().names.clear();  // a branch's locals are not the next branch's
  } else if (word == "end" || word == "until") {
    closeScope();
  }
  // A pipeline right after these is tested, so it is tested as PowerShell tests a value (an empty List
  // is false); `and` and `or` keep going within the same condition.
  if (word == "if" || word == "elseif" || word == "while" || word == "until") {
    r.inCondition = r.condition = true;
  } else if (word == "not") {
    r.condition = true;
  } else if (word == "and" || word == "or") {
    r.condition = r.inCondition;
  } else {
    r.inCondition = r.condition = false;
  }
}

// A plain name while declaring: a local, a loop variable, a parameter, or the name of a function.
void Translator::declaringName(std::string_view name, size_t at) {
  switch (declaring_) {
    case Declaring::Locals:
    case Declaring::LoopNames:
      if (attributeNext_) {
        attributeNext_ = false;  // `<const>`, `<close>`
      } else if (declaredName_) {
        declaring_ = Declaring::None;  // two names in a row: the declaration ended, a statement began
      } else {
        declare(name, at);
        declaredName_ = true;
      }
      return;
    case Declaring::LocalFunction:
      declare(name, at);
      declaring_ = Declaring::None;
      return;
    case Declaring::FunctionName: {
      size_t next = at + name.size();
      while (next < src_.size() && (src_[next] == ' ' || src_[next] == '\t')) ++next;
      if (next < src_.size() && src_[next] == '(') assignGlobal(name, at);  // not `function t.f`, a field
      declaring_ = Declaring::None;
      return;
    }
    case Declaring::Parameters:
      declare(name, at);
      return;
    case Declaring::None:
      return;
  }
}

void Translator::declaringOperator(std::string_view op) {
  if (functionPending_ && op == ":") methodPending_ = true;
  if (declaring_ == Declaring::Parameters) return;
  if (declaring_ == Declaring::Locals || declaring_ == Declaring::LoopNames) {
    if (op == ",") {
      declaredName_ = false;
      return;
    }
    if (op == "<" && declaredName_) {
      attributeNext_ = true;
      return;
    }
    if (op == ">" && declaredName_) return;
  }
  if (declaring_ == Declaring::FunctionName && (op == "." || op == ":")) {
    declaring_ = Declaring::None;
    return;
  }
  declaring_ = Declaring::None;
}

void Translator::endDeclaring() {
  if (declaring_ != Declaring::Parameters) declaring_ = Declaring::None;
  attributeNext_ = false;
}

// `a, b = ...` at a statement's start assigns globals.
void Translator::noteTarget(Region& r, std::string_view name, size_t at) {
  if (!r.targetsOpen) return;
  if (!r.targetWanted) {
    r.targetsOpen = false;
    return;
  }
  r.targets.emplace_back(std::string(name), at);
  r.targetWanted = false;
}

void Translator::targetOperator(Region& r, std::string_view op) {
  if (!r.targetsOpen) return;
  if (op == "," && !r.targetWanted) {
    r.targetWanted = true;
    return;
  }
  if (op == "=" && !r.targetWanted)
    for (const auto& [name, at] : r.targets) assignGlobal(name, at);
  r.targetsOpen = false;
}

// `(a, b, ...)` after `function`: the parameters are locals of the function's scope, which the
// function's `end` closes.
void Translator::parameterList() {
  openScope();
  if (methodPending_) declare("self", pos_);
  functionPending_ = methodPending_ = false;
  declaring_ = Declaring::Parameters;
  nestedLua(')', true);
  declaring_ = Declaring::None;
}

// Where a Lua name decides and PowerShell's reading would also have made sense, say so once per name.
void Translator::warnLuaReading(std::string_view name, size_t nameAt, size_t begin, size_t end,
                                const std::string& reading, const std::string& instead) {
  if (!warned_.emplace(name).second) return;
  std::string where = nameAt == kDeclaredBefore ? "assigned earlier in this session" : "declared at " + place(nameAt);
  Diagnostic d = diagnostic("LuaNameInScope",
                            reading + ", since " + std::string(name) + " is a Lua name " + where + "; " + instead,
                            begin, end - begin);
  warnings_.push_back(d);
}

}  // namespace plush::lang::detail
