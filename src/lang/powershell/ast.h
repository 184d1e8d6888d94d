// The PowerShell syntax tree: one node shape for every construct, each with its extent in the source.
#pragma once

#include <cstddef>
#include <memory>
#include <string>
#include <vector>

namespace plush::lang::powershell {

// Byte offsets [begin, end) in the source text.
struct Extent {
  size_t begin = 0;
  size_t end = 0;
};

enum class Kind {
  // statements
  StatementList,  // kids: statements
  Pipeline,       // kids: elements (Command or CommandExpression); text: "" or "background"
  Command,        // text: the command name as written; kids: CommandParameter, CommandArgument, Redirection
  CommandExpression,  // kids[0]: the expression that starts a pipeline
  CommandParameter,   // text: name without '-'; kids[0]: value when written -Name:value; flags: kColon
  CommandArgument,    // kids[0]: the value
  Redirection,        // text: the operator (">", ">>", "2>", "2>&1", "*>", ...); kids[0]: target (may be absent)
  Assignment,         // text: "=", "+=", ...; kids[0]: target, kids[1]: value (a statement)
  If,                 // kids: cond, block, cond, block, ..., [else block] (flags kHasElse)
  While,              // text: label; kids: cond, body
  DoWhile,            // text: label; kids: body, cond
  DoUntil,            // text: label; kids: body, cond
  For,                // text: label; kids: init, cond, step, body (each may be Empty)
  Foreach,            // text: label; kids: Variable, collection (pipeline), body
  Switch,             // text: label; flags: switch options; kids: input, then SwitchClause...
  SwitchClause,       // kids[0]: condition (or Empty for default), kids[1]: block; flags: kDefault
  Try,                // kids: body, CatchClause..., [Finally]
  CatchClause,        // kids: TypeName..., block (last)
  Finally,            // kids[0]: block
  Trap,               // kids: [TypeName], block (last)
  Throw,              // kids: [value]
  Return,             // kids: [value]
  Exit,               // kids: [value]
  Break,              // text: label
  Continue,           // text: label
  FunctionDefinition, // text: name; kids[0]: ScriptBlock; flags: kFilter; help: comment-based help text
  ScriptBlock,        // kids: [ParamBlock], NamedBlock... (begin/process/end) or one unnamed StatementList
  NamedBlock,         // text: begin | process | end; kids[0]: StatementList
  ParamBlock,         // kids: Attribute... (of the block, e.g. CmdletBinding), then Parameter...
  Parameter,          // text: name; kids: Attribute/TypeName..., then default (Default wrapper)
  Default,            // kids[0]: the default value expression
  Attribute,          // text: attribute name; kids: AttributeArgument...
  AttributeArgument,  // text: name for named arguments ("" for positional); kids[0]: value (absent: $true)
  DataSection,        // unsupported constructs keep their keyword here for the refusal
  Empty,              // an absent part (for-loop pieces, default clause condition)

  // expressions
  Binary,          // text: operator (lower case: "-eq", "+", "-and", ...); kids: left, right
  Unary,           // text: "-not", "!", "-bnot", "-", "+", "++", "--", ",", "-split", "-join"
  PostIncrement,   // text: "++" or "--"; kids[0]: target
  ArrayLiteral,    // kids: elements (a, b, c)
  Number,          // text: the literal as written; num/isInteger below
  StringLiteral,   // text: the value
  ExpandableString,// kids: StringLiteral and expressions, in order
  Variable,        // text: name (as written, without scope); scope: "", script, global, local, private, env, ...
  SplatVariable,   // text: name
  Member,          // kids[0]: object, kids[1]: name (StringLiteral or expression); flags: kStatic
  Invoke,          // kids[0]: object, kids[1]: name, then arguments; flags: kStatic
  Index,           // kids[0]: object, kids[1]: index
  Cast,            // kids[0]: TypeName, kids[1]: value
  TypeName,        // text: the type as written (System.Collections.Generic.List[object], int[], ...)
  Paren,           // kids[0]: a pipeline or statement
  SubExpression,   // $( ... ): kids[0]: StatementList
  ArrayExpression, // @( ... ): kids[0]: StatementList
  Hashtable,       // kids: HashEntry...
  HashEntry,       // kids[0]: key, kids[1]: value (a statement)
  ScriptBlockExpression,  // { ... } as a value: kids[0]: ScriptBlock
};

// Node flags.
constexpr int kColon = 1;         // CommandParameter written -Name:value
constexpr int kHasElse = 1;       // If with an else block
constexpr int kDefault = 1;       // SwitchClause default
constexpr int kStatic = 1;        // Member/Invoke through ::
constexpr int kFilter = 1;        // FunctionDefinition written with `filter`
constexpr int kSwitchRegex = 1, kSwitchWildcard = 2, kSwitchExact = 4, kSwitchCaseSensitive = 8, kSwitchFile = 16;
constexpr int kBraced = 2;        // Variable written ${...}
constexpr int kHereString = 4;    // StringLiteral / ExpandableString from a here-string
constexpr int kBareWord = 8;      // StringLiteral from a bare word in command mode
constexpr int kDotSource = 16;    // Command invoked with `.`
constexpr int kCallOperator = 32; // Command invoked with `&`
constexpr int kNullConditional = 64;  // Member/Invoke/Index written ?. or ?[

struct Node;
using NodePtr = std::unique_ptr<Node>;

struct Node {
  Kind kind;
  Extent at;
  std::string text;
  std::string scope;  // Variable: the scope or drive qualifier, lower case
  std::string help;   // FunctionDefinition: comment-based help
  std::vector<NodePtr> kids;
  int flags = 0;
  double num = 0;           // Number: the value
  long long integer = 0;    // Number: the value when isInteger
  bool isInteger = false;
  char numberType = 0;      // Number: 'l' long, 'd' decimal, 0 as PowerShell infers

  Node(Kind k, Extent e) : kind(k), at(e) {}
  Node* kid(size_t i) const { return i < kids.size() ? kids[i].get() : nullptr; }
};

inline NodePtr makeNode(Kind k, size_t begin, size_t end) { return std::make_unique<Node>(k, Extent{begin, end}); }

}  // namespace plush::lang::powershell
