// The PowerShell compiler's statements: the chunk, statement lists, if, loops, switch, try, trap, flow control.
#include "lang/powershell/compiler.h"

#include "lang/command_words.h"

namespace plush::lang::powershell {

Compiler::Compiler(std::string_view source, const ParseResult& parsed, const Options& options, bool prompt)
    : src_(source), parsed_(parsed), options_(options), prompt_(prompt), out_(source) {}

void Compiler::fail(std::string id, std::string message, const Node& at) {
  throw CompileError{std::move(id), std::move(message), at.at.begin, std::max(at.at.end, at.at.begin + 1)};
}

Translation Compiler::run() {
  Translation result;
  try {
    chunk();
  } catch (const CompileError& e) {
    Diagnostic d;
    d.id = e.id;
    d.message = e.message;
    d.line = static_cast<int>(out_.lineOf(e.begin));
    d.column = static_cast<int>(out_.columnOf(e.begin));
    size_t lineEnd = src_.find('\n', e.begin);
    if (lineEnd == std::string_view::npos) lineEnd = src_.size();
    d.width = static_cast<int>(std::max<size_t>(1, std::min(e.end, lineEnd) - e.begin));
    result.status = Status::Error;
    result.diagnostics.push_back(d);
    return result;
  }
  result.lua = out_.text();
  result.columnMap = out_.generated().columnMap(src_);
  result.warnings = warnings_;
  return result;
}

// local R = __plush.ps ...: the prologue shares the first line; every statement then stays on its own.
// The parameter names (and aliases) of every function the text defines, for checks before anything runs.
static void collectFunctionParameters(const Node& n, std::map<std::string, std::set<std::string>>& out) {
  for (const auto& k : n.kids) {
    if (k->kind == Kind::FunctionDefinition) {
      auto& names = out[lowerAscii(k->text)];
      for (const auto& part : k->kids[0]->kids) {
        if (part->kind != Kind::ParamBlock) continue;
        for (const auto& p : part->kids) {
          if (p->kind != Kind::Parameter) continue;
          names.insert(lowerAscii(p->text));
          for (const auto& a : p->kids) {
            if (a->kind != Kind::Attribute || lowerAscii(a->text) != "alias") continue;
            for (const auto& arg : a->kids)
              if (arg->kid(0) && arg->kid(0)->kind == Kind::StringLiteral) names.insert(lowerAscii(arg->kid(0)->text));
          }
        }
      }
    }
    collectFunctionParameters(*k, out);
  }
}

void Compiler::chunk() {
  const Node& script = *parsed_.script;
  collectFunctionParameters(script, functionParameters_);
  Body top;
  top.topLevel = true;
  top.returnCode = "R.flush() return";
  bodies_.push_back(top);
  emit("local R = __plush.ps; local P = __plush; local S, SS, O = R.begin(" + std::string(prompt_ ? "true" : "false") + ", " +
       luaString(options_.chunkName) + "); local _, args = nil, R.args(...); ");
  const Node* params = nullptr;
  const Node* list = nullptr;
  for (const auto& k : script.kids) {
    if (k->kind == Kind::ParamBlock) params = k.get();
    if (k->kind == Kind::StatementList) list = k.get();
    if (k->kind == Kind::NamedBlock) fail("NotSupportedInPlush", "begin, process and end blocks at the top of a script are not supported in plush; put the statements in the script itself.", *k);
  }
  if (params) scriptParameters(*params);
  chunkList_ = list;
  if (list) statements(*list);
  emit(" R.flush()");
}

// A statement list; trap statements in it guard every other statement of the list.
void Compiler::statements(const Node& list) {
  std::vector<const Node*> traps;
  for (const auto& s : list.kids)
    if (s->kind == Kind::Trap) traps.push_back(s.get());
  if (!traps.empty()) {
    trappedStatements(list, traps);
    return;
  }
  // each statement of the script itself ends its output group (a loop's objects make one table)
  bool flushEach = &list == chunkList_;
  for (const auto& s : list.kids) {
    statement(*s);
    if (flushEach) emit(" R.flush();");
  }
}

void Compiler::statement(const Node& s) {
  switch (s.kind) {
    case Kind::Pipeline: pipelineStatement(s); return;
    case Kind::Assignment: assignment(s, false); emit(";"); return;
    case Kind::If: ifStatement(s); return;
    case Kind::While: case Kind::DoWhile: case Kind::DoUntil: case Kind::For: loopStatement(s); return;
    case Kind::Foreach: foreachStatement(s); return;
    case Kind::Switch: switchStatement(s); return;
    case Kind::Try: tryStatement(s); return;
    case Kind::Trap: return;  // handled by the list that holds it
    case Kind::FunctionDefinition: functionDefinition(s); return;
    case Kind::Throw: case Kind::Return: case Kind::Exit: flowStatement(s); return;
    case Kind::Break: case Kind::Continue: breakOrContinue(s); return;
    default: fail("NotSupportedInPlush", "This statement is not supported in plush.", s);
  }
}

// A `{ }` statement block inside the current body (its own Lua block, so locals stay in it).
void Compiler::bodyBlock(const Node& block) {
  emit(" do ", block.at.begin);
  statements(block);
  emit(" end ");
}

void Compiler::ifStatement(const Node& s) {
  size_t n = s.kids.size();
  bool hasElse = s.flags & kHasElse;
  size_t pairs = hasElse ? (n - 1) / 2 : n / 2;
  for (size_t i = 0; i < pairs; ++i) {
    emit(i == 0 ? "if " : " elseif ", s.kids[i * 2]->at.begin);
    condition(*s.kids[i * 2]);
    emit(" then");
    bodyBlock(*s.kids[i * 2 + 1]);
  }
  if (hasElse) {
    emit(" else", s.kids.back()->at.begin);
    bodyBlock(*s.kids.back());
  }
  emit(" end;");
}

int Compiler::openLoop(const std::string& label) {
  int id = ++nextId_;
  body().loops.push_back({id, lowerAscii(label), body().level});
  return id;
}

void Compiler::closeLoop(int id) {
  body().loops.pop_back();
  emit(" ::b" + std::to_string(id) + ":: end;");
}

// while, do-while, do-until, for: `continue` goes to the end of the body, `break` past the loop.
void Compiler::loopStatement(const Node& s) {
  emit("do ", s.at.begin);
  int id = openLoop(s.text);
  std::string c = " ::c" + std::to_string(id) + ":: ";
  if (s.kind == Kind::While) {
    emit("while ", s.kids[0]->at.begin);
    condition(*s.kids[0]);
    emit(" do");
    bodyBlock(*s.kids[1]);
    emit(c + "end");
  } else if (s.kind == Kind::For) {
    // what the initializer and the step write is discarded, as in PowerShell
    if (s.kids[0]->kind != Kind::Empty) {
      emit("do local O = R.discard; ", s.kids[0]->at.begin);
      statement(*s.kids[0]);
      emit(" end;");
    }
    std::string step = "st" + std::to_string(id);
    emit(" local " + step + " = function() local O = R.discard; ", s.kids[2]->at.begin);
    if (s.kids[2]->kind != Kind::Empty) {
      bodies_.back().level++;
      statement(*s.kids[2]);
      bodies_.back().level--;
    }
    emit(" end; while ", s.kids[1]->at.begin);
    if (s.kids[1]->kind == Kind::Empty) emit("true");
    else condition(*s.kids[1]);
    emit(" do");
    bodyBlock(*s.kids[3]);
    emit(c + step + "() end");
  } else {
    emit("repeat", s.kids[0]->at.begin);
    bodyBlock(*s.kids[0]);
    emit(c + "until ", s.kids[1]->at.begin);
    if (s.kind == Kind::DoWhile) emit("not ");
    condition(*s.kids[1]);
  }
  closeLoop(id);
}

void Compiler::foreachStatement(const Node& s) {
  emit("do ", s.at.begin);
  int id = openLoop(s.text);
  std::string item = "v" + std::to_string(id);
  emit("for i" + std::to_string(id) + ", " + item + " in R.each(", s.kids[1]->at.begin);
  value(*s.kids[1]);
  emit(") do ");
  const Node& var = *s.kids[0];
  assignTo(var, [&] { emit(item); }, false);
  bodyBlock(*s.kids[2]);
  emit(" ::c" + std::to_string(id) + ":: end");
  closeLoop(id);
}

// switch: each input item is `$_` for every clause in turn; all matching clauses run, default
// when none did; break leaves the switch, continue goes to the next item.
void Compiler::switchStatement(const Node& s) {
  emit("do ", s.at.begin);
  int id = openLoop(s.text);
  std::string matched = "m" + std::to_string(id);
  std::string flags = std::to_string(s.flags);
  emit("for i" + std::to_string(id) + ", _ in R.each(", s.kids[0]->at.begin);
  if (s.flags & kSwitchFile) {
    emit("R.lines(");
    expr(*s.kids[0]);
    emit(")");
  } else {
    value(*s.kids[0]);
  }
  emit(") do local " + matched + " = false;");
  const Node* fallback = nullptr;
  for (size_t i = 1; i < s.kids.size(); ++i) {
    const Node& clause = *s.kids[i];
    if (clause.flags & kDefault) {
      fallback = &clause;
      continue;
    }
    const Node& cond = *clause.kids[0];
    emit(" if ", cond.at.begin);
    if (cond.kind == Kind::ScriptBlockExpression) {
      emit("R.T((");
      expr(cond);
      emit(")(_))");
    } else {
      emit("R.swmatch(S, _, ");
      expr(cond);
      emit(", " + flags + ")");
    }
    emit(" then " + matched + " = true;");
    bodyBlock(*clause.kids[1]);
    emit(" end;");
  }
  if (fallback) {
    emit(" if not " + matched + " then", fallback->at.begin);
    bodyBlock(*fallback->kids[1]);
    emit(" end;");
  }
  emit(" ::c" + std::to_string(id) + ":: end");
  closeLoop(id);
}

// The canonical names of a catch's or trap's types, as a Lua list.
void Compiler::typeList(const std::vector<const Node*>& types, size_t at) {
  emit("{", at);
  for (size_t i = 0; i < types.size(); ++i) {
    if (i) emit(", ");
    emit(luaString(canonicalTypeAt(*types[i])), types[i]->at.begin);
  }
  emit("}");
}

void Compiler::tryStatement(const Node& s) {
  std::string sig = "sig" + std::to_string(++nextId_);
  emit("do local " + sig + " = R.try(S, function()", s.at.begin);
  body().level++;
  ++tryDepth_;
  statements(*s.kids[0]);
  --tryDepth_;
  emit(" end, {");
  const Node* finallyBlock = nullptr;
  for (size_t i = 1; i < s.kids.size(); ++i) {
    const Node& k = *s.kids[i];
    if (k.kind == Kind::Finally) {
      finallyBlock = k.kids[0].get();
      continue;
    }
    std::vector<const Node*> types;
    for (size_t t = 0; t + 1 < k.kids.size(); ++t) types.push_back(k.kids[t].get());
    emit("{", k.at.begin);
    typeList(types, k.at.begin);
    emit(", function(_) ");
    bool wasCatch = body().inCatch;
    body().inCatch = true;
    statements(*k.kids.back());
    body().inCatch = wasCatch;
    emit(" end}, ");
  }
  emit("}, ");
  if (finallyBlock) {
    emit("function() ", finallyBlock->at.begin);
    statements(*finallyBlock);
    emit(" end");
  } else {
    emit("nil");
  }
  emit(")");
  body().level--;
  dispatchSignal(sig);
  emit(" end;");
}

// After a closure that may end with a break, continue or return signal: act on it here, or pass it on.
void Compiler::dispatchSignal(const std::string& sig) {
  emit(" if " + sig + " ~= nil then");
  for (const auto& loop : body().loops) {
    if (loop.level != body().level) continue;
    std::string id = std::to_string(loop.id);
    emit(" if " + sig + " == \"b" + id + "\" then goto b" + id + " end");
    emit(" if " + sig + " == \"c" + id + "\" then goto c" + id + " end");
  }
  if (body().level > 0) emit(" do return " + sig + " end");
  else emit(" do " + body().returnCode + " end");
  emit(" end");
}

// Statements of a list guarded by its traps: a terminating error in one runs the trap, then the next statement.
void Compiler::trappedStatements(const Node& list, const std::vector<const Node*>& traps) {
  std::string name = "traps" + std::to_string(++nextId_);
  trapHandlers(traps, name);
  for (const auto& s : list.kids) {
    if (s->kind == Kind::Trap) continue;
    if (s->kind == Kind::FunctionDefinition) {
      statement(*s);
      continue;
    }
    std::string sig = "sig" + std::to_string(++nextId_);
    emit("do local " + sig + " = R.trapped(S, " + name + ", function()", s->at.begin);
    body().level++;
    statement(*s);
    if (&list == chunkList_) emit(" R.flush();");
    body().level--;
    emit(" end)");
    dispatchSignal(sig);
    emit(" end;");
  }
}

void Compiler::trapHandlers(const std::vector<const Node*>& traps, const std::string& name) {
  emit("local " + name + " = {", traps.front()->at.begin);
  for (const Node* t : traps) {
    std::vector<const Node*> types;
    if (t->kids.size() > 1) types.push_back(t->kids[0].get());
    emit("{", t->at.begin);
    typeList(types, t->at.begin);
    emit(", function(_) ");
    Body handler = body();
    handler.loops.clear();
    handler.level = 0;
    handler.inTrap = true;
    handler.inCatch = true;
    handler.topLevel = false;
    handler.returnCode = "return";
    bodies_.push_back(handler);
    statements(*t->kids.back());
    bodies_.pop_back();
    emit(" end}, ");
  }
  emit("};");
}

void Compiler::flowStatement(const Node& s) {
  const Node* v = s.kid(0);
  if (s.kind == Kind::Throw) {
    emit("R.throw(", s.at.begin);
    if (v) value(*v);
    else emit(body().inCatch ? "_" : "nil");
    emit(", ");
    position(s);
    emit(v ? ", false)" : (body().inCatch ? ", true)" : ", false)"));
    emit(";");
    return;
  }
  if (s.kind == Kind::Exit) {
    emit("R.exit(", s.at.begin);
    if (v) value(*v);
    else emit("nil");
    emit(");");
    return;
  }
  // return [value]: the value goes to the output, then the body ends
  emit("do ", s.at.begin);
  if (v) {
    emit("O(");
    value(*v);
    emit(") ");
  }
  if (body().level > 0) emit("return \"r\"");
  else emit(body().returnCode);
  emit(" end;");
}

void Compiler::breakOrContinue(const Node& s) {
  bool isBreak = s.kind == Kind::Break;
  const char* word = isBreak ? "break" : "continue";
  if (body().inTrap && body().loops.empty()) {
    emit(std::string("do return \"") + (isBreak ? "trapbreak" : "trapcontinue") + "\" end;", s.at.begin);
    return;
  }
  const Loop* target = nullptr;
  std::string label = lowerAscii(s.text);
  for (auto it = body().loops.rbegin(); it != body().loops.rend(); ++it) {
    if (label.empty() || it->label == label) {
      target = &*it;
      break;
    }
  }
  if (!target && label.empty() && body().topLevel) {
    // break or continue in a script outside any loop stops the script, as in PowerShell
    emit("do ", s.at.begin);
    emit(body().level > 0 ? "return \"r\"" : body().returnCode);
    emit(" end;");
    return;
  }
  if (!target) {
    if (!label.empty()) fail("LabelNotFound", std::string("'") + word + " " + s.text + "': no enclosing loop is labelled :" + s.text + ".", s);
    fail("NotSupportedInPlush",
         std::string("'") + word + "' outside a loop or switch is not supported in plush (in a script block or function it would " +
             (isBreak ? "stop" : "continue") + " the caller's loop); use return to leave a script block.",
         s);
  }
  std::string name = std::string(isBreak ? "b" : "c") + std::to_string(target->id);
  if (target->level == body().level) emit("goto " + name + ";", s.at.begin);
  else emit("do return \"" + name + "\" end;", s.at.begin);
}

}  // namespace plush::lang::powershell
