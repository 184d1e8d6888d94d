// Translator cases: what becomes a pipeline and what stays Lua, the exact Lua generated, incomplete input and errors.
#include <catch2/catch.hpp>

#include <algorithm>
#include <set>
#include <string>

#include "lang/translator.h"
#include "translator_options.h"

using namespace plush::lang;

namespace {

Options options() {
  static const std::vector<std::string> names = {
      "Get-User", "Set-User", "New-User", "Get-License", "Set-UserLicense", "Get-Group", "Where-Object",
      "ForEach-Object", "Select-Object", "Sort-Object", "Write-Host", "ConvertTo-Json", "Invoke-LicenseReprocess",
      "where", "?", "%", "foreach", "select", "sort", "ft"};
  Options o = test::optionsWithCommands("test.plush", names);
  o.allCommands = [] { return names; };
  return o;
}

Translation run(std::string_view source) { return translate(source, options()); }

std::string lua(std::string_view source) {
  Translation t = run(source);
  for (const auto& d : t.diagnostics) UNSCOPED_INFO(d.id << " " << d.line << ":" << d.column << " " << d.message);
  REQUIRE(t.status == Status::Ok);
  return t.lua;
}

struct Expected {
  Status status;
  std::string id;
  int line, column, width;
};

void requireDiagnostic(std::string_view source, const Expected& e) {
  Translation t = run(source);
  INFO(source);
  REQUIRE(t.status == e.status);
  REQUIRE_FALSE(t.diagnostics.empty());
  const Diagnostic& d = t.diagnostics.front();
  INFO(d.message);
  CHECK(d.id == e.id);
  CHECK(d.line == e.line);
  CHECK(d.column == e.column);
  CHECK(d.width == e.width);
}

size_t lines(std::string_view text) { return std::count(text.begin(), text.end(), '\n'); }

}  // namespace

TEST_CASE("a statement that starts with a command is a pipeline that writes its output", "[lang]") {
  CHECK(lua("Get-User") == R"(__plush.pipe(true, {n="Get-User", c=1, k=0}))");
  CHECK(lua("Get-User -Department Sales | Set-UserLicense -Add POWER_BI_PRO") ==
        R"(__plush.pipe(true, {n="Get-User", c=1, k=2, __plush.P("Department", 10), "Sales"}, )"
        R"({n="Set-UserLicense", c=30, k=2, __plush.P("Add", 46), "POWER_BI_PRO"}))");
  CHECK(lua("  get-user") == R"(  __plush.pipe(true, {n="get-user", c=3, k=0}))");
  CHECK(lua("Invoke-LicenseReprocess") == R"(__plush.pipe(true, {n="Invoke-LicenseReprocess", c=1, k=0}))");
}

TEST_CASE("a pipeline where an expression may start is a value", "[lang]") {
  CHECK(lua("local x = Get-User -Department Sales") ==
        R"(local x = __plush.pipe(false, {n="Get-User", c=11, k=2, __plush.P("Department", 20), "Sales"}))");
  CHECK(lua("for _, u in ipairs(Get-User -UsageLocation US) do print(u) end") ==
        R"(for _, u in ipairs(__plush.pipe(false, {n="Get-User", c=20, k=2, __plush.P("UsageLocation", 29), "US"})) do print(u) end)");
  CHECK(lua("if (Get-License X).Available < 5 then print(1) end") ==
        R"(if (__plush.pipe(false, {n="Get-License", c=5, k=1, "X"})).Available < 5 then print(1) end)");
  CHECK(lua("return Get-License") == R"(return __plush.pipe(false, {n="Get-License", c=8, k=0}))");
  // A pipeline that is a condition is tested as PowerShell tests a value: an empty List is false.
  CHECK(lua("if Get-User -Licensed then print(1) end") ==
        R"(if __plush.truthy(__plush.pipe(false, {n="Get-User", c=4, k=1, __plush.P("Licensed", 13)})) then print(1) end)");
  CHECK(lua("f = function() return Get-User end") ==
        R"(f = function() return __plush.pipe(false, {n="Get-User", c=23, k=0}) end)");
  CHECK(lua("local t = { Get-User }") == R"(local t = { __plush.pipe(false, {n="Get-User", c=13, k=0}) })");
  CHECK(lua("t[Get-User] = 1") == R"(t[__plush.pipe(false, {n="Get-User", c=3, k=0})] = 1)");
  CHECK(lua("x = 1 + Get-User") == R"(x = 1 + __plush.pipe(false, {n="Get-User", c=9, k=0}))");
  CHECK(lua("print(Get-User, 5)") == R"(print(__plush.pipe(false, {n="Get-User", c=7, k=0}), 5))");
}

