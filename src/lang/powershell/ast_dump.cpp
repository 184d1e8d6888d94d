// A syntax tree as one line of nested text, for the parser's tests and for reading what was parsed.
#include "lang/powershell/ast_dump.h"

namespace plush::lang::powershell {

namespace {

const char* kindName(Kind k) {
  switch (k) {
    case Kind::StatementList: return "Statements";
    case Kind::Pipeline: return "Pipeline";
    case Kind::Command: return "Command";
    case Kind::CommandExpression: return "Expr";
    case Kind::CommandParameter: return "Param";
    case Kind::CommandArgument: return "Arg";
    case Kind::Redirection: return "Redirect";
    case Kind::Assignment: return "Assign";
    case Kind::If: return "If";
    case Kind::While: return "While";
    case Kind::DoWhile: return "DoWhile";
    case Kind::DoUntil: return "DoUntil";
    case Kind::For: return "For";
    case Kind::Foreach: return "Foreach";
    case Kind::Switch: return "Switch";
    case Kind::SwitchClause: return "Clause";
    case Kind::Try: return "Try";
    case Kind::CatchClause: return "Catch";
    case Kind::Finally: return "Finally";
    case Kind::Trap: return "Trap";
    case Kind::Throw: return "Throw";
    case Kind::Return: return "Return";
    case Kind::Exit: return "Exit";
    case Kind::Break: return "Break";
    case Kind::Continue: return "Continue";
    case Kind::FunctionDefinition: return "Function";
    case Kind::ScriptBlock: return "ScriptBlock";
    case Kind::NamedBlock: return "Named";
    case Kind::ParamBlock: return "ParamBlock";
    case Kind::Parameter: return "Parameter";
    case Kind::Default: return "Default";
    case Kind::Attribute: return "Attribute";
    case Kind::AttributeArgument: return "AttrArg";
    case Kind::DataSection: return "Data";
    case Kind::Empty: return "Empty";
    case Kind::Binary: return "Binary";
    case Kind::Unary: return "Unary";
    case Kind::PostIncrement: return "Post";
    case Kind::ArrayLiteral: return "Array";
    case Kind::Number: return "Number";
    case Kind::StringLiteral: return "String";
    case Kind::ExpandableString: return "Expandable";
    case Kind::Variable: return "Var";
    case Kind::SplatVariable: return "Splat";
    case Kind::Member: return "Member";
    case Kind::Invoke: return "Invoke";
    case Kind::Index: return "Index";
    case Kind::Cast: return "Cast";
    case Kind::TypeName: return "Type";
    case Kind::Paren: return "Paren";
    case Kind::SubExpression: return "SubExpr";
    case Kind::ArrayExpression: return "ArrayExpr";
    case Kind::Hashtable: return "Hash";
    case Kind::HashEntry: return "Entry";
    case Kind::ScriptBlockExpression: return "Block";
  }
  return "?";
}

}  // namespace

std::string dump(const Node& node) {
  std::string out = "(";
  out += kindName(node.kind);
  std::string label = node.text;
  if (!node.scope.empty()) label = node.scope + ":" + label;
  if (!label.empty() || node.kind == Kind::StringLiteral) out += " '" + label + "'";
  for (const auto& k : node.kids) out += " " + dump(*k);
  return out + ")";
}

}  // namespace plush::lang::powershell
