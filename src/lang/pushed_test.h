// A Where-Object block that only compares $_'s properties with constants, as data a store read can query.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace plush::lang {

// `$_.Property -op constant`, or -and / -or / -not of such tests. Both dialects' translators build
// it from a script block; the runtime keeps it with the block (__plush.pushable), and a store read
// right before Where-Object applies in its query what it can prove gives the same objects.
struct PushedTest {
  enum class Kind { Compare, And, Or, Not } kind = Kind::Compare;
  std::string op;        // Compare: eq ne gt ge lt le like notlike (case-insensitive forms only)
  std::string property;  // Compare: as written
  enum class Value { Text, Null, True, False } value = Value::Null;
  std::string text;      // Value::Text: the constant, never holding a line break
  std::vector<PushedTest> operands;  // And, Or: two or more; Not: one
};

// The comparison a test operator names, without its i prefix (-ieq is -eq); empty for any other
// operator, e.g. -ceq, -match, -contains: they are not pushed.
std::string pushedOperator(std::string_view word);

// The Lua table kept with the block: {o="eq", p="Department", v="Sales"} ($null leaves v out,
// $true/$false are Lua booleans), {o="and", T1, T2, ...}, {o="not", T}. One line, so the
// generated chunk keeps the source's line numbers.
std::string pushedTestLua(const PushedTest& test);

// The Lua dialect: the text between a script block's braces, when it is such a test and nothing else.
std::optional<PushedTest> pushedTestOfLuaBlock(std::string_view body);

}  // namespace plush::lang
