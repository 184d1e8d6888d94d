// The Lua text being generated from PowerShell, kept on the source's line numbers, with a column mark per piece.
#include "lang/powershell/emitter.h"

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <set>

namespace plush::lang::powershell {

Emitter::Emitter(std::string_view source) : src_(source) {
  lineStarts_.push_back(0);
  for (size_t i = 0; i < src_.size(); ++i)
    if (src_[i] == '\n') lineStarts_.push_back(i + 1);
}

size_t Emitter::lineOf(size_t offset) const {
  return static_cast<size_t>(std::upper_bound(lineStarts_.begin(), lineStarts_.end(), offset) - lineStarts_.begin());
}

size_t Emitter::columnOf(size_t offset) const { return offset - lineStarts_[lineOf(offset) - 1] + 1; }

long long Emitter::position(size_t begin, size_t end) const {
  size_t line = lineOf(begin);
  size_t column = columnOf(begin);
  size_t lineEnd = line < lineStarts_.size() ? lineStarts_[line] - 1 : src_.size();
  size_t width = std::min(std::max(end, begin + 1), std::max(lineEnd, begin + 1)) - begin;
  return static_cast<long long>(line) * 4294967296LL + static_cast<long long>(std::min<size_t>(column, 65535)) * 65536LL +
         static_cast<long long>(std::min<size_t>(width, 65535));
}

void Emitter::sync(size_t at) {
  size_t target = lineOf(std::min(at, src_.size()));
  while (line_ < target) {
    out_.append("\n");
    ++line_;
  }
}

void Emitter::emit(std::string_view text, size_t at) {
  sync(at);
  out_.append(text, at);
}

void Emitter::emit(std::string_view text) { out_.append(text); }

std::string luaString(std::string_view text) {
  std::string out = "\"";
  for (unsigned char c : text) {
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      case '\0': out += "\\000"; break;
      default:
        if (c < 32 || c == 127) {
          char buf[8];
          std::snprintf(buf, sizeof buf, "\\%03d", c);
          out += buf;
        } else {
          out += static_cast<char>(c);
        }
    }
  }
  return out + "\"";
}

bool isLuaName(std::string_view name) {
  static const std::set<std::string, std::less<>> keywords = {
      "and", "break", "do", "else", "elseif", "end", "false", "for", "function", "goto", "if", "in",
      "local", "nil", "not", "or", "repeat", "return", "then", "true", "until", "while"};
  if (name.empty() || keywords.count(name)) return false;
  if (!(std::isalpha(static_cast<unsigned char>(name[0])) || name[0] == '_')) return false;
  for (unsigned char c : name)
    if (!(std::isalnum(c) || c == '_')) return false;
  return true;
}

}  // namespace plush::lang::powershell