TEST_CASE("Lua words end a pipeline and its value stands in the Lua around it", "[lang]") {
  CHECK(lua("do Set-User a -Department b end") ==
        R"(do __plush.pipe(true, {n="Set-User", c=4, k=3, "a", __plush.P("Department", 15), "b"}) end)");
  CHECK(lua("repeat x = 1 until Get-User -Licensed") ==
        R"(repeat x = 1 until __plush.truthy(__plush.pipe(false, {n="Get-User", c=20, k=1, __plush.P("Licensed", 29)})))");
  CHECK(lua("while Get-User do end") == R"(while __plush.truthy(__plush.pipe(false, {n="Get-User", c=7, k=0})) do end)");
  CHECK(lua("if a then elseif Get-User then else Get-User end") ==
        R"(if a then elseif __plush.truthy(__plush.pipe(false, {n="Get-User", c=18, k=0})) then else __plush.pipe(true, {n="Get-User", c=37, k=0}) end)");
  CHECK(lua("x = Get-User and 1 or 2") == R"(x = __plush.pipe(false, {n="Get-User", c=5, k=0}) and 1 or 2)");
  CHECK(lua("Get-User -Name 'then' then") ==
        R"(__plush.pipe(true, {n="Get-User", c=1, k=2, __plush.P("Name", 10), "then"}) then)");
  CHECK(lua("Get-User x; Get-Group") ==
        R"(__plush.pipe(true, {n="Get-User", c=1, k=1, "x"}); __plush.pipe(true, {n="Get-Group", c=13, k=0}))");
  CHECK(lua("x = y\nGet-User") == "x = y\n" R"(__plush.pipe(true, {n="Get-User", c=1, k=0}))");
}

TEST_CASE("strings, comments and arithmetic that look like commands stay Lua", "[lang]") {
  CHECK(lua(R"(print("Get-User"))") == R"(print("Get-User"))");
  CHECK(lua("print('Get-User')") == "print('Get-User')");
  CHECK(lua("x = 1 -- Get-User") == "x = 1  ");
  CHECK(lua("--[[ Get-User ]] x = 1") == "  x = 1");
  CHECK(lua("--[==[\nGet-User\n]==]") == "\n\n");
  CHECK(lua("x = [[Get-User]]") == "x = [[Get-User]]");
  CHECK(lua("x = [==[ Get-User ]] ]==]") == "x = [==[ Get-User ]] ]==]");
  CHECK(lua("x = a-b") == "x = a-b");
  CHECK(lua("y = x - y") == "y = x - y");
  CHECK(lua("z = t.Get-User") == "z = t.Get-User");
  CHECK(lua("z = t:Get-User()") == "z = t:Get-User()");
  CHECK(lua("n = select-1") == "n = select-1");
  CHECK(lua("n = Get - User") == "n = Get - User");
  CHECK(lua("x = a-eq") == "x = a-eq");
}

TEST_CASE("every Lua lexical form passes through unchanged", "[lang]") {
  const char* chunk =
      "local s = \"a\\\"b\\z\n   c\" .. '\\x41\\u{48}\\065'\n"
      "local n = 0x1p4 + 1e-3 + 3 // 2 ~ 1 << 2 >> 1 & 3 | 4\n"
      "::top:: goto top\n"
      "t:method(1, ...)\n"
      "if a ~= b and #t >= 2 then return end\n"
      "local x <const> = 0xA.8p1 .. 1.5e+10";
  CHECK(lua(chunk) == chunk);
}

TEST_CASE("$variables in Lua code", "[lang]") {
  CHECK(lua("$x = Get-User") == R"(x = __plush.pipe(false, {n="Get-User", c=6, k=0}))");
  CHECK(lua("$x = 5") == "x = 5");
  CHECK(lua("print($x.Name, $true, $false, $null, $_)") == "print(x.Name, true, false, nil, _)");
  CHECK(lua("print($env:HOME)") == R"(print(os.getenv("HOME")))");
  CHECK(lua(R"(print("$x"))") == R"(print("$x"))");
}

