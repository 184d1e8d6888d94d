// Lua lexical forms and the command-word grammar the translator is built on.
#include <catch2/catch.hpp>

#include "lang/command_words.h"
#include "lang/lua_lexer.h"
#include "lang/lua_literal.h"

using namespace plush::lang;

TEST_CASE("numerals as Lua reads them", "[lang][lexer]") {
  for (auto text : {"5", "2.5", "0x10", "0xA.8p1", "1e3", "1E-3", ".5", "5.", "0X1P+4"}) CHECK(isNumeral(text));
  for (auto text : {"", ".", "1e", "0x", "1.2.3", "2026-03-01", "e5", "0x1p", "5a"}) CHECK_FALSE(isNumeral(text));
  CHECK(scanNumeral("0x1p-4+2", 0) == 6);
  CHECK(scanNumeral("1e+10..", 0) == 7);  // Lua itself reads `1e+10..` as one malformed numeral
  CHECK(scanNumeral("3 // 2", 0) == 1);
}

TEST_CASE("long brackets, quoted strings and comments", "[lang][lexer]") {
  CHECK(longBracketLevel("[[x]]", 0) == 0);
  CHECK(longBracketLevel("[==[x]==]", 0) == 2);
  CHECK(longBracketLevel("[=x", 0) == -1);
  CHECK(longBracketLevel("[1]", 0) == -1);
  CHECK(scanLongBracket("[==[ ]] ]=] ]==] rest", 0, 2).end == 16);
  CHECK(scanLongBracket("[[ open", 0, 0).how == ScanEnd::AtEndOfInput);
  CHECK(scanQuoted(R"("a\"b" x)", 0).end == 6);
  CHECK(scanQuoted("'a\\z\n  b' x", 0).end == 9);
  CHECK(scanQuoted("\"a\\\nb\" x", 0).end == 6);
  CHECK(scanQuoted("\"abc\nd\"", 0).how == ScanEnd::AtNewline);
  CHECK(scanQuoted("\"abc", 0).how == ScanEnd::AtEndOfInput);
  CHECK(scanComment("-- x\ny", 0).end == 4);
  CHECK(scanComment("--[[ a\nb ]] y", 0).end == 11);
  CHECK(isLongComment("--[=[", 0));
  CHECK_FALSE(isLongComment("--[ x", 0));
  CHECK(operatorLength("...", 0) == 3);
  CHECK(operatorLength("//", 0) == 2);
  CHECK(operatorLength("~=", 0) == 2);
  CHECK(operatorLength("::", 0) == 2);
  CHECK(operatorLength("<<", 0) == 2);
  CHECK(operatorLength("~", 0) == 1);
}

TEST_CASE("command words are Verb-Noun with a known verb", "[lang][lexer]") {
  CHECK(commandWordEnd("Get-User -X", 0) == 8);
  CHECK(commandWordEnd("convertto-json", 0) == 14);
  CHECK(commandWordEnd("Invoke-LicenseReprocess", 0) == 23);
  CHECK(commandWordEnd("Get-Azure-Thing2|x", 0) == 16);
  CHECK(commandWordEnd("Get-User(1)", 0) == 8);
  CHECK(commandWordEnd("a-b", 0) == 0);
  CHECK(commandWordEnd("x-1", 0) == 0);
  CHECK(commandWordEnd("select-1", 0) == 0);
  CHECK(commandWordEnd("Get-User.Count", 0) == 0);
  CHECK(commandWordEnd("Get-User_x", 0) == 0);
  CHECK(commandWordEnd("Fetch-User", 0) == 0);
  CHECK(isPipelineAlias("Where"));
  CHECK(isPipelineAlias("%"));
  CHECK_FALSE(isPipelineAlias("ls"));
  CHECK(endsPipeline("then"));
  CHECK_FALSE(endsPipeline("Then"));
}

TEST_CASE("comparison operator words and their case variants", "[lang][lexer]") {
  CHECK(comparisonOperator("EQ") == "eq");
  CHECK(comparisonOperator("notlike") == "notlike");
  CHECK(comparisonOperator("cmatch") == "cmatch");
  CHECK(comparisonOperator("iin") == "iin");
  CHECK(comparisonOperator("and").empty());
  CHECK(comparisonOperator("equal").empty());
}

TEST_CASE("closest names for suggestions", "[lang][lexer]") {
  std::vector<std::string> names = {"Get-User", "Get-Group", "Set-UserLicense"};
  CHECK(closestName("get-usr", names) == "Get-User");
  CHECK(closestName("Get-Grop", names) == "Get-Group");
  CHECK(closestName("Remove-Everything", names).empty());
}

TEST_CASE("Lua literals keep line breaks", "[lang][lexer]") {
  CHECK(luaQuote("plain") == "\"plain\"");
  CHECK(luaQuote("a\"b\\c") == R"("a\"b\\c")");
  CHECK(luaQuote("one\ntwo") == "\"one\\\ntwo\"");
  CHECK(luaQuote(std::string("tab\tcr\rnul\0!", 12)) == R"("tab\tcr\rnul\000!")");
}
