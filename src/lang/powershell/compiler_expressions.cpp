// The PowerShell compiler's expressions: operators, literals, variables and scopes, members, casts, assignments.
#include <cctype>
#include <cmath>
#include <cstdio>
#include <cstring>

#include "lang/command_words.h"
#include "lang/powershell/compiler.h"
#include "lang/powershell/dotnet_types.h"

namespace plush::lang::powershell {

namespace {

// The runtime function for a binary operator that is a plain call R.<name>(a, b[, pos]).
struct OperatorCall {
  const char* name;
  bool scoped;    // takes S first (it sets $Matches)
  bool located;   // takes a position last (it can fail)
};

bool operatorCall(const std::string& op, OperatorCall& call) {
  static const struct { const char* op; OperatorCall call; } table[] = {
      {"+", {"add", false, true}}, {"-", {"sub", false, true}}, {"*", {"mul", false, true}},
      {"/", {"div", false, true}}, {"%", {"mod", false, true}}, {"-f", {"fmt", false, true}},
      {"..", {"range", false, true}}, {"-xor", {"xor", false, false}},
      {"-band", {"band", false, true}}, {"-bor", {"bor", false, true}}, {"-bxor", {"bxor", false, true}},
      {"-shl", {"shl", false, true}}, {"-shr", {"shr", false, true}},
      {"-eq", {"eq", false, false}}, {"-ne", {"ne", false, false}}, {"-gt", {"gt", false, false}},
      {"-ge", {"ge", false, false}}, {"-lt", {"lt", false, false}}, {"-le", {"le", false, false}},
      {"-ceq", {"ceq", false, false}}, {"-cne", {"cne", false, false}}, {"-cgt", {"cgt", false, false}},
      {"-cge", {"cge", false, false}}, {"-clt", {"clt", false, false}}, {"-cle", {"cle", false, false}},
      {"-like", {"like", false, false}}, {"-notlike", {"notlike", false, false}},
      {"-clike", {"clike", false, false}}, {"-cnotlike", {"cnotlike", false, false}},
      {"-match", {"match", true, true}}, {"-notmatch", {"notmatch", true, true}},
      {"-cmatch", {"cmatch", true, true}}, {"-cnotmatch", {"cnotmatch", true, true}},
      {"-contains", {"contains", false, false}}, {"-notcontains", {"notcontains", false, false}},
      {"-ccontains", {"ccontains", false, false}}, {"-cnotcontains", {"cnotcontains", false, false}},
      {"-in", {"isin", false, false}}, {"-notin", {"notin", false, false}},
      {"-cin", {"cin", false, false}}, {"-cnotin", {"cnotin", false, false}},
      {"-replace", {"replace", false, true}}, {"-creplace", {"creplace", false, true}},
      {"-split", {"split", false, true}}, {"-csplit", {"csplit", false, true}},
      {"-join", {"join", false, false}},
  };
  std::string key = op;
  // -ieq, -ilike, ...: the explicit case-insensitive forms are the plain ones
  if (key.size() > 2 && key[0] == '-' && key[1] == 'i' && key != "-in" && key != "-is" && key != "-isnot") key = "-" + key.substr(2);
  for (const auto& row : table) {
    if (key == row.op) {
      call = row.call;
      return true;
    }
  }
  return false;
}

std::string luaNumber(double d) {
  if (std::isinf(d)) return d > 0 ? "(1/0)" : "(-1/0)";
  if (std::isnan(d)) return "(0/0)";
  char buf[40];
  std::snprintf(buf, sizeof buf, "%.17g", d);
  std::string s = buf;
  if (s.find_first_of(".eEn") == std::string::npos) s += ".0";
  return d < 0 ? "(" + s + ")" : s;
}

}  // namespace

// line * 2^32 + column * 2^16 + width of a node, for the runtime's errors.
void Compiler::position(const Node& n) { emit(std::to_string(out_.position(n.at.begin, n.at.end))); }

std::string Compiler::canonicalTypeAt(const Node& type) {
  std::string c = canonicalType(type.text);
  if (!c.empty()) return c;
  if (isForeignModuleType(type.text)) return "foreign:" + lowerAscii(type.text);
  fail("NotSupportedInPlush",
       "Unable to find type [" + type.text + "]: plush supports the types PowerShell scripts use for data ([int], [string], "
       "[datetime], [hashtable], [PSCustomObject], [System.Collections.Generic.List[object]], ...), not arbitrary .NET types.",
       type);
}

// A value that is never $null: the fast `S.x = v` assignment needs no null bookkeeping.
bool Compiler::knownNotNull(const Node& e) const {
  const Node* n = &e;
  if (n->kind == Kind::Pipeline && n->kids.size() == 1 && n->kids[0]->kind == Kind::CommandExpression && n->kids[0]->kids.size() == 1)
    n = n->kids[0]->kids[0].get();
  switch (n->kind) {
    case Kind::Number: case Kind::StringLiteral: case Kind::ExpandableString: case Kind::ArrayLiteral:
    case Kind::ArrayExpression: case Kind::Hashtable: case Kind::ScriptBlockExpression:
      return true;
    case Kind::Unary: return n->text == "-not" || n->text == "!";
    case Kind::Binary: {
      OperatorCall call;
      if (n->text == "-and" || n->text == "-or") return true;
      return operatorCall(n->text, call) && call.name[0] != 'a' && std::string(call.name) != "sub" &&
             std::string(call.name) != "mul" && std::string(call.name) != "div" && std::string(call.name) != "mod";
    }
    default: return false;
  }
}

void Compiler::expr(const Node& e) {
  if (++exprDepth_ > 150) fail("NestingTooDeep", "This expression nests too deeply for plush (more than 150 levels).", e);
  switch (e.kind) {
    case Kind::Number: number(e); break;
    case Kind::StringLiteral: emit(luaString(e.text), e.at.begin); break;
    case Kind::ExpandableString: expandableString(e); break;
    case Kind::Variable: variable(e); break;
    case Kind::Binary: binary(e); break;
    case Kind::Unary: unaryExpr(e); break;
    case Kind::PostIncrement: increment(*e.kids[0], e.text, true, true, e.at.begin); break;
    case Kind::ArrayLiteral:
      emit("R.arr(", e.at.begin);
      for (size_t i = 0; i < e.kids.size(); ++i) {
        if (i) emit(", ");
        expr(*e.kids[i]);
      }
      emit(")");
      break;
    case Kind::Member: member(e); break;
    case Kind::Invoke: invoke(e); break;
    case Kind::Index:
      emit("R.ix(", e.at.begin);
      expr(*e.kids[0]);
      emit(", ");
      expr(*e.kids[1]);
      emit(", ");
      position(e);
      emit(")");
      break;
    case Kind::Cast: cast(e); break;
    case Kind::TypeName: emit("R.type(" + luaString(canonicalTypeAt(e)) + ")", e.at.begin); break;
    case Kind::Paren: value(*e.kids[0]); break;
    case Kind::SubExpression: subExpression(e); break;
    case Kind::ArrayExpression: arrayExpression(e); break;
    case Kind::Hashtable: hashtable(e, false); break;
    case Kind::ScriptBlockExpression: scriptBlockValue(e); break;
    case Kind::SplatVariable:
      fail("SplattingNotPermitted", "Splatting (@" + e.text + ") can only be used in the arguments of a command.", e);
    default: fail("NotSupportedInPlush", "This expression is not supported in plush.", e);
  }
  --exprDepth_;
}

// A statement used as a value: `(pipeline)`, a condition, the right side of `=`, a hash entry.
void Compiler::value(const Node& s) {
  if (s.kind == Kind::Pipeline) {
    if (s.kids.size() == 1 && s.kids[0]->kind == Kind::CommandExpression && s.kids[0]->kids.size() == 1) {
      expr(*s.kids[0]->kids[0]);
      return;
    }
    if (isInvocation(s)) {
      invokedStage(*s.kids[0]);  // & $block: already what the block wrote, captured
      return;
    }
    emit("R.cap(", s.at.begin);
    pipelineCall(s, "false");
    emit(")");
    return;
  }
  if (s.kind == Kind::Assignment) {
    const Node& target = *s.kids[0];
    const Node* read = target.kind == Kind::Cast ? target.kids[1].get() : &target;
    if (read->kind != Kind::Variable) fail("NotSupportedInPlush", "Assigning to a property or an index inside an expression is not supported in plush; assign first, then use the value.", s);
    emit("(function() ", s.at.begin);
    assignment(s, true);
    emit(" return ");
    variable(*read);
    emit(" end)()");
    return;
  }
  // if, switch, foreach ... as a value: what the statement writes, captured
  emit("R.cap(", s.at.begin);
  collected(s, s.at.begin);
  emit(")");
}

void Compiler::condition(const Node& s) {
  if (s.kind == Kind::Pipeline) {
    for (const auto& el : s.kids)
      for (const auto& k : el->kids)
        if (k->kind == Kind::Redirection && k->text[0] == '>')
          fail("RedirectionInCondition", "'>' in a condition writes to a file in PowerShell; to compare, use -gt (or -ge).", *k);
  }
  emit("R.T(", s.at.begin);
  value(s);
  emit(")");
}

// 1.30D: a decimal keeps its digits after the point (its scale), so it is written as mantissa and scale;
// a mantissa past Int64's reaches the runtime as text (`long` holds it when false is returned).
static bool decimalParts(std::string text, long long& mantissa, int& scale, std::string& longText) {
  for (auto& c : text) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  bool negative = !text.empty() && text[0] == '-';
  if (!text.empty() && (text[0] == '-' || text[0] == '+')) text.erase(0, 1);
  long long multiplier = 1;
  if (text.size() > 2 && text.back() == 'b' && std::strchr("kmgtp", text[text.size() - 2])) {
    int power = static_cast<int>(std::strchr("kmgtp", text[text.size() - 2]) - "kmgtp") + 1;
    for (int i = 0; i < power; ++i) multiplier *= 1024;
    text.resize(text.size() - 2);
  }
  if (!text.empty() && text.back() == 'd') text.pop_back();
  if (text.empty() || text.find_first_not_of("0123456789.") != std::string::npos || text.rfind("0x", 0) == 0) return false;
  size_t dot = text.find('.');
  std::string digits = text;
  scale = 0;
  if (dot != std::string::npos) {
    scale = static_cast<int>(text.size() - dot - 1);
    digits.erase(dot, 1);
  }
  if (digits.size() > 17) {
    if (multiplier == 1) longText = (negative ? "-" : "") + text;
    return false;
  }
  mantissa = std::stoll(digits.empty() ? "0" : digits) * multiplier;
  if (negative) mantissa = -mantissa;
  return true;
}

void Compiler::number(const Node& e) {
  long long mantissa = 0;
  int scale = 0;
  std::string longText;
  if (e.numberType == 'd' && decimalParts(e.text, mantissa, scale, longText)) {
    emit("R.decimal(" + std::to_string(mantissa) + ", " + std::to_string(scale) + ")", e.at.begin);
    return;
  }
  if (!longText.empty()) {
    emit("R.parseDecimal(" + luaString(longText) + ")", e.at.begin);
    return;
  }
  if (e.isInteger && e.numberType != 'd') {
    if (e.integer == INT64_MIN) emit("math.mininteger", e.at.begin);
    else if (e.integer < 0) emit("(" + std::to_string(e.integer) + ")", e.at.begin);
    else emit(std::to_string(e.integer), e.at.begin);
    return;
  }
  emit(luaNumber(e.isInteger ? static_cast<double>(e.integer) : e.num), e.at.begin);
}

void Compiler::expandableString(const Node& e) {
  bool literal = true;
  for (const auto& k : e.kids)
    if (k->kind != Kind::StringLiteral) literal = false;
  if (literal) {
    std::string text;
    for (const auto& k : e.kids) text += k->text;
    emit(luaString(text), e.at.begin);
    return;
  }
  emit("R.cat(", e.at.begin);
  for (size_t i = 0; i < e.kids.size(); ++i) {
    if (i) emit(", ");
    expr(*e.kids[i]);
  }
  emit(")");
}

// The Lua table a variable lives in: S (the current scope), SS (the script's), R.G (the session's).
std::string Compiler::scopeTable(const Node& v) {
  const std::string& scope = v.scope;
  if (scope.empty() || scope == "local" || scope == "private" || scope == "variable") return "S";
  if (scope == "script") return "SS";
  if (scope == "global") return "R.G";
  if (scope == "using") fail("NotSupportedInPlush", "$using: variables (remote sessions and parallel runs) are not supported in plush.", v);
  fail("NotSupportedInPlush", "The $" + v.scope + ": drive is not supported in plush; use $env: for environment variables.", v);
}

static std::string field(const std::string& table, const std::string& name) {
  return isLuaName(name) ? table + "." + name : table + "[" + luaString(name) + "]";
}

void Compiler::variable(const Node& v) {
  std::string name = lowerAscii(v.text);
  if (v.scope == "env") {
    emit("R.env(" + luaString(v.text) + ")", v.at.begin);
    return;
  }
  if (v.scope.empty() || v.scope == "variable") {
    if (name == "true" || name == "false") { emit(name, v.at.begin); return; }
    if (name == "null") { emit("nil", v.at.begin); return; }
    if (name == "_" || name == "psitem") { emit("_", v.at.begin); return; }
    if (name == "args") { emit("args", v.at.begin); return; }
    if (name == "?") { emit("R.ok", v.at.begin); return; }
    if (name == "error") { emit("Error", v.at.begin); return; }
    if (name == "foreach" || name == "switch" || name == "this" || name == "executioncontext" || name == "sender" ||
        name == "eventargs" || name == "event") {
      fail("NotSupportedInPlush", "The automatic variable $" + v.text + " is not supported in plush.", v);
    }
  }
  std::string table = scopeTable(v);
  if (v.scope == "local" || v.scope == "private") {
    emit("R.lget(S, " + luaString(name) + ")", v.at.begin);
    return;
  }
  emit(field(table, name), v.at.begin);
}

void Compiler::binary(const Node& e) {
  const std::string& op = e.text;
  const Node& l = *e.kids[0];
  const Node& r = *e.kids[1];
  if (op == "-and" || op == "-or") {
    emit("(R.T(", l.at.begin);
    expr(l);
    emit(op == "-and" ? ") and R.T(" : ") or R.T(");
    expr(r);
    emit("))");
    return;
  }
  if (op == "??") {
    // $a ?? $b: $b only when $a is $null (and only then is $b worked out)
    emit("(function() local v = ", l.at.begin);
    expr(l);
    emit(" if v ~= nil then return v end return ");
    expr(r);
    emit(" end)()");
    return;
  }
  if (op == "-is" || op == "-isnot" || op == "-as") {
    emit(op == "-as" ? "R.as(" : (op == "-is" ? "R.is(" : "(not R.is("), l.at.begin);
    expr(l);
    emit(", ");
    if (r.kind == Kind::TypeName) emit(luaString(canonicalTypeAt(r)), r.at.begin);
    else expr(r);
    emit(op == "-isnot" ? "))" : ")");
    return;
  }
  OperatorCall call;
  if (!operatorCall(op, call)) fail("NotSupportedInPlush", "The operator " + op + " is not supported in plush.", e);
  emit(std::string("R.") + call.name + "(", l.at.begin);
  if (call.scoped) emit("S, ");
  expr(l);
  emit(", ");
  expr(r);
  if (call.located) {
    emit(", ");
    emit(std::to_string(out_.position(static_cast<size_t>(e.integer), static_cast<size_t>(e.integer) + op.size())));
  }
  emit(")");
}

void Compiler::unaryExpr(const Node& e) {
  const std::string& op = e.text;
  const Node& v = *e.kids[0];
  if (op == "++" || op == "--") {
    increment(v, op, true, false, e.at.begin);
    return;
  }
  if (op == "-not" || op == "!") {
    emit("(not R.T(", e.at.begin);
    expr(v);
    emit("))");
    return;
  }
  const char* fn = op == "-bnot" ? "R.bnot(" : op == "-" ? "R.neg(" : op == "+" ? "R.plus(" : op == "," ? "R.wrap(" :
                   op == "-split" ? "R.split1(" : op == "-join" ? "R.join1(" : nullptr;
  if (!fn) fail("NotSupportedInPlush", "The operator " + op + " is not supported in plush.", e);
  emit(fn, e.at.begin);
  expr(v);
  if (op == "-" || op == "-bnot") {
    emit(", ");
    position(e);
  }
  emit(")");
}

// The runtime's name of the type before `::`, refused unless plush provides its static members.
std::string Compiler::staticType(const Node& e) {
  const Node& object = *e.kids[0];
  if (object.kind != Kind::TypeName) fail("NotSupportedInPlush", "Static members (::) are used on a type written [Type]::Name in plush.", e);
  std::string type = canonicalTypeAt(object);
  if (!hasStaticMembers(type)) fail("NotSupportedInPlush", "The static members of [" + object.text + "] are not supported in plush.", object);
  return type;
}

void Compiler::member(const Node& e) {
  const Node& object = *e.kids[0];
  const Node& name = *e.kids[1];
  if (e.flags & kStatic) {
    emit("R.st(" + luaString(staticType(e)) + ", ", e.at.begin);
    expr(name);
    emit(", ");
    position(name);
    emit(")");
    return;
  }
  emit("R.m(", e.at.begin);
  expr(object);
  emit(", ");
  expr(name);
  emit(")");
}

void Compiler::invoke(const Node& e) {
  const Node& object = *e.kids[0];
  const Node& name = *e.kids[1];
  if (e.flags & kStatic) {
    emit("R.sc(" + luaString(staticType(e)) + ", ", e.at.begin);
  } else {
    emit((e.flags & kNullConditional) ? "R.callq(" : "R.call(", e.at.begin);
    expr(object);
    emit(", ");
  }
  expr(name);
  emit(", ");
  position(name);
  for (size_t i = 2; i < e.kids.size(); ++i) {
    emit(", ");
    expr(*e.kids[i]);
  }
  emit(")");
}

void Compiler::cast(const Node& e) {
  const Node& type = *e.kids[0];
  const Node& v = *e.kids[1];
  std::string canonical = canonicalTypeAt(type);
  if (canonical.rfind("foreign:", 0) == 0 || canonical.rfind("exception:", 0) == 0) {
    fail("NotSupportedInPlush", "Converting to [" + type.text + "] is not supported in plush.", type);
  }
  if (canonical == "ordered") {
    if (v.kind != Kind::Hashtable) fail("OrderedAttributeOnlyOnHashLiteralNode", "[ordered] can only be used on a hash literal @{ }.", type);
    hashtable(v, true);
    return;
  }
  if ((canonical == "pscustomobject" || canonical == "psobject") && v.kind == Kind::Hashtable) {
    emit("R.pso(", e.at.begin);
    hashtable(v, true);
    emit(")");
    return;
  }
  if (canonical == "void") {
    emit("R.void(", e.at.begin);
    expr(v);
    emit(")");
    return;
  }
  emit("R.cast(" + luaString(canonical) + ", ", e.at.begin);
  expr(v);
  emit(", ");
  position(type);
  emit(")");
}

void Compiler::hashtable(const Node& e, bool ordered) {
  emit(ordered ? "R.hash(true" : "R.hash(false", e.at.begin);
  for (const auto& entry : e.kids) {
    emit(", ", entry->at.begin);
    expr(*entry->kids[0]);
    emit(", ");
    value(*entry->kids[1]);
  }
  emit(")");
}

// @( ... ): always an array; $( ... ): what the statements write, captured.
void Compiler::arrayExpression(const Node& e) {
  const Node& list = *e.kids[0];
  if (list.kids.empty()) {
    emit("R.arr()", e.at.begin);
    return;
  }
  if (list.kids.size() == 1 && list.kids[0]->kind == Kind::Pipeline) {
    const Node& p = *list.kids[0];
    if (p.kids.size() == 1 && p.kids[0]->kind == Kind::CommandExpression && p.kids[0]->kids.size() == 1) {
      emit("R.toarr(", e.at.begin);
      expr(*p.kids[0]->kids[0]);
      emit(")");
      return;
    }
    if (!hasRedirection(p)) {
      pipelineCall(p, "false");
      return;
    }
  }
  collected(list, e.at.begin);
}

void Compiler::subExpression(const Node& e) {
  const Node& list = *e.kids[0];
  if (list.kids.size() == 1 && list.kids[0]->kind == Kind::Pipeline) {
    value(*list.kids[0]);
    return;
  }
  emit("R.cap(", e.at.begin);
  collected(list, e.at.begin);
  emit(")");
}

// What a statement (or a statement list) writes, as a List: R.collect(function(O) ... end). The
// closure is a body of its own: loops outside it cannot be left from inside.
void Compiler::collected(const Node& what, size_t at) {
  emit("R.collect(function(O) ", at);
  Body inner = body();
  inner.loops.clear();
  inner.level = 0;
  inner.topLevel = false;
  inner.returnCode = "return";
  bodies_.push_back(inner);
  if (what.kind == Kind::StatementList) statements(what);
  else statement(what);
  bodies_.pop_back();
  emit(" end)");
}

void Compiler::assignment(const Node& a, bool asValue) {
  const Node& target = *a.kids[0];
  const Node& v = *a.kids[1];
  (void)asValue;
  if (a.text == "=") {
    assignTo(target, [&] { value(v); }, knownNotNull(v));
    return;
  }
  compound(target, a.text, [&] { value(v); }, a.at.begin);
}

void Compiler::assignTo(const Node& target, const std::function<void()>& writeValue, bool knownValue) {
  switch (target.kind) {
    case Kind::Variable: {
      std::string name = lowerAscii(target.text);
      if (target.scope == "env") {
        emit("R.setenv(" + luaString(target.text) + ", ", target.at.begin);
        writeValue();
        emit(")");
        return;
      }
      if (target.scope.empty() && name == "null") {
        emit("R.void(", target.at.begin);
        writeValue();
        emit(")");
        return;
      }
      if (target.scope.empty() && (name == "true" || name == "false" || name == "?" || name == "error" || name == "args")) {
        fail("VariableNotWritable", "Cannot overwrite variable " + target.text + " because it is read-only or constant.", target);
      }
      if (target.scope.empty() && (name == "_" || name == "psitem")) {
        emit("_ = ", target.at.begin);
        writeValue();
        return;
      }
      std::string table = scopeTable(target);
      if (name == "ofs") {
        emit("R.setOFS(" + table + ", ", target.at.begin);
        writeValue();
        emit(")");
        return;
      }
      if (target.scope == "private") {
        emit("R.setPrivate(S, " + luaString(name) + ", ", target.at.begin);
        writeValue();
        emit(")");
        return;
      }
      auto constraint = body().constrained.find(name);
      if (constraint != body().constrained.end()) {
        emit("R.set(" + table + ", " + luaString(name) + ", R.cast(" + luaString(constraint->second) + ", ", target.at.begin);
        writeValue();
        emit(", ");
        position(target);
        emit("))");
        return;
      }
      if (knownValue) {
        emit(field(table, name) + " = ", target.at.begin);
        writeValue();
        return;
      }
      emit("R.set(" + table + ", " + luaString(name) + ", ", target.at.begin);
      writeValue();
      emit(")");
      return;
    }
    case Kind::Cast: {
      const Node& var = *target.kids[1];
      std::string type = canonicalTypeAt(*target.kids[0]);
      if (type == "void" || type.rfind("exception:", 0) == 0 || type.rfind("foreign:", 0) == 0)
        fail("NotSupportedInPlush", "A variable cannot be declared [" + target.kids[0]->text + "].", target);
      body().constrained[lowerAscii(var.text)] = type;
      assignTo(var, writeValue, false);
      return;
    }
    // The value is worked out before the target's object and index, as in PowerShell: $b[$a] = $c[$a++]
    case Kind::Member: {
      if (target.flags & kStatic) fail("NotSupportedInPlush", "Setting static members is not supported in plush.", target);
      std::string v = "val" + std::to_string(++nextId_);
      emit("do local " + v + " = ", target.at.begin);
      writeValue();
      emit("; R.setm(");
      expr(*target.kids[0]);
      emit(", ");
      expr(*target.kids[1]);
      emit(", " + v + ", ");
      position(*target.kids[1]);
      emit(") end");
      return;
    }
    case Kind::Index: {
      std::string v = "val" + std::to_string(++nextId_);
      emit("do local " + v + " = ", target.at.begin);
      writeValue();
      emit("; R.setix(");
      expr(*target.kids[0]);
      emit(", ");
      expr(*target.kids[1]);
      emit(", " + v + ", ");
      position(target);
      emit(") end");
      return;
    }
    case Kind::ArrayLiteral: {
      int id = ++nextId_;
      size_t n = target.kids.size();
      std::string names;
      for (size_t i = 0; i < n; ++i) names += (i ? ", " : "") + std::string("a") + std::to_string(id) + "_" + std::to_string(i);
      emit("do local " + names + " = R.spread(" + std::to_string(n) + ", ", target.at.begin);
      writeValue();
      emit(");");
      for (size_t i = 0; i < n; ++i) {
        std::string local = "a" + std::to_string(id) + "_" + std::to_string(i);
        assignTo(*target.kids[i], [&] { emit(local); }, false);
        emit(";");
      }
      emit(" end");
      return;
    }
    default: fail("InvalidLeftHandSide", "This cannot be assigned to.", target);
  }
}

void Compiler::compound(const Node& target, const std::string& op, const std::function<void()>& writeValue, size_t at) {
  std::string fn = op == "+=" ? "R.add(" : op == "-=" ? "R.sub(" : op == "*=" ? "R.mul(" : op == "/=" ? "R.div(" :
                   op == "%=" ? "R.mod(" : "";
  std::string pos = std::to_string(out_.position(at, at + 1));
  if (op == "?\?=") {
    const Node* read = target.kind == Kind::Cast ? target.kids[1].get() : &target;
    if (read->kind != Kind::Variable) fail("NotSupportedInPlush", "?\?= is supported on variables in plush.", target);
    emit("if ", at);
    variable(*read);
    emit(" == nil then ");
    assignTo(target, writeValue, false);
    emit(" end");
    return;
  }
  if (target.kind == Kind::Variable || target.kind == Kind::Cast) {
    const Node& var = target.kind == Kind::Cast ? *target.kids[1] : target;
    assignTo(target, [&] {
      emit(fn);
      localRead(var);
      emit(", ");
      writeValue();
      emit(", " + pos + ")");
    }, false);
    return;
  }
  if (target.kind == Kind::Member || target.kind == Kind::Index) {
    bool isMember = target.kind == Kind::Member;
    if (isMember && (target.flags & kStatic)) fail("NotSupportedInPlush", "Setting static members is not supported in plush.", target);
    std::string id = std::to_string(++nextId_);
    emit("do local o" + id + ", k" + id + " = ", target.at.begin);
    expr(*target.kids[0]);
    emit(", ");
    expr(*target.kids[1]);
    emit(isMember ? "; R.setm(o" + id + ", k" + id + ", " + fn + "R.m(o" + id + ", k" + id + "), "
                  : "; R.setix(o" + id + ", k" + id + ", " + fn + "R.ix(o" + id + ", k" + id + ", " + pos + "), ");
    writeValue();
    emit(", " + pos + "), " + pos + ") end");
    return;
  }
  fail("InvalidLeftHandSide", "This cannot be assigned to.", target);
}

// The variable as its own scope holds it: where `$x += 1` starts from (about_Assignment_Operators).
void Compiler::localRead(const Node& v) {
  std::string name = lowerAscii(v.text);
  if (v.scope == "env" || (v.scope.empty() && (name == "_" || name == "psitem" || name == "null"))) {
    variable(v);
    return;
  }
  emit("R.lget(" + scopeTable(v) + ", " + luaString(name) + ")", v.at.begin);
}

// ++ and --: as a statement they change the target; as a value ($i++) they give the old (or new) value.
void Compiler::increment(const Node& target, const std::string& op, bool asValue, bool post, size_t at) {
  std::string delta = op == "++" ? "1" : "-1";
  if (!asValue) {
    compound(target, "+=", [&] { emit(delta); }, at);
    return;
  }
  if (target.kind != Kind::Variable || target.scope == "env") {
    fail("NotSupportedInPlush", op + " inside an expression is supported on variables in plush; write it as its own statement.", target);
  }
  std::string name = lowerAscii(target.text);
  emit("R.inc(" + scopeTable(target) + ", " + luaString(name) + ", " + delta + (post ? ", true, " : ", false, ") +
           std::to_string(out_.position(at, at + 2)) + ")",
       at);
}

}  // namespace plush::lang::powershell
