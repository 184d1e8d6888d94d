// The PowerShell compiler's pipelines: stages for the shared pipeline (__plush.pipe), checks before anything runs,
// splatting and redirections.
#include "lang/command_words.h"
#include "lang/powershell/compiler.h"

namespace plush::lang::powershell {

namespace {

// Commands outside plush's floor, refused before anything runs (POWERSHELL.md, "out of scope").
std::string refusal(const std::string& lname) {
  if (lname == "invoke-expression" || lname == "iex")
    return "Invoke-Expression is not supported in plush: scripts load as text, once; call the commands directly.";
  if (lname == "add-type") return "Add-Type (.NET assemblies and compiled code) is not supported in plush.";
  if (lname == "start-job" || lname == "receive-job" || lname == "wait-job" || lname == "get-job" || lname == "remove-job" ||
      lname == "start-threadjob" || lname == "stop-job")
    return "Background jobs (" + lname + ") are not supported in plush.";
  if (lname == "new-pssession" || lname == "enter-pssession" || lname == "invoke-command" || lname == "import-pssession")
    return "Remoting (" + lname + ") is not supported in plush: it works on its own store.";
  if (lname == "register-objectevent" || lname == "register-engineevent" || lname == "wait-event")
    return "Events (" + lname + ") are not supported in plush.";
  if (lname == "start-dscconfiguration" || lname == "import-dscresource") return "DSC is not supported in plush.";
  return "";
}

bool isGraphModule(const std::string& name) {
  std::string l = lowerAscii(name);
  return l.rfind("microsoft.graph", 0) == 0 || l == "msonline" || l == "azuread" || l == "azureadpreview";
}

const Node* argumentNode(const Node& kid) { return kid.kind == Kind::CommandArgument ? kid.kid(0) : nullptr; }

}  // namespace

// A pipeline that is only `& $block args` or `. $block args` (not a command named by a literal).
bool Compiler::isInvocation(const Node& p) const {
  if (p.kids.size() != 1 || p.kids[0]->kind != Kind::Command || !(p.kids[0]->flags & (kCallOperator | kDotSource))) return false;
  const Node* target = argumentNode(*p.kids[0]->kids[0]);
  return !(target && target->kind == Kind::StringLiteral);
}

bool Compiler::hasRedirection(const Node& p) const {
  for (const auto& el : p.kids)
    for (const auto& k : el->kids)
      if (k->kind == Kind::Redirection) return true;
  return false;
}

void Compiler::pipelineStatement(const Node& p) {
  if (p.kids.size() == 1 && p.kids[0]->kind == Kind::CommandExpression && p.kids[0]->kids.size() == 1) {
    const Node& e = *p.kids[0]->kids[0];
    if (e.kind == Kind::PostIncrement || (e.kind == Kind::Unary && (e.text == "++" || e.text == "--"))) {
      increment(*e.kids[0], e.text, false, e.kind == Kind::PostIncrement, e.at.begin);
      emit(";");
      return;
    }
    if (e.kind == Kind::Cast && lowerAscii(e.kids[0]->text) == "void") {
      expr(e);
      emit(";");
      return;
    }
    emit("O(", e.at.begin);
    expr(e);
    emit(");");
    return;
  }
  // `& $block args` alone: its output is the statement's
  if (isInvocation(p)) {
    emit("O(", p.at.begin);
    invokedStage(*p.kids[0]);
    emit(");");
    return;
  }
  pipelineCall(p, "O");
  emit(";");
}

// R.pipe(S, sink, stage, stage, ...): sink is the output function, or false for the List of a value.
void Compiler::pipelineCall(const Node& p, const std::string& sink) {
  std::string target = sink;
  std::string extra;  // stages appended for `> file`
  bool quietErrors = false;
  for (const auto& el : p.kids) {
    for (const auto& k : el->kids) {
      if (k->kind != Kind::Redirection) continue;
      const std::string& op = k->text;
      const Node* file = k->kid(0);
      bool toNull = file && file->kind == Kind::Variable && lowerAscii(file->text) == "null" && file->scope.empty();
      if ((op == ">" || op == "1>" || op == "*>") && toNull) { target = "R.discard"; quietErrors = quietErrors || op == "*>"; continue; }
      if (op == "2>" && toNull) { quietErrors = true; continue; }
      if ((op == ">" || op == ">>" || op == "1>" || op == "1>>") && file && el.get() == p.kids.back().get()) continue;
      fail("NotSupportedInPlush", "The redirection " + op + (file ? "" : "") +
               " is not supported in plush; use > file, >> file, > $null, 2> $null or *> $null.", *k);
    }
  }
  const Node* fileRedirect = nullptr;
  for (const auto& k : p.kids.back()->kids)
    if (k->kind == Kind::Redirection && k->kid(0) && k->text.find('2') == std::string::npos && k->text != "*>" &&
        !(k->kid(0)->kind == Kind::Variable && lowerAscii(k->kid(0)->text) == "null"))
      fileRedirect = k.get();
  emit("R.pipe(S, " + target + ", ", p.at.begin);
  for (size_t i = 0; i < p.kids.size(); ++i) {
    if (i) emit(", ");
    if (quietErrors) emit("R.quiet(");
    stage(*p.kids[i], i == 0);
    if (quietErrors) emit(")");
  }
  if (fileRedirect) {
    bool append = fileRedirect->text.find(">>") != std::string::npos;
    std::string column = std::to_string(out_.columnOf(fileRedirect->at.begin));
    emit(", {n=\"Out-File\", c=" + column + ", k=" + (append ? "2" : "1") + ", ", fileRedirect->at.begin);
    expr(*fileRedirect->kids[0]);
    if (append) emit(", P.P(\"Append\", " + column + ")");
    emit("}");
  }
  (void)extra;
  emit(")");
}

void Compiler::stage(const Node& element, bool first) {
  if (element.kind == Kind::CommandExpression) {
    std::string column = std::to_string(out_.columnOf(element.at.begin));
    emit("{n=\"Write-Output\", c=" + column + ", k=1, ", element.at.begin);
    expr(*element.kids[0]);
    emit("}");
    return;
  }
  (void)first;
  if (element.flags & (kCallOperator | kDotSource)) {
    const Node* target = argumentNode(*element.kids[0]);
    if (!(target && target->kind == Kind::StringLiteral)) {
      fail("NotSupportedInPlush", "A script block run with & or . can only stand alone in plush, not inside a pipeline.", element);
    }
  }
  commandStage(element);
}

// {n="Name", c=column, k=count, args...} as __plush.pipe takes it; R.stage(...) when arguments are splatted.
void Compiler::commandStage(const Node& cmd) {
  std::string name = cmd.text;
  size_t first = 0;
  if (cmd.flags & (kCallOperator | kDotSource)) {
    name = argumentNode(*cmd.kids[0])->text;
    first = 1;
  }
  checkCommand(cmd);
  std::string column = std::to_string(out_.columnOf(cmd.at.begin));
  int count = 0;
  bool splat = false;
  for (size_t i = first; i < cmd.kids.size(); ++i) {
    const Node& k = *cmd.kids[i];
    if (k.kind == Kind::Redirection) continue;
    ++count;
    const Node* v = argumentNode(k);
    if (v && v->kind == Kind::SplatVariable) splat = true;
  }
  if (splat) emit("R.stage(" + luaString(name) + ", " + column, cmd.at.begin);
  else emit("{n=" + luaString(name) + ", c=" + column + ", k=" + std::to_string(count), cmd.at.begin);
  commandElements(cmd, first);
  emit(splat ? ")" : "}");
}

// The parameters and arguments of a command, each after ", ": P.P("Name", column[, value]), values,
// R.splat(@v) for a splatted variable, P.L(a, b) for `a, b`.
void Compiler::commandElements(const Node& cmd, size_t first) {
  for (size_t i = first; i < cmd.kids.size(); ++i) {
    const Node& k = *cmd.kids[i];
    if (k.kind == Kind::Redirection) continue;
    emit(", ");
    if (k.kind == Kind::CommandParameter) {
      std::string head = "P.P(" + luaString(k.text) + ", " + std::to_string(out_.columnOf(k.at.begin));
      if (k.flags & kColon) {
        emit(head + ", ", k.at.begin);
        if (k.kids.empty()) emit("nil");
        else expr(*k.kids[0]);
        emit(")");
      } else {
        emit(head + ")", k.at.begin);
      }
      continue;
    }
    const Node& v = *k.kids[0];
    if (v.kind == Kind::SplatVariable) {
      Node var(Kind::Variable, v.at);
      var.text = v.text;
      emit("R.splat(", v.at.begin);
      variable(var);
      emit(", " + std::to_string(out_.columnOf(v.at.begin)) + ")");
      continue;
    }
    if (v.kind == Kind::ArrayLiteral) {
      emit("P.L(", v.at.begin);
      for (size_t j = 0; j < v.kids.size(); ++j) {
        if (j) emit(", ");
        expr(*v.kids[j]);
      }
      emit(")");
      continue;
    }
    expr(v);
  }
}

// & $block args / . $block args / & $name args: run at once; the value is the List of what it wrote.
void Compiler::invokedStage(const Node& cmd) {
  bool dot = cmd.flags & kDotSource;
  emit(std::string("R.invoke(S, ") + (dot ? "true" : "false") + ", ", cmd.at.begin);
  expr(*argumentNode(*cmd.kids[0]));
  emit(", " + std::to_string(out_.columnOf(cmd.at.begin)));
  for (size_t i = 1; i < cmd.kids.size(); ++i)
    if (cmd.kids[i]->kind == Kind::Redirection)
      fail("NotSupportedInPlush", "Redirecting the output of & is not supported in plush; pipe it to Out-File.", *cmd.kids[i]);
  commandElements(cmd, 1);
  emit(")");
}

// Before anything runs: out-of-scope commands, unknown commands and unknown parameters.
void Compiler::checkCommand(const Node& cmd) {
  std::string name = cmd.text;
  size_t first = 0;
  if (cmd.flags & (kCallOperator | kDotSource)) {
    name = argumentNode(*cmd.kids[0])->text;
    first = 1;
  }
  std::string lname = lowerAscii(name);
  std::string refused = refusal(lname);
  if (!refused.empty()) fail("NotSupportedInPlush", refused, cmd);
  auto parameterNamed = [&](const char* param) {
    for (size_t i = first; i < cmd.kids.size(); ++i)
      if (cmd.kids[i]->kind == Kind::CommandParameter && lowerAscii(cmd.kids[i]->text) == param) return cmd.kids[i].get();
    return static_cast<Node*>(nullptr);
  };
  if (lname == "foreach-object" || lname == "%" || lname == "foreach") {
    if (Node* p = parameterNamed("parallel")) fail("NotSupportedInPlush", "ForEach-Object -Parallel is not supported in plush.", *p);
  }
  if (lname == "new-object") {
    if (Node* p = parameterNamed("comobject")) fail("NotSupportedInPlush", "COM objects (New-Object -ComObject) are not supported in plush.", *p);
  }
  if (lname == "import-module" || lname == "ipmo") {
    for (size_t i = first; i < cmd.kids.size(); ++i) {
      const Node* v = argumentNode(*cmd.kids[i]);
      if (v && v->kind == Kind::StringLiteral && !isGraphModule(v->text)) {
        fail("NotSupportedInPlush", "Import-Module " + v->text + " is not supported in plush: modules are out of scope (the Microsoft Graph, MSOnline and AzureAD modules are accepted, since plush's own cmdlets stand in for them).", *v);
      }
    }
  }
  bool scriptFunction = parsed_.functions.count(lname) > 0;
  bool known = scriptFunction || (options_.isCommand && options_.isCommand(name));
  if (!known) {
    // Inside try { } an unknown command is the catchable CommandNotFoundException it is in PowerShell.
    if (parsed_.dotSources || !options_.isCommand || tryDepth_ > 0) return;
    std::string message = "The term '" + name + "' is not recognized as a name of a cmdlet, function or script in plush.";
    if (options_.allCommands) {
      std::vector<std::string> names = options_.allCommands();
      for (const auto& f : parsed_.functions) names.push_back(f);
      std::string near = closestName(name, names);
      if (!near.empty()) message += " Did you mean " + near + "?";
    }
    fail("UnknownCommand", message, cmd);
  }
  for (size_t i = first; i < cmd.kids.size(); ++i)
    if (cmd.kids[i]->kind == Kind::CommandParameter) checkParameter(name, *cmd.kids[i]);
}

void Compiler::checkParameter(const std::string& command, const Node& param) {
  std::string lname = lowerAscii(command);
  std::string typed = lowerAscii(param.text);
  auto fn = functionParameters_.find(lname);
  if (fn != functionParameters_.end()) {
    static const std::set<std::string> common = {"erroraction", "ea", "verbose", "vb", "outvariable", "ov", "whatif", "wi",
                                                 "confirm", "cf", "errorvariable", "ev", "warningaction", "wa", "debug",
                                                 "informationaction", "ia", "warningvariable", "wv", "pipelinevariable", "pv"};
    if (fn->second.count(typed) || common.count(typed)) return;
    int matches = 0;
    for (const auto& p : fn->second)
      if (p.rfind(typed, 0) == 0) ++matches;
    if (matches == 1) return;
    fail(matches == 0 ? "ParameterNotFound" : "AmbiguousParameter",
         matches == 0 ? "A parameter cannot be found that matches parameter name '" + param.text + "' of " + command + "."
                      : "Parameter name '" + param.text + "' of " + command + " is ambiguous.",
         param);
  }
  if (!options_.parameterProblem) return;
  ParameterProblem problem = options_.parameterProblem(command, param.text);
  if (!problem.id.empty()) fail(problem.id, problem.message, param);
}

}  // namespace plush::lang::powershell
