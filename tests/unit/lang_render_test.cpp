// Diagnostics rendered with a caret placed and sized by display width, and the generated-to-source column map.
#include <catch2/catch.hpp>

#include <string>

#include "lang/translator.h"

using namespace plush::lang;

namespace {

Options registry() {
  Options o;
  o.isCommand = [](std::string_view name) { return name == "Get-User" || name == "Set-User"; };
  return o;
}

int generatedColumnOf(const std::string& lua, const std::string& piece) {
  return static_cast<int>(lua.find(piece)) + 1;
}

}  // namespace

TEST_CASE("the caret sits under the command after CJK text", "[lang][render]") {
  std::string source = "print(\"日本語\") ; Get-Foo";
  Translation t = translate(source, registry());
  REQUIRE(t.status == Status::Error);
  const Diagnostic& d = t.diagnostics.front();
  CHECK(d.column == 22);  // a byte column: each of the three characters is three bytes
  CHECK(renderDiagnostic(source, d, "jobs/reclaim.plush") ==
        "jobs/reclaim.plush:1:22: The term 'Get-Foo' is not a known command. (UnknownCommand)\n"
        "print(\"日本語\") ; Get-Foo\n"
        "                  ^~~~~~~\n");
}

TEST_CASE("a caret under wide characters is as wide as they are", "[lang][render]") {
  std::string source = "x = \"日本\" + 1";
  Diagnostic d{"UnexpectedToken", "here", 1, 6, 6};
  CHECK(renderDiagnostic(source, d, "t") == "t:1:6: here (UnexpectedToken)\nx = \"日本\" + 1\n     ^~~~\n");
}

TEST_CASE("combining marks take no cell, emoji two, tabs stay tabs", "[lang][render]") {
  std::string combining = "\"e\xCC\x81\" x";  // e + COMBINING ACUTE ACCENT
  CHECK(renderDiagnostic(combining, {"Id", "m", 1, 7, 1}, "t") == "t:1:7: m (Id)\n" + combining + "\n    ^\n");
  std::string emoji = "\"👍\" x";
  CHECK(renderDiagnostic(emoji, {"Id", "m", 1, 8, 1}, "t") == "t:1:8: m (Id)\n" + emoji + "\n     ^\n");
  std::string tabbed = "\tx = y";
  CHECK(renderDiagnostic(tabbed, {"Id", "m", 1, 6, 1}, "t") == "t:1:6: m (Id)\n" + tabbed + "\n\t    ^\n");
}

TEST_CASE("a diagnostic on a later line or past the end of its line", "[lang][render]") {
  std::string source = "a = 1\r\nGet-User |";
  Translation t = translate(source, registry());
  REQUIRE(t.status == Status::Incomplete);
  CHECK(renderDiagnostic(source, t.diagnostics.front(), "t") ==
        "t:2:10: a line that ends with '|' continues on the next line (TrailingPipe)\nGet-User |\n         ^\n");
  CHECK(renderDiagnostic("ab", {"Id", "m", 1, 9, 3}, "t") == "t:1:9: m (Id)\nab\n  ^\n");
}

TEST_CASE("generated columns map back to source columns", "[lang][sourcemap]") {
  std::string source = "x = Get-User -A 1\nGet-User |\n  Set-User $b";
  Translation t = translate(source, registry());
  REQUIRE(t.status == Status::Ok);
  const std::string& lua = t.lua;
  std::string line1 = lua.substr(0, lua.find('\n'));
  CHECK(t.sourceColumn(1, 1) == 1);
  CHECK(t.sourceColumn(1, generatedColumnOf(line1, "__plush.pipe")) == 5);
  CHECK(t.sourceColumn(1, generatedColumnOf(line1, "{n=\"Get-User\"")) == 5);
  CHECK(t.sourceColumn(1, generatedColumnOf(line1, "__plush.P(\"A\"")) == 14);
  CHECK(t.sourceColumn(1, generatedColumnOf(line1, ", 1}") + 2) == 17);
  size_t third = lua.rfind('\n') + 1;
  std::string line3 = lua.substr(third);
  CHECK(t.sourceColumn(3, generatedColumnOf(line3, "{n=\"Set-User\"")) == 3);
  CHECK(t.sourceColumn(3, generatedColumnOf(line3, "b}")) == 13);  // `$b`: the name after the dollar
}

TEST_CASE("columns inside copied Lua map one to one", "[lang][sourcemap]") {
  std::string source = "local value = compute(1)";
  Translation t = translate(source, registry());
  REQUIRE(t.status == Status::Ok);
  for (int column = 1; column <= static_cast<int>(source.size()); ++column) {
    if (source[column - 1] == ' ') continue;
    CHECK(t.sourceColumn(1, column) == column);
  }
}
