// PowerShell tokenizer cases: expression and command modes, numbers, strings, variables, comments, continuations.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "lang/powershell/tokenizer.h"

using namespace plush::lang::powershell;

namespace {

std::vector<Token> tokens(std::string_view text, Mode mode) {
  Tokenizer tz(text, 0, text.size());
  std::vector<Token> out;
  for (;;) {
    Token t = tz.next(mode);
    if (t.kind == Tok::End) break;
    out.push_back(t);
  }
  return out;
}

Token one(std::string_view text, Mode mode = Mode::Expression) {
  auto all = tokens(text, mode);
  REQUIRE(all.size() == 1);
  return all[0];
}

Node number(std::string_view text) {
  Node n(Kind::Number, {0, text.size()});
  REQUIRE(parseNumber(text, n));
  return n;
}

ScanError scanError(std::string_view text, Mode mode = Mode::Expression) {
  try {
    tokens(text, mode);
  } catch (const ScanError& e) {
    return e;
  }
  FAIL("no error for " << text);
  return {};
}

}  // namespace

TEST_CASE("numbers: decimal, hex, real, exponent, suffixes and multipliers") {
  CHECK(one("42").kind == Tok::Number);
  CHECK(number("42").integer == 42);
  CHECK(number("0x2A").integer == 42);
  CHECK(number("0xFFFFFFFF").integer == -1);  // an Int32, as in PowerShell
  CHECK(number("1kb").integer == 1024);
  CHECK(number("0x10Gb").integer == 17179869184LL);
  CHECK(number("10L").integer == 10);
  CHECK(number("10L").numberType == 'l');
  CHECK(number("1.5d").numberType == 'd');
  CHECK(!number("1.5").isInteger);
  CHECK(number("1e3").num == 1000);
  CHECK(!number("1e3").isInteger);
  CHECK(one("1.30Dmb").text == "1.30Dmb");
  CHECK(tokens("1..10", Mode::Expression).size() == 3);
}

TEST_CASE("strings: single-quoted with '', double-quoted raw content, here-strings") {
  Token s = one("'don''t'");
  CHECK(s.kind == Tok::String);
  CHECK(s.text == "don't");
  Token d = one("\"a $b `\" \"\" $(\"x\") c\"");
  CHECK(d.kind == Tok::ExpandString);
  CHECK(std::string_view("\"a $b `\" \"\" $(\"x\") c\"").substr(d.contentBegin, d.contentEnd - d.contentBegin) ==
        "a $b `\" \"\" $(\"x\") c");
  Token h = one("@'\nline1\nline2\n'@");
  CHECK(h.kind == Tok::String);
  CHECK(h.hereString);
  CHECK(h.text == "line1\nline2");
  CHECK(one("\xE2\x80\x98typographic\xE2\x80\x99").text == "typographic");
}

TEST_CASE("variables: names, scopes, braces, automatic ones") {
  Token v = one("$Name");
  CHECK(v.kind == Tok::Variable);
  CHECK(v.text == "Name");
  Token scoped = one("$script:count");
  CHECK(scoped.scope == "script");
  CHECK(scoped.text == "count");
  CHECK(one("$env:HOME").scope == "env");
  Token braced = one("${my var}");
  CHECK(braced.braced);
  CHECK(braced.text == "my var");
  CHECK(one("$_").text == "_");
  CHECK(one("$?").text == "?");
  CHECK(scanError("$name: x").id == "InvalidVariableReferenceWithDrive");
  CHECK(one("@params").kind == Tok::SplatVariable);
}

TEST_CASE("operators: dash words case-insensitively, with i and c prefixes; unknown ones marked") {
  CHECK(one("-EQ").text == "-eq");
  CHECK(one("-ceq").knownOperator);
  CHECK(one("-inotlike").knownOperator);
  CHECK(!one("-foo").knownOperator);
  CHECK(one("+=").text == "+=");
  CHECK(one("::").text == "::");
  CHECK(one("$(").text == "$(");
  CHECK(one("@{").text == "@{");
  CHECK(one("\xE2\x80\x93" "eq").text == "-eq");  // an en dash pasted from a document
}

TEST_CASE("comments, line continuation and line breaks") {
  auto t = tokens("1 # a comment\n<# block\ncomment #> 2 `\n+ 3", Mode::Expression);
  REQUIRE(t.size() == 5);
  CHECK(t[0].text == "1");
  CHECK(t[1].kind == Tok::NewLine);
  CHECK(t[2].text == "2");
  CHECK(t[3].text == "+");  // the backtick joined the lines
  CHECK(t[4].text == "3");
}

TEST_CASE("command mode: parameters, bare words, numbers, redirections") {
  auto t = tokens("-Department Sales -Force:$true C:\\x.csv 5 5x 2>$null", Mode::Command);
  REQUIRE(t.size() >= 8);
  CHECK(t[0].kind == Tok::Parameter);
  CHECK(t[0].text == "Department");
  CHECK(t[1].kind == Tok::Word);
  CHECK(t[1].text == "Sales");
  CHECK(t[2].kind == Tok::Parameter);
  CHECK(t[2].colon);
  CHECK(t[3].kind == Tok::Variable);
  CHECK(t[4].text == "C:\\x.csv");
  CHECK(t[5].kind == Tok::Number);
  CHECK(t[6].kind == Tok::Word);
  CHECK(t[7].kind == Tok::Redirection);
  CHECK(t[7].text == "2>");
  CHECK(tokens("$dir\\file.txt", Mode::Command)[0].kind == Tok::Variable);
  CHECK(tokens("a$b", Mode::Command)[0].expandable);
  CHECK(tokens("-5", Mode::Command)[0].kind == Tok::Number);
}

TEST_CASE("incomplete input: open strings, comments and here-strings; a trailing backtick") {
  CHECK(scanError("'open").incomplete);
  CHECK(scanError("\"open $(x").incomplete);
  CHECK(scanError("<# open").incomplete);
  CHECK(scanError("@\"\nopen").incomplete);
  CHECK(scanError("1 + `").incomplete);
  CHECK_FALSE(scanError("@\" x\n\"@").incomplete);  // text after the header is an error, not more input
}
