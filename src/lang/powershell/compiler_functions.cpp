// The PowerShell compiler's functions and script blocks: a function becomes a command declared like any other
// (parameters from param( ), help from comment-based help); a script block becomes a Lua function of $_.
#include <sstream>

#include "lang/command_words.h"
#include "lang/powershell/compiler.h"
#include "lang/powershell/dotnet_types.h"
#include "lang/powershell/pushed_test_ast.h"

namespace plush::lang::powershell {

namespace {

std::string trim(const std::string& s) {
  size_t b = s.find_first_not_of(" \t\r\n");
  if (b == std::string::npos) return "";
  size_t e = s.find_last_not_of(" \t\r\n");
  return s.substr(b, e - b + 1);
}

// The binder's type for a parameter type: string int number switch bool scriptblock hashtable object.
std::string binderType(const std::string& canonical, bool& list) {
  std::string t = canonical;
  list = false;
  if (t.size() > 2 && t.compare(t.size() - 2, 2, "[]") == 0) {
    list = true;
    t = t.substr(0, t.size() - 2);
  }
  if (t == "array") { list = true; return "object"; }
  if (t == "string" || t == "char") return "string";
  if (t == "int" || t == "long" || t == "short" || t == "byte" || t == "uint" || t == "ulong" || t == "ushort" || t == "sbyte") return "int";
  if (t == "double" || t == "float" || t == "decimal") return "number";
  if (t == "switch") return "switch";
  if (t == "bool") return "bool";
  if (t == "scriptblock") return "scriptblock";
  if (t == "hashtable" || t == "ordered") return "hashtable";
  return "object";
}

const Node* attribute(const Node& p, const char* name) {
  for (const auto& k : p.kids)
    if (k->kind == Kind::Attribute && lowerAscii(k->text) == name) return k.get();
  return nullptr;
}

const Node* attributeArgument(const Node& attr, const char* name) {
  for (const auto& a : attr.kids)
    if (lowerAscii(a->text) == name) return a.get();
  return nullptr;
}

// A named attribute argument that is true: `Mandatory`, `Mandatory=$true`, `Mandatory = 1`.
bool flagArgument(const Node& attr, const char* name) {
  const Node* a = attributeArgument(attr, name);
  if (!a) return false;
  const Node* v = a->kid(0);
  if (!v) return true;
  if (v->kind == Kind::Variable) return lowerAscii(v->text) == "true";
  if (v->kind == Kind::Number) return v->integer != 0;
  return true;
}

struct HelpText {
  std::string synopsis, description;
  std::vector<std::pair<std::string, std::string>> examples;  // code, text
  std::vector<std::pair<std::string, std::string>> parameters;
};

// Comment-based help (about_Comment_Based_Help): .SYNOPSIS .DESCRIPTION .PARAMETER Name .EXAMPLE ...
HelpText parseHelp(const std::string& text) {
  HelpText help;
  std::istringstream lines(text);
  std::string line, section, argument, content;
  auto flush = [&] {
    std::string body = trim(content);
    if (section == "synopsis") help.synopsis = body;
    else if (section == "description") help.description = body;
    else if (section == "parameter") help.parameters.push_back({lowerAscii(argument), body});
    else if (section == "example") {
      size_t nl = body.find('\n');
      std::string code = trim(body.substr(0, nl));
      if (code.rfind("PS>", 0) == 0) code = trim(code.substr(3));
      if (code.rfind("PS C:\\>", 0) == 0) code = trim(code.substr(7));
      help.examples.push_back({code, nl == std::string::npos ? "" : trim(body.substr(nl + 1))});
    }
    content.clear();
  };
  while (std::getline(lines, line)) {
    std::string t = trim(line);
    if (t.size() > 1 && t[0] == '.' && std::isalpha(static_cast<unsigned char>(t[1]))) {
      size_t space = t.find_first_of(" \t");
      std::string keyword = lowerAscii(t.substr(1, space == std::string::npos ? std::string::npos : space - 1));
      static const std::set<std::string> keywords = {"synopsis", "description", "parameter", "example", "inputs", "outputs",
                                                     "notes", "link", "component", "role", "functionality",
                                                     "forwardhelptargetname", "externalhelp", "remotehelprunspace"};
      if (keywords.count(keyword)) {
        flush();
        section = keyword;
        argument = space == std::string::npos ? "" : trim(t.substr(space));
        continue;
      }
    }
    content += t + "\n";
  }
  flush();
  return help;
}

}  // namespace

// Parameters as the registry declares them: {name=..., type=..., position=..., mandatory=..., default=function(S) ... end}.
void Compiler::parameters(const Node* block, size_t at, bool simple) {
  emit("{", at);
  if (!block) {
    emit("}");
    return;
  }
  bool explicitPositions = false;
  bool positional = true;
  for (const auto& k : block->kids) {
    if (k->kind == Kind::Attribute && lowerAscii(k->text) == "cmdletbinding") {
      const Node* pb = attributeArgument(*k, "positionalbinding");
      if (pb && pb->kid(0) && pb->kid(0)->kind == Kind::Variable && lowerAscii(pb->kid(0)->text) == "false") positional = false;
    }
    if (k->kind != Kind::Parameter) continue;
    const Node* p = attribute(*k, "parameter");
    if (p && attributeArgument(*p, "position")) explicitPositions = true;
  }
  int position = 0;
  for (const auto& k : block->kids) {
    if (k->kind != Kind::Parameter) continue;
    int pos = 0;
    if (!explicitPositions && positional) pos = ++position;
    parameter(*k, pos, simple);
    emit(", ");
  }
  emit("}");
}

void Compiler::parameter(const Node& p, int position, bool simple) {
  (void)simple;
  emit("{name=" + luaString(p.text), p.at.begin);
  std::string type = "object";
  bool list = false;
  std::string canonical;
  for (const auto& k : p.kids) {
    if (k->kind == Kind::TypeName) {
      canonical = canonicalTypeAt(*k);
      type = binderType(canonical, list);
    }
  }
  emit(", type=" + luaString(type));
  if (list) emit(", list=true");
  if (!canonical.empty() && type == "object" && canonical != "object" && canonical != "psobject") emit(", cast=" + luaString(canonical));
  if (!canonical.empty() && canonical != "object") emit(", typeName=" + luaString(canonical));
  if (const Node* attr = attribute(p, "parameter")) {
    if (flagArgument(*attr, "mandatory")) emit(", mandatory=true");
    if (const Node* pos = attributeArgument(*attr, "position")) {
      if (pos->kid(0) && pos->kid(0)->kind == Kind::Number) position = static_cast<int>(pos->kid(0)->integer) + 1;
    }
    bool byValue = flagArgument(*attr, "valuefrompipeline");
    bool byProperty = flagArgument(*attr, "valuefrompipelinebypropertyname");
    if (byValue || byProperty) emit(std::string(", pipeline=\"") + (byValue && byProperty ? "both" : byValue ? "value" : "property") + "\"");
    if (flagArgument(*attr, "valuefromremainingarguments")) emit(", remaining=true");
    if (const Node* set = attributeArgument(*attr, "parametersetname")) {
      emit(", sets={");
      if (set->kid(0)) expr(*set->kid(0));
      emit("}");
    }
    if (const Node* h = attributeArgument(*attr, "helpmessage")) {
      if (h->kid(0)) {
        emit(", help=");
        expr(*h->kid(0));
      }
    }
  }
  if (position > 0) emit(", position=" + std::to_string(position));
  for (const auto& k : p.kids) {
    if (k->kind != Kind::Attribute) continue;
    std::string name = lowerAscii(k->text);
    auto positionalList = [&](const char* field) {
      emit(std::string(", ") + field + "={", k->at.begin);
      for (size_t i = 0; i < k->kids.size(); ++i) {
        if (i) emit(", ");
        if (k->kids[i]->kid(0)) expr(*k->kids[i]->kid(0));
      }
      emit("}");
    };
    if (name == "alias") positionalList("aliases");
    else if (name == "validateset") positionalList("values");
    else if (name == "validaterange") positionalList("range");
    else if (name == "validatecount") positionalList("count");
    else if (name == "validatelength") positionalList("length");
    else if (name == "validatepattern") positionalList("pattern");
    else if (name == "validatenotnullorempty") emit(", notEmpty=true");
    else if (name == "validatenotnull") emit(", notNull=true");
    else if (name == "validatescript") {
      if (k->kids.empty() || !k->kids[0]->kid(0)) fail("MissingValidateScript", "[ValidateScript()] needs a script block.", *k);
      emit(", validate=");
      expr(*k->kids[0]->kid(0));
    } else if (name == "parameter" || name == "allownull" || name == "allowemptystring" || name == "allowemptycollection" ||
               name == "supportswildcards" || name == "psdefaultvalue" || name == "validatetrimmedlength") {
      continue;
    } else {
      fail("NotSupportedInPlush", "The parameter attribute [" + k->text + "()] is not supported in plush.", *k);
    }
  }
  for (const auto& k : p.kids) {
    if (k->kind != Kind::Default) continue;
    emit(", default=function(S) return ", k->at.begin);
    expr(*k->kids[0]);
    emit(" end");
  }
  emit("}");
}

void Compiler::helpFields(const std::string& text, size_t at) {
  if (text.empty()) return;
  HelpText help = parseHelp(text);
  if (!help.synopsis.empty()) emit(", synopsis=" + luaString(help.synopsis), at);
  if (!help.description.empty()) emit(", description=" + luaString(help.description), at);
  if (!help.examples.empty()) {
    emit(", examples={");
    for (const auto& e : help.examples) emit("{code=" + luaString(e.first) + ", text=" + luaString(e.second) + "}, ");
    emit("}");
  }
  if (!help.parameters.empty()) {
    emit(", parameterHelp={");
    for (const auto& p : help.parameters) emit("[" + luaString(p.first) + "]=" + luaString(p.second) + ", ");
    emit("}");
  }
}

// One block of a function: function(S, O, _, args, input) ... end, in a body of its own.
void Compiler::namedBlock(const char* key, const Node* list, size_t at) {
  if (!list) return;
  emit(std::string(", ") + key + "=function(S, O, _, args, input) ", at);
  Body b;
  b.returnCode = "return";
  bodies_.push_back(b);
  statements(*list);
  bodies_.pop_back();
  emit(" end");
}

void Compiler::functionDefinition(const Node& f) {
  const Node& sb = *f.kids[0];
  const Node* params = nullptr;
  const Node* unnamed = nullptr;
  const Node* blocks[3] = {nullptr, nullptr, nullptr};
  for (const auto& k : sb.kids) {
    if (k->kind == Kind::ParamBlock) params = k.get();
    else if (k->kind == Kind::StatementList) unnamed = k.get();
    else if (k->kind == Kind::NamedBlock) {
      int i = k->text == "begin" ? 0 : k->text == "process" ? 1 : 2;
      blocks[i] = k->kids[0].get();
    }
  }
  if (unnamed) blocks[(f.flags & kFilter) ? 1 : 2] = unnamed;
  bool advanced = false;
  bool shouldProcess = false;
  if (params) {
    for (const auto& k : params->kids) {
      if (k->kind == Kind::Attribute && lowerAscii(k->text) == "cmdletbinding") {
        advanced = true;
        shouldProcess = flagArgument(*k, "supportsshouldprocess");
      }
      if (k->kind == Kind::Parameter && attribute(*k, "parameter")) advanced = true;
    }
  }
  emit("R.fn(S, {name=" + luaString(f.text) + ", at=" + std::to_string(out_.position(f.at.begin, f.at.end)), f.at.begin);
  if (!advanced) emit(", simple=true");
  if (shouldProcess) emit(", changesState=true");
  if (usesVariable(sb, "input")) emit(", usesInput=true");
  helpFields(f.help, f.at.begin);
  emit(", params=");
  parameters(params, params ? params->at.begin : f.at.begin, !advanced);
  namedBlock("b", blocks[0], blocks[0] ? blocks[0]->at.begin : f.at.begin);
  namedBlock("p", blocks[1], blocks[1] ? blocks[1]->at.begin : f.at.begin);
  namedBlock("e", blocks[2], blocks[2] ? blocks[2]->at.begin : f.at.begin);
  emit("});");
}

// A script's own param( ): bound from its command-line arguments before its first statement.
void Compiler::scriptParameters(const Node& block) {
  bool shouldProcess = false;
  for (const auto& k : block.kids)
    if (k->kind == Kind::Attribute && lowerAscii(k->text) == "cmdletbinding") shouldProcess = flagArgument(*k, "supportsshouldprocess");
  emit("R.scriptParams(S, {changesState=" + std::string(shouldProcess ? "true" : "false") + ", params=", block.at.begin);
  parameters(&block, block.at.begin, false);
  emit("}, ...);");
}

// { ... } as a value: a Lua function of $_ (and of the arguments of & { }), returning what it writes.
void Compiler::scriptBlockValue(const Node& e) {
  const Node& sb = *e.kids[0];
  const Node* params = nullptr;
  const Node* list = nullptr;
  for (const auto& k : sb.kids) {
    if (k->kind == Kind::ParamBlock) params = k.get();
    else if (k->kind == Kind::StatementList) list = k.get();
    else fail("NotSupportedInPlush", "begin, process and end blocks inside a script block value are not supported in plush; define a function instead.", *k);
  }
  // A block that only compares $_'s properties with constants goes to the runtime with that test
  // as data, so that a store read before Where-Object can apply it in its query (lang/pushed_test.h).
  auto pushed = params ? std::nullopt : blockTest(list);
  if (pushed) emit("__plush.pushable(", e.at.begin);
  emit("function(_, ...) ", e.at.begin);
  if (params || assignsVariables(sb)) emit("local S = R.cs and R.child(S) or S; ");
  else emit("R.cs = false; ");
  if (usesVariable(sb, "args")) emit("local args = R.arr(...); ");
  if (params) {
    emit("R.bindBlock(S, ");
    parameters(params, params->at.begin, true);
    emit(", ...); ");
  }
  Body b;
  b.returnCode = "return RES()";
  bodies_.push_back(b);
  bool single = list && list->kids.size() == 1 && list->kids[0]->kind == Kind::Pipeline && !hasRedirection(*list->kids[0]);
  if (single) {
    const Node& p = *list->kids[0];
    bool expression = p.kids.size() == 1 && p.kids[0]->kind == Kind::CommandExpression;
    const Node* inner = expression ? p.kids[0]->kid(0) : nullptr;
    bool statementLike = inner && (inner->kind == Kind::PostIncrement || (inner->kind == Kind::Unary && (inner->text == "++" || inner->text == "--")) ||
                                   (inner->kind == Kind::Cast && lowerAscii(inner->kids[0]->text) == "void"));
    if (!statementLike && !(p.kids.size() == 1 && p.kids[0]->kind == Kind::Command && (p.kids[0]->flags & (kCallOperator | kDotSource)))) {
      emit("return ");
      if (expression) expr(*inner);
      else pipelineCall(p, "false");
      emit(" end");
      if (pushed) emit(", " + pushedTestLua(*pushed) + ")");
      bodies_.pop_back();
      return;
    }
  }
  emit("local O, RES = R.collector(); ");
  if (list) statements(*list);
  emit(" return RES() end");
  bodies_.pop_back();
}

// The test of a block whose one statement is an expression (pushed_test_ast.h).
std::optional<PushedTest> Compiler::blockTest(const Node* list) const {
  if (!list || list->kids.size() != 1 || list->kids[0]->kind != Kind::Pipeline || hasRedirection(*list->kids[0])) return std::nullopt;
  const Node& p = *list->kids[0];
  if (p.kids.size() != 1 || p.kids[0]->kind != Kind::CommandExpression || !p.kids[0]->kid(0)) return std::nullopt;
  return pushedTestOfExpression(*p.kids[0]->kid(0));
}

bool Compiler::usesVariable(const Node& n, const std::string& name) const {
  for (const auto& k : n.kids) {
    if (k->kind == Kind::ScriptBlockExpression || k->kind == Kind::FunctionDefinition) continue;
    if (k->kind == Kind::Variable && k->scope.empty() && lowerAscii(k->text) == name) return true;
    if (usesVariable(*k, name)) return true;
  }
  return false;
}

bool Compiler::assignsVariables(const Node& n) const {
  for (const auto& k : n.kids) {
    if (k->kind == Kind::ScriptBlockExpression || k->kind == Kind::FunctionDefinition) continue;
    if (k->kind == Kind::Assignment || k->kind == Kind::PostIncrement || k->kind == Kind::Foreach) return true;
    if (k->kind == Kind::Unary && (k->text == "++" || k->text == "--")) return true;
    if (k->kind == Kind::Binary && k->text.find("match") != std::string::npos) return true;
    if (assignsVariables(*k)) return true;
  }
  return false;
}

}  // namespace plush::lang::powershell
