// PowerShell compiler cases: the Lua it writes loads, stays on the source's lines, and refuses what plush lacks.
#include <catch2/catch.hpp>

#include <lua.hpp>

#include <algorithm>
#include <string>
#include <vector>

#include "lang/powershell/powershell.h"

using namespace plush::lang;

namespace {

Options options() {
  static const std::vector<std::string> names = {"Get-User", "Set-UserLicense", "Get-License", "Where-Object", "ForEach-Object",
                                                 "Select-Object", "Write-Host", "Write-Output", "Measure-Object", "Out-Null", "%", "?"};
  Options o;
  o.chunkName = "t.ps1";
  o.isCommand = [](std::string_view name) {
    for (const auto& n : names) {
      if (n.size() == name.size() && std::equal(n.begin(), n.end(), name.begin(), [](char a, char b) { return std::tolower(a) == std::tolower(b); }))
        return true;
    }
    return false;
  };
  o.allCommands = [] { return names; };
  o.parameterProblem = [](std::string_view command, std::string_view parameter) -> ParameterProblem {
    if (command == "Get-User" && parameter == "Departmnt") return {"ParameterNotFound", "no -Departmnt"};
    return {};
  };
  return o;
}

Translation compiled(std::string_view source) { return powershell::compile(source, options(), false); }

std::string lua(std::string_view source) {
  Translation t = compiled(source);
  for (const auto& d : t.diagnostics) UNSCOPED_INFO(d.id << " " << d.line << ":" << d.column << " " << d.message);
  REQUIRE(t.status == Status::Ok);
  return t.lua;
}

// Does the Lua load (parse) in a real Lua state?
void requireLoads(std::string_view source) {
  std::string code = lua(source);
  lua_State* L = luaL_newstate();
  int status = luaL_loadbufferx(L, code.data(), code.size(), "=t.ps1", "t");
  std::string message = status == LUA_OK ? "" : lua_tostring(L, -1);
  lua_close(L);
  INFO(source << "\n--- Lua ---\n" << code << "\n--- " << message);
  REQUIRE(status == LUA_OK);
}

int lines(const std::string& text) { return static_cast<int>(std::count(text.begin(), text.end(), '\n')) + 1; }

Diagnostic refusal(std::string_view source) {
  Translation t = compiled(source);
  INFO(source);
  REQUIRE(t.status == Status::Error);
  REQUIRE_FALSE(t.diagnostics.empty());
  return t.diagnostics.front();
}

}  // namespace

