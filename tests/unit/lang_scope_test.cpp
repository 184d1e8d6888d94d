// Translator cases: a Lua name in scope keeps its Lua meaning over commands, aliases and PowerShell's operator words.
#include <catch2/catch.hpp>

#include <algorithm>
#include <string>
#include <vector>

#include "lang/translator.h"
#include "translator_options.h"

using namespace plush::lang;

namespace {

Options options() {
  static const std::vector<std::string> names = {"Get-User", "Set-User", "Get-License", "Where-Object", "Sort-Object",
                                                 "Select-Object", "where", "sort", "select", "Stop-Service"};
  Options o = test::optionsWithCommands("scope.lua", names);
  return o;
}

Translation run(std::string_view source, Options o = options()) { return translate(source, o); }

// The text stays exactly as written: Lua reads it.
void requireLua(std::string_view source, size_t warnings = 0) {
  Translation t = run(source);
  INFO(source);
  for (const auto& d : t.diagnostics) UNSCOPED_INFO(d.id << " " << d.line << ":" << d.column << " " << d.message);
  REQUIRE(t.status == Status::Ok);
  CHECK(t.lua == source);
  CHECK(t.warnings.size() == warnings);
}

bool piped(std::string_view source) {
  Translation t = run(source);
  INFO(source);
  REQUIRE(t.status == Status::Ok);
  return t.lua.find("__plush.pipe") != std::string::npos;
}

}  // namespace

TEST_CASE("a verb that is a Lua name in scope is subtraction (lua-conformance bug 1)", "[lang][scope]") {
  requireLua("local start, stop = 3, 10\nprint(stop-start)");
  requireLua("local function f(stop, start) return stop-start end");
  requireLua("for stop = 1, 3 do print(stop-start) end");
  requireLua("local stop <const> = 10; local start = 1; print(stop-start)");
  // A command of that spelling exists: Lua still reads it, and says so once (lua-conformance bug 2).
  requireLua("local Get, User = 100, 1\nlocal x = Get-User\nlocal y = Get-User", 1);
  Translation t = run("local Get, User = 100, 1\nlocal x = Get-User");
  REQUIRE(t.warnings.size() == 1);
  CHECK(t.warnings[0].id == "LuaNameInScope");
  CHECK(t.warnings[0].line == 2);
  CHECK(t.warnings[0].column == 11);
  CHECK(t.warnings[0].message.find("declared at 1:7") != std::string::npos);
}

TEST_CASE("a name out of scope does not keep a command from being one", "[lang][scope]") {
  CHECK(piped("do local Get = 1 end\nlocal x = Get-User"));
  CHECK(piped("local function f() local Get = 1 end\nprint(Get-User)"));
  CHECK(piped("if a then local Get = 1 else print(Get-User) end"));
  CHECK(piped("print(Get-User)"));
  CHECK(piped("Get-User"));
  // At a statement's start a Verb-Noun is always a command: Lua has no statement `a - b`.
  CHECK(piped("local Get = 1\nGet-User"));
  CHECK(run("local start = 1; print(stop-start)").status == Status::Error);  // stop is nothing: UnknownCommand
}

TEST_CASE("a global the chunk assigns counts, also when assigned after its use", "[lang][scope]") {
  requireLua("start, stop = 3, 10\nprint(stop-start)");
  requireLua("function report() print(stop-start) end\nstart, stop = 3, 10\nreport()");
  CHECK(run("$stop = 10; $start = 3; print(stop-start)").lua == "stop = 10; start = 3; print(stop-start)");
  requireLua("function stop() return 10 end\nprint(stop-1, stop-start)");
  Translation t = run("start, stop = 3, 10");
  CHECK(std::count(t.assignedGlobals.begin(), t.assignedGlobals.end(), "stop") == 1);
  CHECK(std::count(t.assignedGlobals.begin(), t.assignedGlobals.end(), "start") == 1);
  // Fields and table keys are not globals.
  CHECK(run("t = {stop = 1}; t.start = 2").assignedGlobals == std::vector<std::string>{"t"});
}

TEST_CASE("globals an earlier prompt line assigned count", "[lang][scope]") {
  Options o = options();
  o.declaredGlobals = {"start", "stop"};
  Translation t = run("print(stop-start)", o);
  REQUIRE(t.status == Status::Ok);
  CHECK(t.lua == "print(stop-start)");
}

TEST_CASE("| before a Lua name in scope is bitwise or (lua-conformance bug 3)", "[lang][scope]") {
  requireLua("local sort, a = 4, 1; print(a | sort)", 1);
  requireLua("local sort = 6; print(1 |\nsort)", 1);
  requireLua("local where = 4; print(1 | where)", 1);
  requireLua("print(1 | select(2, 10, 20))");
  requireLua("local a, Get, User = 1, 2, 3; print(a | Get-User)", 1);
  CHECK(piped("local t = {}; t | sort"));
  CHECK(piped("Get-User | select -First 2"));
  CHECK(piped("Get-User | select (1)"));
}

TEST_CASE("an operator word that is a Lua name in scope is Lua's minus (lua-conformance bug 4)", "[lang][scope]") {
  requireLua("local function ne(x) return x end; print(10 -ne (3))", 1);
  Translation t = run("local function ne(x) return x end; print(10 -ne (3))");
  REQUIRE(t.warnings.size() == 1);
  CHECK(t.warnings[0].column == 45);
  CHECK(t.warnings[0].message.find("-ne") != std::string::npos);
  requireLua("local lt = 2; print(10 -lt*2)");
  requireLua("local eq, a = 1, 5; print(a -eq)");
  CHECK(run("print(10 -ne 3)").lua == "print(__plush.op.ne(10, 3))");
}

TEST_CASE("-not: PowerShell's before an operand, Lua's minus after one (lua-conformance bug 5)", "[lang][scope]") {
  requireLua("return x -not nil");
  CHECK(run("print(-not true)").lua == "print(not __plush.truthy(true))");
  CHECK(run("if -not $x then end").lua == "if not __plush.truthy(x) then end");
}

TEST_CASE("a pipeline that is a condition is tested as PowerShell tests it", "[lang]") {
  CHECK(run("if Get-User -Licensed then print(1) end").lua ==
        R"(if __plush.truthy(__plush.pipe(false, {n="Get-User", c=4, k=1, __plush.P("Licensed", 13)})) then print(1) end)");
  CHECK(run("while not Get-User do end").lua == R"(while not __plush.truthy(__plush.pipe(false, {n="Get-User", c=11, k=0})) do end)");
  CHECK(run("local x = Get-User").lua == R"(local x = __plush.pipe(false, {n="Get-User", c=11, k=0}))");
}
