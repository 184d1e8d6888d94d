// PowerShell parser cases: every construct of the floor as a tree, precedence, incomplete input apart from errors.
#include <catch2/catch.hpp>

#include <string>

#include "lang/powershell/ast_dump.h"
#include "lang/powershell/parser.h"

using namespace plush::lang::powershell;

namespace {

// The statements of the script as one line of nested text.
std::string tree(std::string_view source) {
  ParseResult r = parse(source);
  INFO(source << " -> " << r.error.id << ": " << r.error.message);
  REQUIRE(r.ok);
  std::string out;
  for (const auto& k : r.script->kids) {
    if (k->kind == Kind::StatementList) {
      for (const auto& s : k->kids) out += (out.empty() ? "" : " ") + dump(*s);
    } else {
      out += (out.empty() ? "" : " ") + dump(*k);
    }
  }
  return out;
}

ParseError error(std::string_view source) {
  ParseResult r = parse(source);
  INFO(source);
  REQUIRE_FALSE(r.ok);
  return r.error;
}

}  // namespace

TEST_CASE("pipelines: commands, parameters, arguments, expressions first") {
  CHECK(tree("Get-User -Department Sales | Measure-Object") ==
        "(Pipeline (Command 'Get-User' (Param 'Department') (Arg (String 'Sales'))) (Command 'Measure-Object'))");
  CHECK(tree("Set-X -A:$true a,b") == "(Pipeline (Command 'Set-X' (Param 'A' (Var 'true')) (Arg (Array (String 'a') (String 'b')))))");
  CHECK(tree("$users | % { $_ }") ==
        "(Pipeline (Expr (Var 'users')) (Command '%' (Arg (Block (ScriptBlock (Statements (Pipeline (Expr (Var '_')))))))))");
  CHECK(tree("Get-User |\n  Select-Object -First 1") ==
        "(Pipeline (Command 'Get-User') (Command 'Select-Object' (Param 'First') (Arg (Number '1'))))");
  CHECK(tree("Get-User\n| Measure-Object") == "(Pipeline (Command 'Get-User') (Command 'Measure-Object'))");
  CHECK(tree("Write-Output(2+2)") == "(Pipeline (Command 'Write-Output' (Arg (Paren (Pipeline (Expr (Binary '+' (Number '2') (Number '2'))))))))");
  CHECK(tree("%{ $_ }") == "(Pipeline (Command '%' (Arg (Block (ScriptBlock (Statements (Pipeline (Expr (Var '_')))))))))");
  CHECK(tree("& $block 1") == "(Pipeline (Command (Arg (Var 'block')) (Arg (Number '1'))))");
  CHECK(tree("Get-X @params") == "(Pipeline (Command 'Get-X' (Arg (Splat 'params'))))");
  CHECK(tree("'x' > out.txt") == "(Pipeline (Expr (String 'x') (Redirect '>' (String 'out.txt'))))");
}

TEST_CASE("operators by precedence: comma above arithmetic, -f above *, comparison above -and") {
  CHECK(tree("1 + 2 * 3") == "(Pipeline (Expr (Binary '+' (Number '1') (Binary '*' (Number '2') (Number '3')))))");
  CHECK(tree("1,2 + 3") == "(Pipeline (Expr (Binary '+' (Array (Number '1') (Number '2')) (Number '3'))))");
  CHECK(tree("'{0}' -f 1,2") == "(Pipeline (Expr (Binary '-f' (String '{0}') (Array (Number '1') (Number '2')))))");
  CHECK(tree("$a -eq 1 -and $b") == "(Pipeline (Expr (Binary '-and' (Binary '-eq' (Var 'a') (Number '1')) (Var 'b'))))");
  CHECK(tree("-not $a -eq $b") == "(Pipeline (Expr (Binary '-eq' (Unary '-not' (Var 'a')) (Var 'b'))))");
  CHECK(tree("1..3 + 4") == "(Pipeline (Expr (Binary '+' (Binary '..' (Number '1') (Number '3')) (Number '4'))))");
  CHECK(tree("-5") == "(Pipeline (Expr (Number '-5')))");
  CHECK(tree("[int]$x + 1") == "(Pipeline (Expr (Binary '+' (Cast (Type 'int') (Var 'x')) (Number '1'))))");
  CHECK(tree("-split $s") == "(Pipeline (Expr (Unary '-split' (Var 's'))))");
}