TEST_CASE("every construct of the floor compiles to Lua that loads") {
  const char* scripts[] = {
      "'a'; \"b $x $($y.z)\"; @\"\nh $w\n\"@",
      "$x = 1 + 2 * 3 - 4 / 5 % 6; $x += 1; $x -= 1; $x *= 2; $x /= 2; $x %= 2; $x++; $x--; ++$x; --$x",
      "$a = 1, 2, 3; $a[0]; $a[-1]; $a[1..2]; $a.Count; $a.Length; ,$a; @($a); @(); $(1; 2)",
      "$h = @{ a = 1; b = 'x' }; $h.a; $h['b']; $h.c = 3; $h['d'] = 4; [ordered]@{ z = 1 }; [PSCustomObject]@{ N = 1 }",
      "$x -eq 1 -and $y -ne 2 -or -not $z; $s -like 'a*'; $s -match 'b'; $s -replace 'a', 'b'; $s -split ','; $a -join ';'",
      "$x -is [int]; $x -as [string]; $x -contains 1; 1 -in $x; $x -band 1; $x -shl 2; -bnot $x; 1..10; '{0:N2}' -f 3.5",
      "[int]'5'; [datetime]'2026-01-01'; [string[]]$x; [math]::Round(2.5); [string]::IsNullOrEmpty($s); [int]::MaxValue",
      "[System.Collections.Generic.List[object]]::new().Add(1); $s.ToUpper().Trim(); $d.AddDays(-90).ToString('yyyy')",
      "if ($a) { 1 } elseif ($b) { 2 } else { 3 }",
      "foreach ($u in Get-User) { if ($u.Department -eq 'X') { continue }; break }",
      ":outer foreach ($i in 1..3) { foreach ($j in 1..3) { if ($j -eq 2) { continue outer }; break outer } }",
      "for ($i = 0; $i -lt 10; $i++) { $i }; for (;;) { break }",
      "while ($x) { $x-- }; do { $x++ } while ($x -lt 3); do { $x++ } until ($x -gt 3)",
      "switch -regex ($x) { 'a' { 1; break } { $_ -gt 3 } { continue } default { 2 } }",
      "switch -wildcard -casesensitive ($x, $y) { 'a*' { 1 } }",
      "try { throw 'x' } catch [System.Exception] { $_.Exception.Message } catch { throw } finally { 'f' }",
      "foreach ($i in 1..3) { try { if ($i -eq 2) { break }; continue } finally { 'f' } }",
      "function f { try { return 1 } catch { return 2 } }",
      "trap { 'trapped'; continue }; throw 'x'; 'after'",
      "function Get-Foo { [CmdletBinding(SupportsShouldProcess)] param([Parameter(Mandatory, ValueFromPipeline)][string]$Name, [int]$Days = 90, [switch]$Force) begin { } process { $Name } end { } }",
      "filter Double { $_ * 2 }; function f($a, $b = 2) { $args; return $a + $b }",
      "Get-User -Department Sales | Where-Object { $_.UsageLocation -eq $null } | Select-Object -First 3",
      "$p = @{ Department = 'Sales' }; Get-User @p; $l = 'a', 'b'; Write-Host @l",
      "& { param($x) $x } 1; . { $y = 2 }; $b = { $_ }; & $b",
      "$x = Get-User; $null = Get-User; [void](Get-User); Get-User | Out-Null; Get-User > $null; Get-User 2> $null",
      "'x' > out.txt; 'y' >> out.txt",
      "$env:X = 'y'; $env:X; $script:a = 1; $global:b = 2; $local:c = 3; $private:d = 4",
      "exit 3",
      "$a, $b = 1, 2, 3; $x = $y = 0",
      "$x = if ($a) { 1 } else { 2 }; $y = foreach ($i in 1..3) { $i }; $z = switch (1) { 1 { 'one' } }",
      "$x ??= 5; $v = $null; \"${v}: done\"",
      "$list.Where({ $_ -gt 1 }, 'First'); $list.ForEach{ $_ * 2 }",
  };
  for (const char* s : scripts) requireLoads(s);
}

TEST_CASE("the Lua stays on the source's lines, so runtime positions name the .ps1 line") {
  std::string source =
      "$a = 1\n"
      "$h = @{\n"
      "  x = 1\n"
      "  y = { $_ }\n"
      "}\n"
      "foreach ($i in 1..3) {\n"
      "  Get-User |\n"
      "    Where-Object { $_.Department -eq 'X' }\n"
      "}\n"
      "@'\nline\n'@\n"
      "Get-License";
  std::string code = lua(source);
  CHECK(lines(code) == lines(source));
  // the pipeline starting on line 7 is called on line 7
  std::vector<std::string> generated;
  size_t start = 0;
  while (start <= code.size()) {
    size_t nl = code.find('\n', start);
    generated.push_back(code.substr(start, nl == std::string::npos ? std::string::npos : nl - start));
    if (nl == std::string::npos) break;
    start = nl + 1;
  }
  CHECK(generated[6].find("R.pipe(S, O, {n=\"Get-User\"") != std::string::npos);
  CHECK(generated[7].find("{n=\"Where-Object\"") != std::string::npos);
  CHECK(generated[12].find("{n=\"Get-License\", c=1") != std::string::npos);
}

TEST_CASE("runtime positions carry the line and column of the construct") {
  std::string code = lua("$a = 1\n  $b = $a.Trim()");
  // line 2, column 11 ('Trim'), width 4: 2 * 2^32 + 11 * 2^16 + 4
  CHECK(code.find(std::to_string(2LL * 4294967296LL + 11 * 65536 + 4)) != std::string::npos);
}

