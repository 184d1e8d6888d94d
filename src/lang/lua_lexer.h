// Lua 5.4's lexical forms: where a name, string, long bracket, comment, numeral or operator ends.
#pragma once

#include <cstddef>
#include <string_view>

namespace plush::lang {

enum class ScanEnd { Closed, AtEndOfInput, AtNewline };

struct Scan {
  size_t end;    // one past the last byte scanned
  ScanEnd how;
};

bool isAsciiLetter(char c);
bool isAsciiDigit(char c);
bool isNameStart(char c);
bool isNameChar(char c);
size_t nameEnd(std::string_view text, size_t pos);
bool isLuaKeyword(std::string_view word);

// The level of an opening long bracket at pos (`[[` is 0, `[==[` is 2), or -1 when there is none.
int longBracketLevel(std::string_view text, size_t pos);
Scan scanLongBracket(std::string_view text, size_t pos, int level);
Scan scanQuoted(std::string_view text, size_t pos);
Scan scanComment(std::string_view text, size_t pos);
bool isLongComment(std::string_view text, size_t pos);
size_t scanNumeral(std::string_view text, size_t pos);
bool isNumeral(std::string_view text);
size_t operatorLength(std::string_view text, size_t pos);

}  // namespace plush::lang