TEST_CASE("members, methods, statics, indexes, null-conditionals") {
  CHECK(tree("$a.b.c") == "(Pipeline (Expr (Member (Member (Var 'a') (String 'b')) (String 'c'))))");
  CHECK(tree("$a.Split(',', 2)") == "(Pipeline (Expr (Invoke (Var 'a') (String 'Split') (String ',') (Number '2'))))");
  CHECK(tree("[math]::Round(2.5)") == "(Pipeline (Expr (Invoke (Type 'math') (String 'Round') (Number '2.5'))))");
  CHECK(tree("[int]::MaxValue") == "(Pipeline (Expr (Member (Type 'int') (String 'MaxValue'))))");
  CHECK(tree("$a[0][-1]") == "(Pipeline (Expr (Index (Index (Var 'a') (Number '0')) (Number '-1'))))");
  CHECK(tree("$a.$p") == "(Pipeline (Expr (Member (Var 'a') (Var 'p'))))");
  CHECK(tree("$a.Where{ $_ }") == "(Pipeline (Expr (Invoke (Var 'a') (String 'Where') (Block (ScriptBlock (Statements (Pipeline (Expr (Var '_')))))))))");
  CHECK(tree("$a.Count-1") == "(Pipeline (Expr (Binary '-' (Member (Var 'a') (String 'Count')) (Number '1'))))");
  CHECK(tree("[System.Collections.Generic.List[object]]::new()") ==
        "(Pipeline (Expr (Invoke (Type 'System.Collections.Generic.List[object]') (String 'new'))))");
}

TEST_CASE("literals: hashtables, [ordered], [PSCustomObject], arrays, sub-expressions, script blocks") {
  CHECK(tree("@{ a = 1; 'b c' = 2\n d = { $_ } }") ==
        "(Pipeline (Expr (Hash (Entry (String 'a') (Pipeline (Expr (Number '1')))) (Entry (String 'b c') (Pipeline (Expr (Number '2')))) "
        "(Entry (String 'd') (Pipeline (Expr (Block (ScriptBlock (Statements (Pipeline (Expr (Var '_'))))))))))))");
  CHECK(tree("[ordered]@{}") == "(Pipeline (Expr (Cast (Type 'ordered') (Hash))))");
  CHECK(tree("@(1; 2)") == "(Pipeline (Expr (ArrayExpr (Statements (Pipeline (Expr (Number '1'))) (Pipeline (Expr (Number '2')))))))");
  CHECK(tree("$(Get-Date)") == "(Pipeline (Expr (SubExpr (Statements (Pipeline (Command 'Get-Date'))))))");
  CHECK(tree(",1") == "(Pipeline (Expr (Unary ',' (Number '1'))))");
}

TEST_CASE("expandable strings: variables, sub-expressions, escapes; $a.b expands $a only") {
  CHECK(tree("\"x $a.b $($c.d) `t\"") ==
        "(Pipeline (Expr (Expandable (String 'x ') (Var 'a') (String '.b ') "
        "(SubExpr (Statements (Pipeline (Expr (Member (Var 'c') (String 'd')))))) (String ' \t'))))");
  CHECK(tree("\"${name}: $env:HOME\"") == "(Pipeline (Expr (Expandable (Var 'name') (String ': ') (Var 'env:HOME'))))");
  CHECK(tree("@\"\nTenant: $who\n\"@") == "(Pipeline (Expr (Expandable (String 'Tenant: ') (Var 'who'))))");
  CHECK(tree("Write-Output a'$b'") == "(Pipeline (Command 'Write-Output' (Arg (Expandable (String 'a$b')))))");
}