TEST_CASE("arguments: bare words, numbers, quotes, switches and -Name:value", "[lang]") {
  CHECK(lua("Set-User alice@contoso.com 2026-03-01 C:\\x *.csv") ==
        R"(__plush.pipe(true, {n="Set-User", c=1, k=4, "alice@contoso.com", "2026-03-01", "C:\\x", "*.csv"}))");
  CHECK(lua("Set-User 5 -3 2.5 0x10 1e3 +5 .5 1.2.3 1e") ==
        R"(__plush.pipe(true, {n="Set-User", c=1, k=9, 5, -3, 2.5, 0x10, 1e3, 5, .5, "1.2.3", "1e"}))");
  CHECK(lua("Set-User -Enabled:$false -Force -Count:3") ==
        R"(__plush.pipe(true, {n="Set-User", c=1, k=3, __plush.P("Enabled", 10, false), __plush.P("Force", 26), __plush.P("Count", 33, 3)}))");
  CHECK(lua("Set-User -Name: 'x'") == R"(__plush.pipe(true, {n="Set-User", c=1, k=1, __plush.P("Name", 10, "x")}))");
  CHECK(lua("Set-User 'it''s' 'a\\b'") == R"(__plush.pipe(true, {n="Set-User", c=1, k=2, "it's", "a\\b"}))");
  CHECK(lua("Set-User -a.b x=1 -") == R"(__plush.pipe(true, {n="Set-User", c=1, k=3, "-a.b", "x=1", "-"}))");
  CHECK(lua("Set-User a`|b") == R"(__plush.pipe(true, {n="Set-User", c=1, k=1, "a|b"}))");
  CHECK(lua("Set-User -Name \"O'Neil\"") == R"(__plush.pipe(true, {n="Set-User", c=1, k=2, __plush.P("Name", 10), "O'Neil"}))");
}

TEST_CASE("arguments: $variables with fields and indexes", "[lang]") {
  CHECK(lua("Set-User $u -X $_.Y[2].Z -Y $users[1].Name") ==
        R"(__plush.pipe(true, {n="Set-User", c=1, k=5, u, __plush.P("X", 13), _.Y[2].Z, __plush.P("Y", 26), users[1].Name}))");
  CHECK(lua("Set-User $true $null $PSItem") == R"(__plush.pipe(true, {n="Set-User", c=1, k=3, true, nil, _}))");
}

TEST_CASE("double-quoted strings interpolate", "[lang]") {
  CHECK(lua(R"(Write-Host "Hi $u.DisplayName!")") ==
        R"(__plush.pipe(true, {n="Write-Host", c=1, k=1, ("Hi " .. __plush.str(u.DisplayName) .. "!")}))");
  CHECK(lua(R"(Write-Host "plain")") == R"(__plush.pipe(true, {n="Write-Host", c=1, k=1, "plain"}))");
  CHECK(lua(R"(Write-Host "")") == R"(__plush.pipe(true, {n="Write-Host", c=1, k=1, ""}))");
  CHECK(lua(R"(Write-Host "$x")") == R"(__plush.pipe(true, {n="Write-Host", c=1, k=1, (__plush.str(x))}))");
  CHECK(lua(R"(Write-Host "n=$($a + 1) of $list[2]")") ==
        R"(__plush.pipe(true, {n="Write-Host", c=1, k=1, ("n=" .. __plush.str(a + 1) .. " of " .. __plush.str(list[2]))}))");
  CHECK(lua(R"(Write-Host "$(Get-User).Count")") ==
        R"(__plush.pipe(true, {n="Write-Host", c=1, k=1, (__plush.str(__plush.pipe(false, {n="Get-User", c=15, k=0})) .. ".Count")}))");
  CHECK(lua(R"(Write-Host "a`tb ""q"" `$x `" $ 5$")") ==
        R"(__plush.pipe(true, {n="Write-Host", c=1, k=1, "a\tb \"q\" $x \" $ 5$"}))");
  CHECK(lua("Write-Host \"line one\nline two $x\"") ==
        "__plush.pipe(true, {n=\"Write-Host\", c=1, k=1, (\"line one\\\nline two \" .. __plush.str(x))})");
}

TEST_CASE("lists", "[lang]") {
  CHECK(lua("Set-User a,b, c -Tags x , y") ==
        R"(__plush.pipe(true, {n="Set-User", c=1, k=3, __plush.L("a", "b", "c"), __plush.P("Tags", 17), __plush.L("x", "y")}))");
  CHECK(lua("Set-User -Add:A,B") == R"(__plush.pipe(true, {n="Set-User", c=1, k=1, __plush.P("Add", 10, __plush.L("A", "B"))}))");
  CHECK(lua("Set-User 1,'two',$three") == R"(__plush.pipe(true, {n="Set-User", c=1, k=1, __plush.L(1, "two", three)}))");
  CHECK(lua("Sort-Object -Property Name,\n  DisplayName") ==
        "__plush.pipe(true, {n=\"Sort-Object\", c=1, k=2, __plush.P(\"Property\", 13), __plush.L(\"Name\",\n\"DisplayName\")})");
}

TEST_CASE("@() arrays", "[lang]") {
  CHECK(lua("y = @(1, 2)") == "y = __plush.A(1, 2)");
  CHECK(lua("z = @()") == "z = __plush.A()");
  CHECK(lua("n = @($users).Count") == "n = __plush.A(users).Count");
  CHECK(lua("u = @(Get-User)") == R"(u = __plush.pipe(false, {n="Get-User", c=7, k=0}))");
  CHECK(lua("Set-User @('a', 'b')") == R"(__plush.pipe(true, {n="Set-User", c=1, k=1, __plush.A('a', 'b')}))");
}

TEST_CASE("@{} hash tables keep their keys in order", "[lang]") {
  CHECK(lua("Select-Object @{ Name = 'Dept'; Expression = { $_.Department } }") ==
        R"(__plush.pipe(true, {n="Select-Object", c=1, k=1, __plush.H("Name", 'Dept', "Expression", function(_) return _.Department end)}))");
  CHECK(lua("Set-User @{}") == R"(__plush.pipe(true, {n="Set-User", c=1, k=1, __plush.H()}))");
  CHECK(lua("local t = @{ A = 1 }") == R"(local t = __plush.H("A", 1))");
  CHECK(lua("local t = @{ A = 1\n  \"b c\" = $x.Y\n  'end' = (Get-User)\n}") ==
        "local t = __plush.H(\"A\", 1,\n\"b c\", x.Y,\n\"end\", (__plush.pipe(false, {n=\"Get-User\", c=12, k=0}))\n)");
  CHECK(lua("t = @{ user-name = 1; n = 'x' .. $y }") == R"(t = __plush.H("user-name", 1, "n", 'x' .. y))");
  CHECK(lua("t = @{ \"k$n\" = $null }") == R"(t = __plush.H(("k" .. __plush.str(n)), nil))");
}

// A block that only compares $_'s properties with constants is kept with that test, for a store
// read before Where-Object to query (lang/pushed_test.h); anything the reading is not sure of is not.
TEST_CASE("script blocks that only compare $_'s properties are marked", "[lang]") {
  auto marked = [](const std::string& block) { return lua("Where-Object " + block).find("__plush.pushable(") != std::string::npos; };
  CHECK(lua("Where-Object { -not ($_.Department -ieq \"Sales\") -or $_.AccountEnabled -eq $false }") ==
        R"(__plush.pipe(true, {n="Where-Object", c=1, k=1, __plush.pushable(function(_) return not __plush.truthy((__plush.op.ieq(_.Department, "Sales"))) or __plush.op.eq(_.AccountEnabled, false) end, {o="or", {o="not", {o="eq", p="Department", v="Sales"}}, {o="eq", p="AccountEnabled", v=false}})}))");
  CHECK(lua("Where-Object {\n  $_.Department -eq 'x'\n}") ==
        "__plush.pipe(true, {n=\"Where-Object\", c=1, k=1, __plush.pushable(function(_) \n  return __plush.op.eq(_.Department, 'x')\n end, "
        "{o=\"eq\", p=\"Department\", v=\"x\"})})");
  CHECK(marked("{ ($_.A -eq 'x' -or $_.B -ne $null) -and $PSItem.C -notlike '*y' }"));
  CHECK_FALSE(marked("{ $_.A -eq 'x' -and $_.B -eq 'y' -or $_.C -eq 'z' }"));  // Lua's precedence, not PowerShell's
  CHECK_FALSE(marked("{ -not $_.A -eq 'x' }"));
  CHECK_FALSE(marked("{ $_.A -eq $x }"));
  CHECK_FALSE(marked("{ $_.A -eq 1 }"));
  CHECK_FALSE(marked("{ $_.A -ceq 'x' }"));
  CHECK_FALSE(marked("{ $_.A -match 'x' }"));
  CHECK_FALSE(marked("{ $_.A.B -eq 'x' }"));
  CHECK_FALSE(marked("{ 'x' -eq $_.A }"));
  CHECK_FALSE(marked("{ $_.A -eq 'x\\y' }"));
  CHECK_FALSE(marked("{ $_.A -eq \"$x\" }"));
  CHECK_FALSE(marked("{ $_.A -eq 'x'; $_.B -eq 'y' }"));
  CHECK_FALSE(marked("{ print(1) return $_.A -eq 'x' }"));
}

TEST_CASE("script blocks", "[lang]") {
  CHECK(lua("Where-Object { $_.UsageLocation -eq $null -and $_.Department -like 'Sal*' }") ==
        R"(__plush.pipe(true, {n="Where-Object", c=1, k=1, __plush.pushable(function(_) return __plush.op.eq(_.UsageLocation, nil) and __plush.op.like(_.Department, 'Sal*') end, {o="and", {o="eq", p="UsageLocation"}, {o="like", p="Department", v="Sal*"}})}))");
  CHECK(lua("ForEach-Object {}") == R"(__plush.pipe(true, {n="ForEach-Object", c=1, k=1, function(_) end}))");
  CHECK(lua("ForEach-Object { local n = $_.Name; print(n) }") ==
        R"(__plush.pipe(true, {n="ForEach-Object", c=1, k=1, function(_) local n = _.Name; print(n) end}))");
  CHECK(lua("ForEach-Object { print(1) print(2) }") ==
        R"(__plush.pipe(true, {n="ForEach-Object", c=1, k=1, function(_) print(1) print(2) end}))");
  CHECK(lua("ForEach-Object { Set-User $_ -Department X }") ==
        R"(__plush.pipe(true, {n="ForEach-Object", c=1, k=1, function(_) return __plush.pipe(false, {n="Set-User", c=18, k=3, _, __plush.P("Department", 30), "X"}) end}))");
  CHECK(lua("ForEach-Object {\n  $_.Name\n}") ==
        "__plush.pipe(true, {n=\"ForEach-Object\", c=1, k=1, function(_) \n  return _.Name\n end})");
  CHECK(lua("ForEach-Object { if $_.X then return 1 end }") ==
        R"(__plush.pipe(true, {n="ForEach-Object", c=1, k=1, function(_) if _.X then return 1 end end}))");
  CHECK(lua("ForEach-Object { $n = $n + 1 }") ==
        R"(__plush.pipe(true, {n="ForEach-Object", c=1, k=1, function(_) n = n + 1 end}))");
  CHECK(lua("Sort-Object { $_.x } -Descending") ==
        R"(__plush.pipe(true, {n="Sort-Object", c=1, k=2, function(_) return _.x end, __plush.P("Descending", 22)}))");
  CHECK(lua("ForEach-Object { { $_ } }") ==
        R"(__plush.pipe(true, {n="ForEach-Object", c=1, k=1, function(_) return { _ } end}))");
}

TEST_CASE("PowerShell operators", "[lang]") {
  CHECK(lua("Where-Object { $_.Count + 1 -gt 5 -and ($_.A -eq 1 -or $_.B -ne 2) }") ==
        R"(__plush.pipe(true, {n="Where-Object", c=1, k=1, function(_) return __plush.op.gt(_.Count + 1, 5) and (__plush.op.eq(_.A, 1) or __plush.op.ne(_.B, 2)) end}))");
  CHECK(lua("Where-Object { -not $_.Enabled }") ==
        R"(__plush.pipe(true, {n="Where-Object", c=1, k=1, function(_) return not __plush.truthy(_.Enabled) end}))");
  CHECK(lua("x = -not $a.b -eq 1") == "x = __plush.op.eq(not __plush.truthy(a.b), 1)");
  CHECK(lua("y = !$c and !f(x)") == "y = not __plush.truthy(c) and not __plush.truthy(f(x))");
  CHECK(lua("z = $a -in $list -or $b -notin $l") == R"(z = __plush.op["in"](a, list) or __plush.op.notin(b, l))");
  CHECK(lua("x = a -ceq b -ilike c -notcontains d") ==
        "x = __plush.op.notcontains(__plush.op.ilike(__plush.op.ceq(a, b), c), d)");
  CHECK(lua("if $x -eq 5 then print(1) end") == "if __plush.op.eq(x, 5) then print(1) end");
  CHECK(lua("ok = $s .. 'x' -match '^a' , 2") == "ok = __plush.op.match(s .. 'x', '^a') , 2");
  // In a script block `,` binds tighter than a comparison, as in PowerShell.
  CHECK(lua("Where-Object { $_.Sku -in 'A','B' -and $_.N -eq 1 }") ==
        R"(__plush.pipe(true, {n="Where-Object", c=1, k=1, function(_) return __plush.op["in"](_.Sku, __plush.L('A','B')) and __plush.op.eq(_.N, 1) end}))");
  CHECK(lua("Where-Object { $_.X -notin 1, 2, 3 }") ==
        R"(__plush.pipe(true, {n="Where-Object", c=1, k=1, function(_) return __plush.op.notin(_.X, __plush.L(1, 2, 3)) end}))");
  CHECK(lua("Where-Object { f($_.A -eq 1, 2) }") ==
        R"(__plush.pipe(true, {n="Where-Object", c=1, k=1, function(_) return f(__plush.op.eq(_.A, 1), 2) end}))");
  CHECK(lua("Where-Object { $_.N -MATCH 'a' -Or -Not ($_.X -like 'b*') }") ==
        R"(__plush.pipe(true, {n="Where-Object", c=1, k=1, function(_) return __plush.op.match(_.N, 'a') or not __plush.truthy((__plush.op.like(_.X, 'b*'))) end}))");
  CHECK(lua("x = not a -eq b") == "x = not __plush.op.eq(a, b)");
}

TEST_CASE("nested pipelines in parentheses", "[lang]") {
  CHECK(lua("Get-User -Foo (Get-User -X 1 | select -First 1) -Bar ($a + 1)") ==
        R"(__plush.pipe(true, {n="Get-User", c=1, k=4, __plush.P("Foo", 10), (__plush.pipe(false, {n="Get-User", c=16, k=2, __plush.P("X", 25), 1}, {n="select", c=32, k=2, __plush.P("First", 39), 1})), __plush.P("Bar", 49), (a + 1)}))");
  CHECK(lua("Set-User -Count (Get-User).Count") ==
        R"(__plush.pipe(true, {n="Set-User", c=1, k=2, __plush.P("Count", 10), (__plush.pipe(false, {n="Get-User", c=18, k=0})).Count}))");
  CHECK(lua("Set-User $(Get-User)") ==
        R"(__plush.pipe(true, {n="Set-User", c=1, k=1, (__plush.pipe(false, {n="Get-User", c=12, k=0}))}))");
}

TEST_CASE("aliases after a pipe", "[lang]") {
  CHECK(lua("Get-User | ? { $_ } | % { $_.X } | ft") ==
        R"(__plush.pipe(true, {n="Get-User", c=1, k=0}, {n="?", c=12, k=1, function(_) return _ end}, {n="%", c=23, k=1, function(_) return _.X end}, {n="ft", c=36, k=0}))");
  CHECK(lua("Get-User | where Enabled") ==
        R"(__plush.pipe(true, {n="Get-User", c=1, k=0}, {n="where", c=12, k=1, "Enabled"}))");
  // Before a pipe an alias is only a word: commands are Verb-Noun.
  CHECK(lua("sort(t)") == "sort(t)");
  CHECK(lua("Get-User ? % ft") == R"(__plush.pipe(true, {n="Get-User", c=1, k=3, "?", "%", "ft"}))");
}

TEST_CASE("a value piped into a command is the pipeline's input, through Write-Output", "[lang]") {
  CHECK(lua("$users | Set-UserLicense -Add X") ==
        R"(__plush.pipe(true, {n="Write-Output", c=1, k=1, users}, {n="Set-UserLicense", c=10, k=2, __plush.P("Add", 26), "X"}))");
  CHECK(lua("x = $a.B[1] | where { $_ }") ==
        R"(x = __plush.pipe(false, {n="Write-Output", c=5, k=1, a.B[1]}, {n="where", c=15, k=1, function(_) return _ end}))");
  CHECK(lua("ForEach-Object { $_.Licenses | Select-Object -First 1 }") ==
        R"(__plush.pipe(true, {n="ForEach-Object", c=1, k=1, function(_) return __plush.pipe(false, {n="Write-Output", c=18, k=1, _.Licenses}, {n="Select-Object", c=32, k=2, __plush.P("First", 46), 1}) end}))");
  CHECK(lua("(Get-User) |\n  Set-User -X 1") ==
        "__plush.pipe(true, {n=\"Write-Output\", c=1, k=1, (__plush.pipe(false, {n=\"Get-User\", c=2, k=0}))},\n"
        "{n=\"Set-User\", c=3, k=2, __plush.P(\"X\", 12), 1})");
  CHECK(lua("if $a -eq 1 | Get-User then end") ==
        R"(if __plush.pipe(false, {n="Write-Output", c=4, k=1, __plush.op.eq(a, 1)}, {n="Get-User", c=15, k=0}) then end)");
  // Bitwise or between Lua values stays.
  CHECK(lua("y = a | b") == "y = a | b");
}

TEST_CASE("multi-line pipelines keep the line count", "[lang]") {
  std::string source = "Get-User |\n  Set-User -Department x `\n  -UsageLocation US\nprint(1)";
  std::string out = lua(source);
  CHECK(out ==
        "__plush.pipe(true, {n=\"Get-User\", c=1, k=0},\n"
        "{n=\"Set-User\", c=3, k=4, __plush.P(\"Department\", 12), \"x\",\n"
        "__plush.P(\"UsageLocation\", 3), \"US\"})\nprint(1)");
  CHECK(lines(out) == lines(source));
  CHECK(lua("Get-User |\n  -- pick\n  where { $_.X }") ==
        "__plush.pipe(true, {n=\"Get-User\", c=1, k=0},\n\n{n=\"where\", c=3, k=1, function(_) return _.X end})");
  CHECK(lua("Get-User `\r\n  -A x\r\nprint(1)\r\n") ==
        "__plush.pipe(true, {n=\"Get-User\", c=1, k=2,\n__plush.P(\"A\", 3), \"x\"})\r\nprint(1)\r\n");
  CHECK(lua("Get-User -- all users\nprint(1)") == "__plush.pipe(true, {n=\"Get-User\", c=1, k=0})  \nprint(1)");
  CHECK(lua("Get-User --[[ inline ]] -Department X") ==
        R"(__plush.pipe(true, {n="Get-User", c=1, k=2, __plush.P("Department", 25), "X"}))");
  CHECK(lua("Get-User (\n)") == "__plush.pipe(true, {n=\"Get-User\", c=1, k=1, (\n)})");
  CHECK(lua("#!/usr/bin/env plush\nGet-User") == "\n__plush.pipe(true, {n=\"Get-User\", c=1, k=0})");
}

TEST_CASE("a long script keeps every line where it was", "[lang]") {
  std::string source =
      "-- reclaim licenses\n"
      "local stale = Get-User -Licensed |\n"
      "  Where-Object {\n"
      "    $_.LastSignIn -lt '2025-01-01' -and\n"
      "    $_.UserType -eq 'Member'\n"
      "  }\n"
      "for _, u in ipairs(stale) do\n"
      "  Set-UserLicense $u -Remove `\n"
      "    POWER_BI_PRO\n"
      "  print(\"removed from \" .. u.UserPrincipalName)\n"
      "end\n"
      "Write-Host \"done: $(#stale)\n users\"\n";
  std::string out = lua(source);
  CHECK(lines(out) == lines(source));
  CHECK(out.find("__plush.op.lt(_.LastSignIn, '2025-01-01') and\n    __plush.op.eq(_.UserType, 'Member')") !=
        std::string::npos);
}

TEST_CASE("incomplete input asks for more", "[lang]") {
  requireDiagnostic("Get-User |", {Status::Incomplete, "TrailingPipe", 1, 10, 1});
  requireDiagnostic("Get-User |\n\n", {Status::Incomplete, "TrailingPipe", 1, 10, 1});
  requireDiagnostic("Get-User -A 1 `", {Status::Incomplete, "TrailingBacktick", 1, 15, 1});
  requireDiagnostic("Get-User \"abc", {Status::Incomplete, "UnterminatedString", 1, 10, 1});
  requireDiagnostic("Get-User 'abc\nmore", {Status::Incomplete, "UnterminatedString", 1, 10, 1});
  requireDiagnostic("x = \"abc", {Status::Incomplete, "UnterminatedString", 1, 5, 1});
  requireDiagnostic("x = [==[ abc ]]", {Status::Incomplete, "UnterminatedString", 1, 5, 1});
  requireDiagnostic("--[[ open", {Status::Incomplete, "UnterminatedComment", 1, 1, 4});
  requireDiagnostic("Get-User (1,", {Status::Incomplete, "MissingClosingBracket", 1, 10, 1});
  requireDiagnostic("print(", {Status::Incomplete, "MissingClosingBracket", 1, 6, 1});
  requireDiagnostic("Get-User {\n  $_", {Status::Incomplete, "MissingClosingBracket", 1, 10, 1});
  requireDiagnostic("t = @{ A = 1", {Status::Incomplete, "MissingClosingBracket", 1, 5, 2});
  requireDiagnostic("Set-User a,", {Status::Incomplete, "TrailingComma", 1, 11, 1});
  // Lua's own blocks are the host's to detect from Lua's parser.
  CHECK(run("for i = 1, 3 do").status == Status::Ok);
}

TEST_CASE("errors name the place", "[lang]") {
  requireDiagnostic("Get-Foo -X", {Status::Error, "UnknownCommand", 1, 1, 7});
  requireDiagnostic("x = 1\n  Get-Usr", {Status::Error, "UnknownCommand", 2, 3, 7});
  requireDiagnostic("Get-User | foo", {Status::Error, "MissingCommand", 1, 12, 3});
  requireDiagnostic("Get-User | | Set-User", {Status::Error, "UnexpectedToken", 1, 12, 1});
  requireDiagnostic("x = (Get-User |)", {Status::Error, "UnexpectedToken", 1, 15, 1});
  requireDiagnostic("Get-User -X:", {Status::Error, "MissingArgument", 1, 10, 3});
  requireDiagnostic("Get-User -Name \"a\"b", {Status::Error, "UnexpectedToken", 1, 19, 1});
  requireDiagnostic("x = \"abc\ny = 1", {Status::Error, "UnterminatedString", 1, 5, 4});
  requireDiagnostic("x = (1]", {Status::Error, "UnexpectedToken", 1, 7, 1});
  requireDiagnostic("x = (a -eq)", {Status::Error, "MissingOperand", 1, 11, 1});
  requireDiagnostic("Set-User a, |", {Status::Error, "UnexpectedToken", 1, 11, 1});
  requireDiagnostic("@{ A 1 }", {Status::Error, "UnexpectedToken", 1, 6, 1});
}

TEST_CASE("an unknown command suggests the nearest name", "[lang]") {
  Translation t = run("Get-User | Get-Usr");
  REQUIRE(t.status == Status::Error);
  CHECK(t.diagnostics.front().message == "The term 'Get-Usr' is not a known command. Did you mean Get-User?");
  Translation lowerCase = run("local v = start-offset");
  REQUIRE(lowerCase.status == Status::Error);
  CHECK(lowerCase.diagnostics.front().message.find("blanks around '-'") != std::string::npos);
  // Without a registry every Verb-Noun word is taken as a command.
  CHECK(translate("Get-Anything", Options{}).status == Status::Ok);
}

TEST_CASE("a value list before | is piped whole at statement start and after = or return", "[lang]") {
  CHECK(lua("1, 2 | Sort-Object") ==
        R"(__plush.pipe(true, {n="Write-Output", c=1, k=1, __plush.L(1, 2)}, {n="Sort-Object", c=8, k=0}))");
  CHECK(lua("local xs = 'a', $b | Sort-Object") ==
        R"(local xs = __plush.pipe(false, {n="Write-Output", c=12, k=1, __plush.L('a', b)}, {n="Sort-Object", c=22, k=0}))");
  CHECK(lua("return 1, 2 | Sort-Object") ==
        R"(return __plush.pipe(false, {n="Write-Output", c=8, k=1, __plush.L(1, 2)}, {n="Sort-Object", c=15, k=0}))");
  // Inside a call's parentheses or a table constructor the comma stays Lua's.
  CHECK(lua("f(1, $x | Sort-Object)") ==
        R"(f(1, __plush.pipe(false, {n="Write-Output", c=6, k=1, x}, {n="Sort-Object", c=11, k=0})))");
  CHECK(lua("t = { 1, $x | Sort-Object }") ==
        R"(t = { 1, __plush.pipe(false, {n="Write-Output", c=10, k=1, x}, {n="Sort-Object", c=15, k=0}) })");
  CHECK(lua("for _, u in ipairs($x | Sort-Object) do end") ==
        R"(for _, u in ipairs(__plush.pipe(false, {n="Write-Output", c=20, k=1, x}, {n="Sort-Object", c=25, k=0})) do end)");
}

TEST_CASE("$name = a, b makes one List; name = a, b stays Lua", "[lang]") {
  CHECK(lua("$skus = 'A', 'B'") == "skus = __plush.L('A', 'B')");
  CHECK(lua("$one = 'A'") == "one = 'A'");
  CHECK(lua("x = 1, 2") == "x = 1, 2");
  CHECK(lua("$a, $b = 1, 2") == "a, b = 1, 2");
  CHECK(lua("if c then $w = 4, f(5, 6) end") == "if c then w = __plush.L(4, f(5, 6)) end");
  CHECK(lua("$y = 1, 2; print(y)") == "y = __plush.L(1, 2); print(y)");
  CHECK(lua("$y = 1, 2\nprint(y)") == "y = __plush.L(1, 2)\nprint(y)");
}

TEST_CASE("a line after a pipeline statement is a new statement, never a call of it", "[lang]") {
  CHECK(lua("Get-User\n(x):f()") == "__plush.pipe(true, {n=\"Get-User\", c=1, k=0})\n;(x):f()");
  CHECK(lua("Get-User\n'a,b' | Sort-Object") ==
        "__plush.pipe(true, {n=\"Get-User\", c=1, k=0})\n;__plush.pipe(true, {n=\"Write-Output\", c=1, k=1, 'a,b'}, {n=\"Sort-Object\", c=9, k=0})");
  CHECK(lua("print(1)\n'a' | Sort-Object") ==
        "print(1)\n;__plush.pipe(true, {n=\"Write-Output\", c=1, k=1, 'a'}, {n=\"Sort-Object\", c=7, k=0})");
  // Plain Lua keeps its own reading of a call continued on the next line.
  CHECK(lua("f\n(g)") == "f\n(g)");
}

TEST_CASE("commands run inside function bodies written in expressions", "[lang]") {
  CHECK(lua("pcall(function() Get-User -Bogus x end)") ==
        R"(pcall(function() __plush.pipe(true, {n="Get-User", c=18, k=2, __plush.P("Bogus", 27), "x"}) end))");
  CHECK(lua("f(function(a) if a then Get-User end return 1 end, 2)") ==
        R"(f(function(a) if a then __plush.pipe(true, {n="Get-User", c=25, k=0}) end return 1 end, 2))");
  requireDiagnostic("pcall(function() Get-User", {Status::Incomplete, "MissingEnd", 1, 7, 8});
}

TEST_CASE("an argument may call a method or a field's function", "[lang]") {
  CHECK(lua("Get-User (\"u%03d\"):format(i)") == R"(__plush.pipe(true, {n="Get-User", c=1, k=1, ("u%03d"):format(i)}))");
  CHECK(lua("Get-User $d.AddDays(30).Iso") == R"(__plush.pipe(true, {n="Get-User", c=1, k=1, d.AddDays(30).Iso}))");
  requireDiagnostic("Get-User $s:upper", {Status::Error, "UnexpectedToken", 1, 18, 1});
}

TEST_CASE("in a script block a double-quoted string naming $variables expands; elsewhere Lua strings stay", "[lang]") {
  CHECK(lua("1 | ForEach-Object { \"u: $_\" }") ==
        R"(__plush.pipe(true, {n="Write-Output", c=1, k=1, 1}, {n="ForEach-Object", c=5, k=1, function(_) return ("u: " .. __plush.str(_)) end}))");
  CHECK(lua("ForEach-Object { print(\"cost \\n\") }") ==
        R"(__plush.pipe(true, {n="ForEach-Object", c=1, k=1, function(_) return print("cost \n") end}))");
  CHECK(lua("print(\"cost $5 for $x\")") == R"(print("cost $5 for $x"))");
}
