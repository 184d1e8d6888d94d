// Lua 5.4's lexical forms: where a name, string, long bracket, comment, numeral or operator ends.
#include "lang/lua_lexer.h"

#include <array>

namespace plush::lang {

bool isAsciiLetter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool isAsciiDigit(char c) { return c >= '0' && c <= '9'; }
bool isNameStart(char c) { return isAsciiLetter(c) || c == '_'; }
bool isNameChar(char c) { return isNameStart(c) || isAsciiDigit(c); }

static bool isHexDigit(char c) {
  return isAsciiDigit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

size_t nameEnd(std::string_view text, size_t pos) {
  while (pos < text.size() && isNameChar(text[pos])) ++pos;
  return pos;
}

bool isLuaKeyword(std::string_view word) {
  static constexpr std::array<std::string_view, 22> keywords = {
      "and", "break", "do", "else", "elseif", "end", "false", "for", "function", "goto", "if",
      "in", "local", "nil", "not", "or", "repeat", "return", "then", "true", "until", "while"};
  for (auto k : keywords)
    if (k == word) return true;
  return false;
}

int longBracketLevel(std::string_view text, size_t pos) {
  if (pos >= text.size() || text[pos] != '[') return -1;
  size_t i = pos + 1;
  while (i < text.size() && text[i] == '=') ++i;
  if (i < text.size() && text[i] == '[') return static_cast<int>(i - pos - 1);
  return -1;
}

Scan scanLongBracket(std::string_view text, size_t pos, int level) {
  for (size_t i = pos + level + 2; i < text.size(); ++i) {
    if (text[i] != ']') continue;
    size_t j = i + 1;
    while (j < text.size() && text[j] == '=') ++j;
    if (j < text.size() && text[j] == ']' && static_cast<int>(j - i - 1) == level) return {j + 1, ScanEnd::Closed};
  }
  return {text.size(), ScanEnd::AtEndOfInput};
}

Scan scanQuoted(std::string_view text, size_t pos) {
  const char quote = text[pos];
  size_t i = pos + 1;
  while (i < text.size()) {
    char c = text[i];
    if (c == quote) return {i + 1, ScanEnd::Closed};
    if (c == '\n') return {i, ScanEnd::AtNewline};
    if (c != '\\') {
      ++i;
      continue;
    }
    if (++i >= text.size()) break;
    if (text[i] == 'z') {  // \z skips the whitespace after it, newlines included
      ++i;
      while (i < text.size() && (text[i] == ' ' || text[i] == '\t' || text[i] == '\n' || text[i] == '\r')) ++i;
    } else if (text[i] == '\r' && i + 1 < text.size() && text[i + 1] == '\n') {
      i += 2;
    } else {
      ++i;
    }
  }
  return {text.size(), ScanEnd::AtEndOfInput};
}

bool isLongComment(std::string_view text, size_t pos) { return longBracketLevel(text, pos + 2) >= 0; }

Scan scanComment(std::string_view text, size_t pos) {
  int level = longBracketLevel(text, pos + 2);
  if (level >= 0) return scanLongBracket(text, pos + 2, level);
  size_t end = text.find('\n', pos);
  return {end == std::string_view::npos ? text.size() : end, ScanEnd::Closed};
}

// As Lua reads a numeral: hex or decimal digits, dots and signed exponents, then any letters touching it.
size_t scanNumeral(std::string_view text, size_t pos) {
  const char* exponent = "Ee";
  size_t i = pos;
  if (text[i] == '0' && i + 1 < text.size() && (text[i + 1] == 'x' || text[i + 1] == 'X')) {
    exponent = "Pp";
    i += 2;
  }
  while (i < text.size()) {
    char c = text[i];
    if (c == exponent[0] || c == exponent[1]) {
      ++i;
      if (i < text.size() && (text[i] == '+' || text[i] == '-')) ++i;
    } else if (isHexDigit(c) || c == '.') {
      ++i;
    } else {
      break;
    }
  }
  return nameEnd(text, i);
}

static size_t digitsEnd(std::string_view text, size_t i, bool hex) {
  while (i < text.size() && (hex ? isHexDigit(text[i]) : isAsciiDigit(text[i]))) ++i;
  return i;
}

bool isNumeral(std::string_view text) {
  bool hex = text.size() > 1 && text[0] == '0' && (text[1] == 'x' || text[1] == 'X');
  size_t i = hex ? 2 : 0;
  size_t intEnd = digitsEnd(text, i, hex);
  size_t mantissaDigits = intEnd - i;
  i = intEnd;
  if (i < text.size() && text[i] == '.') {
    size_t fracEnd = digitsEnd(text, i + 1, hex);
    mantissaDigits += fracEnd - i - 1;
    i = fracEnd;
  }
  if (mantissaDigits == 0) return false;
  if (i < text.size() && (hex ? (text[i] == 'p' || text[i] == 'P') : (text[i] == 'e' || text[i] == 'E'))) {
    ++i;
    if (i < text.size() && (text[i] == '+' || text[i] == '-')) ++i;
    size_t expEnd = digitsEnd(text, i, false);
    if (expEnd == i) return false;
    i = expEnd;
  }
  return i == text.size();
}

size_t operatorLength(std::string_view text, size_t pos) {
  std::string_view rest = text.substr(pos);
  if (rest.substr(0, 3) == "...") return 3;
  static constexpr std::array<std::string_view, 9> pairs = {"..", "==", "~=", "<=", ">=", "<<", ">>", "//", "::"};
  for (auto p : pairs)
    if (rest.substr(0, 2) == p) return 2;
  return 1;
}

}  // namespace plush::lang