TEST_CASE("statements: if, loops with labels, switch, try, trap, flow") {
  CHECK(tree("if ($a) { 1 } elseif ($b) { 2 } else { 3 }") ==
        "(If (Pipeline (Expr (Var 'a'))) (Statements (Pipeline (Expr (Number '1')))) (Pipeline (Expr (Var 'b'))) "
        "(Statements (Pipeline (Expr (Number '2')))) (Statements (Pipeline (Expr (Number '3')))))");
  CHECK(tree("foreach ($u in Get-User) { $u }") ==
        "(Foreach (Var 'u') (Pipeline (Command 'Get-User')) (Statements (Pipeline (Expr (Var 'u')))))");
  CHECK(tree(":outer while ($true) { break outer }") == "(While 'outer' (Pipeline (Expr (Var 'true'))) (Statements (Break 'outer')))");
  CHECK(tree("for ($i = 0; $i -lt 3; $i++) { }").rfind("(For (Assign '=' (Var 'i')", 0) == 0);
  CHECK(tree("do { 1 } until ($x)") == "(DoUntil (Statements (Pipeline (Expr (Number '1')))) (Pipeline (Expr (Var 'x'))))");
  CHECK(tree("switch -regex ($x) { 'a' { 1 } default { 2 } }") ==
        "(Switch (Pipeline (Expr (Var 'x'))) (Clause (String 'a') (Statements (Pipeline (Expr (Number '1'))))) "
        "(Clause (Empty) (Statements (Pipeline (Expr (Number '2'))))))");
  CHECK(tree("try { 1 } catch [System.Exception], [ArgumentException] { 2 } finally { 3 }") ==
        "(Try (Statements (Pipeline (Expr (Number '1')))) (Catch (Type 'System.Exception') (Type 'ArgumentException') "
        "(Statements (Pipeline (Expr (Number '2'))))) (Finally (Statements (Pipeline (Expr (Number '3'))))))");
  CHECK(tree("trap { continue }") == "(Trap (Statements (Continue)))");
  CHECK(tree("return 5") == "(Return (Pipeline (Expr (Number '5'))))");
  CHECK(tree("throw \"x\"") == "(Throw (Pipeline (Expr (Expandable (String 'x')))))");
  CHECK(tree("exit 3") == "(Exit (Pipeline (Expr (Number '3'))))");
  CHECK(tree("$x = if ($a) { 1 }") == "(Assign '=' (Var 'x') (If (Pipeline (Expr (Var 'a'))) (Statements (Pipeline (Expr (Number '1'))))))");
  CHECK(tree("$a, $b = 1, 2") == "(Assign '=' (Array (Var 'a') (Var 'b')) (Pipeline (Expr (Array (Number '1') (Number '2')))))");
  CHECK(tree("$h.n += 1") == "(Assign '+=' (Member (Var 'h') (String 'n')) (Pipeline (Expr (Number '1'))))");
}

TEST_CASE("functions: param blocks with attributes, named blocks, filters, comment-based help") {
  std::string f = tree(
      "function Get-Stale {\n"
      "  <#\n  .SYNOPSIS\n  Old users.\n  #>\n"
      "  [CmdletBinding(SupportsShouldProcess)]\n"
      "  param([Parameter(Mandatory, ValueFromPipeline)][ValidateSet('a','b')][string]$Name, [int]$Days = 90)\n"
      "  begin { } process { $Name } end { }\n}");
  CHECK(f.find("(Function 'Get-Stale' (ScriptBlock (ParamBlock (Attribute 'CmdletBinding' (AttrArg 'SupportsShouldProcess')) "
               "(Parameter 'Name' (Attribute 'Parameter' (AttrArg 'Mandatory') (AttrArg 'ValueFromPipeline')) "
               "(Attribute 'ValidateSet' (AttrArg (String 'a')) (AttrArg (String 'b'))) (Type 'string')) "
               "(Parameter 'Days' (Type 'int') (Default (Number '90')))) (Named 'begin'") == 0);
  ParseResult r = parse("<#\n.SYNOPSIS\nSays hi.\n#>\nfunction Get-Hi { 'hi' }");
  REQUIRE(r.ok);
  CHECK(r.script->kids[0]->kids[0]->help.find(".SYNOPSIS") != std::string::npos);
  CHECK(r.functions.count("get-hi") == 1);
  CHECK(tree("function Add([int]$a, $b) { $a }").find("(Function 'Add' (ScriptBlock (ParamBlock (Parameter 'a' (Type 'int')) (Parameter 'b'))") == 0);
  CHECK(tree("filter Double { $_ * 2 }").rfind("(Function 'Double'", 0) == 0);
}

TEST_CASE("incomplete input is told apart from a syntax error") {
  for (const char* text : {"if ($x) {", "Get-User |", "foreach ($u in $users) {", "'open", "@\"\nopen", "$x = ",
                           "1 +", "function F {", "$h = @{ a = 1", "try { 1 }", "Get-User `", "(1 + 2", "switch ($x) {"}) {
    INFO(text);
    CHECK(error(text).incomplete);
  }
  for (const char* text : {"if ($x) }", "1 +* 2", "$x = )", "foreach (1 in $y) { }", "Get-User | | Measure-Object",
                           "$a == 1", "function { }", "1 2"}) {
    INFO(text);
    CHECK_FALSE(error(text).incomplete);
  }
}

TEST_CASE("errors name the place and say what was wrong") {
  ParseError e = error("$a = 1\n$b = 2 3");
  CHECK(e.id == "UnexpectedToken");
  CHECK(e.begin == 14);
  CHECK(error("if ($a == 1) { }").message.find("-eq") != std::string::npos);
  CHECK(error("class Foo { }").id == "NotSupportedInPlush");
  CHECK(error("Get-User && Get-License").id == "NotSupportedInPlush");
  CHECK(error(std::string(300, '(') + "1" + std::string(300, ')')).id == "NestingTooDeep");
}