TEST_CASE("refused before anything runs, with the construct named") {
  CHECK(refusal("Invoke-Expression 'Get-User'").id == "NotSupportedInPlush");
  CHECK(refusal("iex $x").id == "NotSupportedInPlush");
  CHECK(refusal("Add-Type -TypeDefinition $src").id == "NotSupportedInPlush");
  CHECK(refusal("Start-Job { 1 }").id == "NotSupportedInPlush");
  CHECK(refusal("Get-User | ForEach-Object -Parallel { $_ }").id == "NotSupportedInPlush");
  CHECK(refusal("Import-Module ActiveDirectory").id == "NotSupportedInPlush");
  CHECK(refusal("[System.Net.WebClient]::new()").id == "NotSupportedInPlush");
  CHECK(refusal("'x' 2>&1").id == "NotSupportedInPlush");
  CHECK(refusal("$using:x").id == "NotSupportedInPlush");
  Diagnostic d = refusal("'first'\nGet-Usr -Department Sales");
  CHECK(d.id == "UnknownCommand");
  CHECK(d.line == 2);
  CHECK(d.column == 1);
  CHECK(d.message.find("Did you mean Get-User?") != std::string::npos);
  Diagnostic p = refusal("Get-User -Departmnt Sales");
  CHECK(p.id == "ParameterNotFound");
  CHECK(p.column == 10);
  CHECK(refusal("function Get-Foo { param($Name) }\nGet-Foo -Nme x").id == "ParameterNotFound");
  CHECK(refusal("if ($a > 5) { }").id == "RedirectionInCondition");
  CHECK(refusal("$true = 1").id == "VariableNotWritable");
  CHECK(refusal("foreach ($i in 1..3) { break nope }").id == "LabelNotFound");
}

TEST_CASE("an unknown command inside try is left to run time, where catch can take it") {
  CHECK(compiled("try { Not-ACommand } catch { 'no' }").status == Status::Ok);
}

TEST_CASE("incomplete input is reported as such, so the prompt asks for more") {
  CHECK(compiled("if ($x) {").status == Status::Incomplete);
  CHECK(compiled("Get-User |").status == Status::Incomplete);
  CHECK(compiled("\"open").status == Status::Incomplete);
  Translation t = compiled("foreach ($u in $users) {\n  $u");
  REQUIRE(t.status == Status::Incomplete);
  CHECK(t.diagnostics.front().id == "MissingEndCurlyBrace");
  CHECK(compiled("if ($x) }").status == Status::Error);
}

// A block that only compares $_'s properties with constants is kept with that test, for a store
// read before Where-Object to query (lang/pushed_test.h); the PowerShell dialect reads it from the tree.
TEST_CASE("ps: script blocks that only compare $_'s properties are marked", "[ps]") {
  auto marked = [](const std::string& block) { return lua("Get-User | Where-Object " + block).find("__plush.pushable(") != std::string::npos; };
  std::string code = lua("Get-User | Where-Object { $_.Department -eq 'Sales' -or -not ($_.UsageLocation -like \"D*\") -and $_.AccountEnabled -ne $true }");
  CHECK(code.find(", {o=\"and\", {o=\"or\", {o=\"eq\", p=\"Department\", v=\"Sales\"}, {o=\"not\", {o=\"like\", p=\"UsageLocation\", v=\"D*\"}}}, "
                  "{o=\"ne\", p=\"AccountEnabled\", v=true}})") != std::string::npos);
  requireLoads("Get-User | Where-Object { $_.Department -eq 'Sales' }");
  CHECK(lines(lua("Get-User | Where-Object {\n  $PSItem.Department -ieq $null\n}\n$x")) == 4);
  CHECK(marked("{ !($_.A -notlike '*x') }"));
  CHECK_FALSE(marked("{ $_.A -eq $x }"));
  CHECK_FALSE(marked("{ $_.A -eq 1 }"));
  CHECK_FALSE(marked("{ $_.A -ceq 'x' }"));
  CHECK_FALSE(marked("{ $_.A -contains 'x' }"));
  CHECK_FALSE(marked("{ $_.A.B -eq 'x' }"));
  CHECK_FALSE(marked("{ 'x' -eq $_.A }"));
  CHECK_FALSE(marked("{ $_.A -eq \"$x\" }"));
  CHECK_FALSE(marked("{ $_.A -eq \"a`nb\" }"));
  CHECK_FALSE(marked("{ $n++; $_.A -eq 'x' }"));
  CHECK_FALSE(marked("{ param($u) $u.A -eq 'x' }"));
  CHECK_FALSE(marked("{ $_.A -eq 'x' > out.txt }"));
}
