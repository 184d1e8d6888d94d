// Where the caret of a Lua error goes: under the expression its message names (x.y, f(), 'nothing'), else the line.
#include "host/error_caret.h"

#include <vector>

namespace plush::host {

namespace {

std::string sourceLine(std::string_view text, int line) {
  size_t start = 0;
  for (int i = 1; i < line && start != std::string_view::npos; ++i) {
    start = text.find('\n', start);
    if (start != std::string_view::npos) ++start;
  }
  if (start == std::string_view::npos || start > text.size()) return {};
  size_t end = text.find('\n', start);
  return std::string(text.substr(start, end == std::string_view::npos ? std::string_view::npos : end - start));
}

bool isNameChar(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
}

// "(local 'x')", "(global 'f')", "(field 'y')", "(method 'm')", "(upvalue 'u')", "(constant 'c')".
bool quotedName(const std::string& message, std::string& kind, std::string& name) {
  for (const char* k : {"local", "global", "field", "method", "upvalue", "constant"}) {
    std::string head = std::string("(") + k + " '";
    size_t at = message.find(head);
    if (at == std::string::npos) continue;
    size_t begin = at + head.size();
    size_t end = message.find("')", begin);
    if (end == std::string::npos) continue;
    kind = k;
    name = message.substr(begin, end - begin);
    return !name.empty();
  }
  return false;
}

size_t previousNonBlank(const std::string& s, size_t at) {
  while (at > 0 && (s[at - 1] == ' ' || s[at - 1] == '\t')) --at;
  return at;
}

// `local x`, `function f`, `for i`: where a name is declared, not where it fails.
bool isDeclaration(const std::string& s, size_t at) {
  size_t end = previousNonBlank(s, at);
  size_t begin = end;
  while (begin > 0 && isNameChar(s[begin - 1])) --begin;
  std::string word = s.substr(begin, end - begin);
  return word == "local" || word == "function" || word == "for";
}

// Offsets of the name as a whole word outside strings and comments; a field or method after '.' or ':'.
std::vector<size_t> occurrences(const std::string& s, const std::string& name, bool member) {
  std::vector<size_t> out;
  for (size_t i = 0; i < s.size(); ++i) {
    char c = s[i];
    if (c == '"' || c == '\'') {
      for (++i; i < s.size() && s[i] != c; ++i)
        if (s[i] == '\\') ++i;
      continue;
    }
    if (c == '-' && i + 1 < s.size() && s[i + 1] == '-') break;
    if (!isNameChar(c) || (i > 0 && isNameChar(s[i - 1]))) continue;
    if (s.compare(i, name.size(), name) != 0 || (i + name.size() < s.size() && isNameChar(s[i + name.size()]))) continue;
    bool afterMember = i > 0 && (s[i - 1] == '.' || s[i - 1] == ':');
    if (afterMember == member && (member || !isDeclaration(s, i))) out.push_back(i);
    i += name.size() - 1;
  }
  return out;
}

// The start of the prefix expression `a.b:c` that ends at `at`.
size_t chainStart(const std::string& s, size_t at) {
  while (at > 0 && (isNameChar(s[at - 1]) || s[at - 1] == '.' || s[at - 1] == ':')) --at;
  return at;
}

size_t matching(const std::string& s, size_t open) {
  char o = s[open], c = o == '(' ? ')' : o == '[' ? ']' : '}';
  int depth = 0;
  for (size_t i = open; i < s.size(); ++i) {
    if (s[i] == o) ++depth;
    else if (s[i] == c && --depth == 0) return i + 1;
  }
  return s.size();
}

// Past what indexes the value that ends at `end`: `.field`, `:method`, `[key]`.
size_t pastIndex(const std::string& s, size_t end) {
  if (end < s.size() && (s[end] == '.' || s[end] == ':')) {
    size_t i = end + 1;
    while (i < s.size() && isNameChar(s[i])) ++i;
    return i > end + 1 ? i : end;
  }
  if (end < s.size() && s[end] == '[') return matching(s, end);
  return end;
}

// Past the arguments of a call of the value that ends at `end`: (...), a string, {...}.
size_t pastCall(const std::string& s, size_t end) {
  size_t i = end;
  while (i < s.size() && (s[i] == ' ' || s[i] == '\t')) ++i;
  if (i < s.size() && (s[i] == '(' || s[i] == '{')) return matching(s, i);
  if (i < s.size() && (s[i] == '"' || s[i] == '\'')) {
    size_t close = s.find(s[i], i + 1);
    return close == std::string::npos ? s.size() : close + 1;
  }
  return end;
}

}  // namespace

lang::Diagnostic placeRuntimeError(std::string_view text, int line, const std::string& message) {
  lang::Diagnostic d{"ScriptError", message, line, 1, 1};
  std::string src = sourceLine(text, line);
  std::string kind, name;
  if (quotedName(message, kind, name) && kind == "global" && name == "__plush") {
    // Commands are calls into __plush: say why they stopped working instead of pointing at nothing.
    d.message += "; the script removed or replaced the global __plush, which commands need";
  } else if (quotedName(message, kind, name)) {
    std::vector<size_t> found = occurrences(src, name, kind == "field" || kind == "method");
    bool indexing = message.find("attempt to index") != std::string::npos;
    bool calling = message.find("attempt to call") != std::string::npos;
    for (size_t pass = 0; pass < 2; ++pass) {
      for (size_t at : found) {
        size_t end = at + name.size();
        size_t last = indexing ? pastIndex(src, end) : calling ? pastCall(src, end) : end;
        if (pass == 0 && (indexing || calling) && last == end) continue;  // first look for the form that fails
        size_t begin = chainStart(src, at);
        d.column = static_cast<int>(begin) + 1;
        d.width = static_cast<int>(last - begin);
        return d;
      }
    }
  }
  size_t first = src.find_first_not_of(" \t");
  d.column = first == std::string::npos ? 1 : static_cast<int>(first) + 1;
  size_t last = src.find_last_not_of(" \t\r");
  d.width = last == std::string::npos ? 1 : static_cast<int>(last + 1 - (d.column - 1));
  return d;
}

}  // namespace plush::host
