// Translator cases: PowerShell-only syntax in Lua-dialect text is a PowerShellSyntax error with its place, before anything runs.
#include <catch2/catch.hpp>

#include <algorithm>
#include <string>
#include <vector>

#include "lang/translator.h"
#include "translator_options.h"

using namespace plush::lang;

namespace {

Options options() {
  static const std::vector<std::string> names = {"Get-User", "Set-UserLicense", "Write-Host", "Where-Object", "Out-Null"};
  Options o = test::optionsWithCommands("pasted.plush", names);
  return o;
}

struct Place {
  int line, column, width;
  std::string says;  // a piece of the Lua way the message suggests
};

void requirePowerShell(std::string_view source, const Place& p) {
  Translation t = translate(source, options());
  INFO(source);
  REQUIRE(t.status == Status::Error);
  REQUIRE_FALSE(t.diagnostics.empty());
  const Diagnostic& d = t.diagnostics.front();
  INFO(d.message);
  CHECK(d.id == "PowerShellSyntax");
  CHECK(d.line == p.line);
  CHECK(d.column == p.column);
  CHECK(d.width == p.width);
  CHECK(d.message.find(".ps1") != std::string::npos);
  CHECK(d.message.find(p.says) != std::string::npos);
}

void requireLua(std::string_view source) {
  Translation t = translate(source, options());
  INFO(source);
  for (const auto& d : t.diagnostics) UNSCOPED_INFO(d.id << " " << d.line << ":" << d.column << " " << d.message);
  CHECK(t.status == Status::Ok);
}

}  // namespace

TEST_CASE("PowerShell's statements are reported with the Lua way (ux problems 3 and 10)", "[lang][powershell]") {
  requirePowerShell("try { Set-UserLicense -User a -Add B } catch { Write-Host 'failed' }", {1, 1, 3, "pcall(function()"});
  requirePowerShell("foreach ($u in $users) { $u }", {1, 1, 22, "for _, u in ipairs(users) do"});
  requirePowerShell("if ($x -gt 5) { \"big\" }", {1, 1, 15, "if ... then ... end"});
  requirePowerShell("x = 1\nwhile ($true)\n{\n}", {2, 1, 15, "while ... do ... end"});
  requirePowerShell("function Get-Foo { }", {1, 1, 16, "local function GetFoo("});
  requirePowerShell("function Report {\n}", {1, 1, 15, "local function Report("});
  requirePowerShell("function Report($a) { }", {1, 1, 15, "local function Report("});
  requirePowerShell("for ($i = 0; $i -lt 3; $i++) { }", {1, 1, 28, "for i = 1, n do"});
  requirePowerShell("do { x() } while ($a)", {1, 1, 4, "repeat"});
  requirePowerShell("if a then b() else { c() }", {1, 15, 6, "else ... end"});
  requirePowerShell("switch ($x) { 'a' { 1 } }", {1, 1, 11, "elseif"});
  requirePowerShell("param($Threshold)", {1, 1, 17, "arg[1]"});
  requirePowerShell("throw \"no licenses left\"", {1, 1, 5, "error("});
  requirePowerShell("trap { continue }", {1, 1, 4, "pcall"});
}

TEST_CASE("PowerShell's operators and forms are reported", "[lang][powershell]") {
  requirePowerShell("x = \"{0} has {1}\" -f $a, $b", {1, 19, 2, "string.format(\"%s has %s\", ...)"});
  requirePowerShell("$list += \"a\"", {1, 7, 2, "list[#list + 1] = value"});
  requirePowerShell("$n -= 1", {1, 4, 2, "n = n - value"});
  requirePowerShell("$i++", {1, 1, 4, "i = i + 1"});
  requirePowerShell("$i--", {1, 1, 4, "i = i - 1"});
  requirePowerShell("$null = Get-User", {1, 1, 7, "Out-Null"});
  requirePowerShell("$o = [PSCustomObject]@{ a = 1 }", {1, 6, 16, "@{ Key = value"});
  requirePowerShell("$n = [int]$text", {1, 6, 5, "tonumber"});
  requirePowerShell("print([string]::IsNullOrEmpty($x))", {1, 7, 8, "string.format"});
  requirePowerShell("[CmdletBinding()]\nparam()", {1, 1, 17, "parameters"});
  requirePowerShell("print($list -join ', ')", {1, 13, 5, "table.concat"});
  requirePowerShell("parts = $text -split ','", {1, 15, 6, "gmatch"});
  requirePowerShell("x = $a -replace 'a', 'b'", {1, 8, 8, "gsub"});
}

TEST_CASE("every PowerShell form in the text is reported at once, not in rounds", "[lang][powershell]") {
  Translation t = translate("# a pasted script\nforeach ($u in $users) {\n  if ($u.x) { $n += 1 }\n}\n", options());
  REQUIRE(t.status == Status::Error);
  REQUIRE(t.diagnostics.size() == 3);
  CHECK(t.diagnostics[0].line == 2);
  CHECK(t.diagnostics[1].line == 3);
  CHECK(t.diagnostics[2].line == 3);
  // A function Verb-Noun already reported: its calls are not UnknownCommand on top.
  Translation f = translate("function Get-Foo { 1 }\nGet-Foo", options());
  REQUIRE(f.diagnostics.size() == 1);
  CHECK(f.diagnostics[0].id == "PowerShellSyntax");
}

TEST_CASE("Lua that merely resembles PowerShell stays Lua", "[lang][powershell]") {
  requireLua("if (x) then print(1) end");
  requireLua("while (x) do x = false end");
  requireLua("local t = {[1] = 2, [k] = v}");
  requireLua("x = t[i]");
  requireLua("local try = function(f) return pcall(f) end; try(function() end)");
  requireLua("local function try(t) return t end\ntry { 1 }");
  requireLua("local function foreach(t, f) end\nforeach (t)");
  requireLua("throw = 1");
  requireLua("local f = 2; print(10 -f)");
  requireLua("do local x = 1 end");
  requireLua("if a then b() else c() end");
  requireLua("x = a - f");
  requireLua("local n = 1; n = n + 1");
  requireLua("s = s .. 'x'");
  requireLua("print(1 ~= 2, 4 // 2)");
}
