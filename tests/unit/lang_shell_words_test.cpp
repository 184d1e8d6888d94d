// Translator cases: `#` comments, exit, bare aliases (cls, history) and `CMD -?` in Lua-dialect text.
#include <catch2/catch.hpp>

#include <algorithm>
#include <string>
#include <vector>

#include "lang/translator.h"
#include "translator_options.h"

using namespace plush::lang;

namespace {

Options options() {
  static const std::vector<std::string> names = {"Get-User", "Where-Object", "Clear-Host", "cls", "Get-History", "history",
                                                 "Select-Object", "select", "Get-Command", "gcm"};
  Options o = test::optionsWithCommands("words.plush", names);
  return o;
}

std::string lua(std::string_view source) {
  Translation t = translate(source, options());
  INFO(source);
  for (const auto& d : t.diagnostics) UNSCOPED_INFO(d.id << " " << d.line << ":" << d.column << " " << d.message);
  REQUIRE(t.status == Status::Ok);
  return t.lua;
}

}  // namespace

TEST_CASE("# where a statement may start, or after a complete one, is a comment (ux problem 6)", "[lang][words]") {
  CHECK(lua("print(1)\n# get the users\nprint(2)") == "print(1)\n \nprint(2)");
  CHECK(lua("x = 1  # set x") == "x = 1   ");
  CHECK(lua("# we shouldn't disable this\nx = 1") == "\nx = 1");  // the first line, as before
  CHECK(lua("x = 1\n# we shouldn't disable it") == "x = 1\n ");
  CHECK(lua("Get-User # every user") == R"(__plush.pipe(true, {n="Get-User", c=1, k=0})  )");
  CHECK(lua("Get-User |  # then\n  Where-Object { $_.x }").find("# then") == std::string::npos);
  CHECK(lua("$h = @{ a = 1 # one\n b = 2 }") == "h = __plush.H(\"a\", 1,\n\"b\", 2)");
}

TEST_CASE("# inside an expression stays Lua's length operator", "[lang][words]") {
  CHECK(lua("return #t") == "return #t");
  CHECK(lua("local n = #t + #u") == "local n = #t + #u");
  CHECK(lua("print(#t, #$_)") == "print(#t, #_)");
  CHECK(lua("Get-User | Where-Object { #$_.Licenses > 0 }") ==
        R"(__plush.pipe(true, {n="Get-User", c=1, k=0}, {n="Where-Object", c=12, k=1, function(_) return #_.Licenses > 0 end}))");
  CHECK(lua("x = '# not a comment' .. \"#\"") == "x = '# not a comment' .. \"#\"");
}

TEST_CASE("exit [n] ends the run (ux problem 8)", "[lang][words]") {
  CHECK(lua("exit") == "__plush.exit()");
  CHECK(lua("exit 3") == "__plush.exit(3)");
  CHECK(lua("exit -1") == "__plush.exit(-1)");
  CHECK(lua("exit $code") == "__plush.exit(code)");
  CHECK(lua("exit (n + 1)") == "__plush.exit((n + 1))");
  CHECK(lua("if bad then exit 1 end") == "if bad then __plush.exit(1) end");
  CHECK(lua("exit; print(1)") == "__plush.exit(); print(1)");
  CHECK(lua("local exit = 1; print(exit)") == "local exit = 1; print(exit)");
  CHECK(lua("exit = nil") == "exit = nil");
  CHECK(translate("exit 1 2", options()).status == Status::Error);
}

TEST_CASE("an alias alone, or with arguments, at a statement's start is a command (ux problem 8)", "[lang][words]") {
  CHECK(lua("cls") == R"(__plush.pipe(true, {n="cls", c=1, k=0}))");
  CHECK(lua("history") == R"(__plush.pipe(true, {n="history", c=1, k=0}))");
  CHECK(lua("history 5") == R"(__plush.pipe(true, {n="history", c=1, k=1, 5}))");
  CHECK(lua("gcm *user*") == R"(__plush.pipe(true, {n="gcm", c=1, k=1, "*user*"}))");
  CHECK(lua("history | select -Last 1") ==
        R"(__plush.pipe(true, {n="history", c=1, k=0}, {n="select", c=11, k=2, __plush.P("Last", 18), 1}))");
  // Lua forms of those names stay Lua.
  CHECK(lua("select(2, 'a', 'b')") == "select(2, 'a', 'b')");
  CHECK(lua("history = {}") == "history = {}");
  CHECK(lua("local cls = 1; cls = cls + 1") == "local cls = 1; cls = cls + 1");
  CHECK(lua("print(history)") == "print(history)");
}

TEST_CASE("CMD -? asks for the command's help", "[lang][words]") {
  CHECK(lua("Get-User -?") == R"(__plush.pipe(true, {n="Get-User", c=1, k=1, __plush.P("?", 10)}))");
  CHECK(lua("Get-User '-?'") == R"(__plush.pipe(true, {n="Get-User", c=1, k=1, "-?"}))");
}
