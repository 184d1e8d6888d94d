// PowerShell-only syntax in Lua-dialect text (try {, foreach (.. in ..), if (..) {, -f, +=, [int]): reported before anything runs.
#include <string>

#include "lang/command_words.h"
#include "lang/lua_lexer.h"
#include "lang/translator_core.h"

namespace plush::lang::detail {

namespace {

bool isBlank(char c) { return c == ' ' || c == '\t' || c == '\r'; }

// `$name` or `name` at the start of text, as a Lua name for a suggestion; "" when it is not that simple.
std::string simpleName(std::string_view text) {
  size_t b = text.find_first_not_of(" \t");
  if (b == std::string_view::npos) return {};
  size_t e = text.find_last_not_of(" \t");
  text = text.substr(b, e - b + 1);
  if (!text.empty() && text[0] == '$') text.remove_prefix(1);
  if (text.empty() || !isNameStart(text[0]) || nameEnd(text, 0) != text.size()) return {};
  return std::string(text);
}

// "{0} has {1}" as a string.format pattern: "%s has %s".
std::string formatPattern(std::string_view literal) {
  std::string out;
  for (size_t i = 0; i < literal.size(); ++i) {
    if (literal[i] == '{' && i + 1 < literal.size() && isAsciiDigit(literal[i + 1])) {
      size_t close = literal.find('}', i);
      if (close != std::string_view::npos) {
        out += "%s";
        i = close;
        continue;
      }
    }
    out += literal[i] == '%' ? "%%" : std::string(1, literal[i]);
  }
  return out;
}

}  // namespace

// Past the bracketed group that opens at `open`, skipping strings and comments; the text's end when unclosed.
size_t Translator::afterBalanced(size_t open) const {
  int depth = 0;
  for (size_t i = open; i < src_.size(); ++i) {
    char c = src_[i];
    if (c == '"' || c == '\'') {
      size_t close = src_.find(c, i + 1);
      if (close == std::string_view::npos) return src_.size();
      i = close;
    } else if (c == '-' && i + 1 < src_.size() && src_[i + 1] == '-') {
      i = scanComment(src_, i).end - 1;
    } else if (c == '(' || c == '[' || c == '{') {
      ++depth;
    } else if (c == ')' || c == ']' || c == '}') {
      if (--depth == 0) return i + 1;
    }
  }
  return src_.size();
}

size_t Translator::skipBlanksAndBreaks(size_t at) const {
  while (at < src_.size() && (isBlank(src_[at]) || src_[at] == '\n')) ++at;
  return at;
}

void Translator::powerShellSyntax(std::string construct, std::string luaWay, size_t begin, size_t end) {
  error("PowerShellSyntax",
        construct + " is PowerShell, and this text is read as Lua with commands. To run it as PowerShell, give the script a "
                    ".ps1 name or run plush --ps; the Lua way: " + luaWay,
        begin, end - begin);
}

// A statement that starts with a word Lua does not have: try, catch, finally, trap, foreach, switch, param, throw.
bool Translator::powerShellStatement(Region& r, std::string_view word, size_t begin, size_t end) {
  static constexpr std::string_view words[] = {"try", "catch", "finally", "trap", "foreach", "switch", "param", "throw"};
  bool candidate = false;
  for (auto w : words) candidate = candidate || w == word;
  if (!candidate) return false;
  size_t next = skipBlanksAndBreaks(end);
  char c = next < src_.size() ? src_[next] : '\0';
  if (word == "try" || word == "finally" || word == "trap" || word == "catch") {
    bool typed = word == "catch" && c == '[';  // catch [System.Exception] {
    if (c != '{' && !typed) return false;
    if (declaredAt(word) != kNone) return false;
    if (word == "catch" || word == "finally")
      powerShellSyntax("'" + std::string(word) + " { }'", "the error is what pcall returns: local ok, err = pcall(function() ... end)",
                       begin, end);
    else if (word == "trap")
      powerShellSyntax("'trap { }'", "wrap the work in pcall(function() ... end) and handle what it returns", begin, end);
    else
      powerShellSyntax("'try { } catch { }'",
                       "local ok, err = pcall(function() ... end); if not ok then ... end (with -ErrorAction Stop on the commands)",
                       begin, end);
    return true;
  }
  if (word == "foreach" || word == "switch" || word == "param") {
    if (c != '(' || declaredAt(word) != kNone) return false;
    size_t close = afterBalanced(next);
    std::string_view inside = src_.substr(next + 1, close > next + 1 ? close - next - 2 : 0);
    if (word == "foreach") {
      size_t in = inside.find(" in ");
      if (in == std::string_view::npos) return false;
      std::string item = simpleName(inside.substr(0, in)), list = simpleName(inside.substr(in + 4));
      powerShellSyntax("'foreach (... in ...) { }'",
                       "for _, " + (item.empty() ? "item" : item) + " in ipairs(" + (list.empty() ? "list" : list) + ") do ... end",
                       begin, close);
    } else if (word == "switch") {
      if (skipBlanksAndBreaks(close) >= src_.size() || src_[skipBlanksAndBreaks(close)] != '{') return false;
      powerShellSyntax("'switch (...) { }'", "if x == a then ... elseif x == b then ... else ... end", begin, close);
    } else {
      powerShellSyntax("'param(...)'", "a script's arguments are arg[1], arg[2], ... (and the main chunk's ...)", begin, close);
    }
    return true;
  }
  // throw: followed by what it throws, or nothing.
  if (c == '=' || c == '.' || c == ':' || c == '[' || c == '(' || c == '{' || declaredAt(word) != kNone) return false;
  powerShellSyntax("'throw'", "error(\"message\", 0), or Write-Error 'message' -ErrorAction Stop", begin, end);
  return true;
}

// Lua keywords in PowerShell's shapes: function Verb-Noun {, if (...) {, else {, for (;;), do { } while.
bool Translator::powerShellKeyword(std::string_view word, size_t begin) {
  size_t after = begin + word.size();
  size_t next = after;
  while (next < src_.size() && isBlank(src_[next])) ++next;
  char c = next < src_.size() ? src_[next] : '\0';
  if (word == "function") {
    size_t nameEndAt = commandWordEnd(src_, next);
    if (nameEndAt > next) {
      psFunctions_.emplace(lowerAscii(src_.substr(next, nameEndAt - next)));
      std::string name(src_.substr(next, nameEndAt - next));
      std::string luaName;
      for (char ch : name)
        if (ch != '-') luaName += ch;
      powerShellSyntax("'function " + name + " { }'",
                       "local function " + luaName + "(...) ... end (a Verb-Noun function is a command in the PowerShell dialect)",
                       begin, nameEndAt);
      return true;
    }
    size_t end = nameEnd(src_, next);
    if (end == next) return false;
    size_t open = skipBlanksAndBreaks(end);
    if (open < src_.size() && src_[open] == '(') open = skipBlanksAndBreaks(afterBalanced(open));
    if (open >= src_.size() || src_[open] != '{') return false;
    std::string name(src_.substr(next, end - next));
    powerShellSyntax("'function " + name + " { }'", "local function " + name + "(...) ... end", begin, end);
    return true;
  }
  if (word == "if" || word == "elseif" || word == "while") {
    if (c != '(') return false;
    size_t close = afterBalanced(next);
    size_t brace = skipBlanksAndBreaks(close);
    if (brace >= src_.size() || src_[brace] != '{') return false;
    // `if (f) {t} then` is Lua: a call with a table. PowerShell's block is not followed by then/do.
    size_t afterBlock = skipBlanksAndBreaks(afterBalanced(brace));
    std::string_view following = src_.substr(afterBlock, nameEnd(src_, afterBlock) - afterBlock);
    if (following == "then" || following == "do") return false;
    std::string w(word);
    powerShellSyntax("'" + w + " (...) { }'",
                     word == "while" ? "while ... do ... end" : w + " ... then ... end", begin, brace + 1);
    return true;
  }
  if (word == "else" || word == "do") {
    size_t brace = skipBlanksAndBreaks(after);
    if (brace >= src_.size() || src_[brace] != '{') return false;
    powerShellSyntax(word == "else" ? "'else { }'" : "'do { } while (...)'",
                     word == "else" ? "else ... end" : "repeat ... until not (...)", begin, brace + 1);
    return true;
  }
  if (word == "for" && c == '(') {
    powerShellSyntax("'for (...; ...; ...) { }'", "for i = 1, n do ... end", begin, afterBalanced(next));
    return true;
  }
  return false;
}

// `[int]$x`, `[PSCustomObject]@{`, `[string]::IsNullOrEmpty(...)`, `[CmdletBinding()]`: Lua has no types to cast to.
bool Translator::powerShellCast(Region& r) {
  if (r.prev == Prev::ExpressionEnd || !isAsciiLetter(peek(1))) return false;
  size_t i = pos_ + 1;
  while (i < src_.size() && (isNameChar(src_[i]) || src_[i] == '.')) ++i;
  std::string type(src_.substr(pos_ + 1, i - pos_ - 1));
  if (i < src_.size() && src_[i] == '(') i = afterBalanced(i);   // an attribute: [Parameter(Mandatory)]
  if (i + 1 < src_.size() && src_[i] == '[' && src_[i + 1] == ']') i += 2;  // [string[]]
  if (i >= src_.size() || src_[i] != ']') return false;
  size_t after = i + 1;
  size_t next = skipBlanksAndBreaks(after);
  if (next < src_.size() && src_[next] == '=' && (next + 1 >= src_.size() || src_[next + 1] != '=')) return false;  // {[k] = v}
  std::string lower = lowerAscii(type);
  std::string luaWay = "Lua has no casts or .NET types: tonumber(x), math.tointeger(x), tostring(x)";
  if (lower == "pscustomobject" || lower == "ordered" || lower == "hashtable")
    luaWay = "@{ Key = value; ... } alone (it keeps its keys in the order written)";
  else if (lower == "datetime")
    luaWay = "Get-Date -Date '2026-11-22'";
  else if (lower == "array" || lower == "object" || (lower == "string" && src_.compare(i - 2, 2, "[]") == 0))
    luaWay = "a Lua table { ... } or @( ... )";
  else if (src_.compare(after, 2, "::") == 0)
    luaWay = "Lua's libraries: string.format, string.upper, math.floor, math.max, os.time, ...";
  else if (lower == "cmdletbinding" || lower == "parameter" || lower.rfind("validate", 0) == 0)
    luaWay = "a function's parameters are plain Lua parameters; check them with if ... then error(...) end";
  powerShellSyntax("'[" + type + "]'", luaWay, pos_, after);
  return true;
}

// `$x += 1`, `$list += $item`, `$i++`: Lua has no compound assignment.
bool Translator::powerShellAssignment(Region& r) {
  if (r.prev != Prev::ExpressionEnd || pos_ + 1 >= src_.size()) return false;
  std::string_view two = src_.substr(pos_, 2);
  bool compound = (two == "+=" || two == "-=" || two == "*=" || two == "/=" || two == "%=");
  if (!compound && two != "++") return false;
  // The name just before the operator (`$count += 1`), for the suggestion.
  size_t end = pos_;
  while (end > 0 && isBlank(src_[end - 1])) --end;
  size_t begin = end;
  while (begin > 0 && isNameChar(src_[begin - 1])) --begin;
  std::string target = begin < end && isNameStart(src_[begin]) ? std::string(src_.substr(begin, end - begin)) : "";
  std::string x = target.empty() ? "x" : target;
  if (two == "++")
    powerShellSyntax("'" + x + "++'", x + " = " + x + " + 1", pos_, pos_ + 2);
  else if (two == "+=")
    powerShellSyntax("'+='", x + " = " + x + " + value, or for a list: " + x + "[#" + x + " + 1] = value", pos_, pos_ + 2);
  else
    powerShellSyntax("'" + std::string(two) + "'", x + " = " + x + " " + std::string(1, two[0]) + " value", pos_, pos_ + 2);
  pos_ += 2;
  r.prev = Prev::ExpressionStart;
  return true;
}

// `$null = Get-User` (discarding) and `$i--`.
bool Translator::powerShellDollar(std::string_view name, size_t begin, size_t end) {
  size_t next = end;
  while (next < src_.size() && isBlank(src_[next])) ++next;
  if (lowerAscii(name) == "null" && next < src_.size() && src_[next] == '=' &&
      (next + 1 >= src_.size() || src_[next + 1] != '=')) {
    powerShellSyntax("'$null = ...'", "local _ = ... , or ... | Out-Null", begin, next + 1);
    return true;
  }
  if (src_.compare(end, 2, "--") == 0 || src_.compare(end, 2, "++") == 0) {
    size_t after = end + 2;
    while (after < src_.size() && isBlank(src_[after])) ++after;
    if (after >= src_.size() || src_[after] == '\n' || src_[after] == ';' || src_[after] == ')') {
      std::string x(name);
      powerShellSyntax("'$" + x + std::string(src_.substr(end, 2)) + "'",
                       x + " = " + x + (src_[end] == '-' ? " - 1" : " + 1"), begin, end + 2);
      return true;
    }
  }
  return false;
}

// PowerShell operators Lua has no counterpart for in plush: -f -join -split -replace -is -as -band ...
bool Translator::powerShellOperatorWord(Region& r, const std::string& word, size_t begin, size_t end) {
  static constexpr std::string_view unary[] = {"join", "split", "bnot"};
  static constexpr std::string_view binary[] = {"f", "join", "split", "replace", "creplace", "ireplace", "csplit", "isplit",
                                                "is", "isnot", "as", "band", "bor", "bxor", "shl", "shr", "xor"};
  bool blankBefore = begin > 0 && std::string_view(" \t\r\n").find(src_[begin - 1]) != std::string_view::npos;
  bool blankAfter = end >= src_.size() || std::string_view(" \t\r\n").find(src_[end]) != std::string_view::npos;
  bool known = false;
  if (r.prev == Prev::ExpressionEnd && blankBefore)
    for (auto w : binary) known = known || w == word;
  if (r.prev == Prev::ExpressionStart)
    for (auto w : unary) known = known || w == word;
  if (!known || !blankAfter) return false;
  if (declaredAt(src_.substr(begin + 1, end - begin - 1)) != kNone) return false;  // Lua's minus, with that name
  std::string luaWay;
  if (word == "f") {
    std::string_view left = r.operandStart != kNone ? src_.substr(r.operandSource, begin - r.operandSource) : "";
    size_t b = left.find_first_not_of(" \t"), e = left.find_last_not_of(" \t");
    left = b == std::string_view::npos ? "" : left.substr(b, e - b + 1);
    bool literal = left.size() >= 2 && (left[0] == '"' || left[0] == '\'') && left.back() == left[0];
    luaWay = literal ? "string.format(" + std::string(1, left[0]) + formatPattern(left.substr(1, left.size() - 2)) +
                           std::string(1, left[0]) + ", ...)"
                     : "string.format(\"%s ... %s\", a, b)";
  } else if (word == "join") {
    luaWay = "table.concat(list, separator)";
  } else if (word.find("split") != std::string::npos) {
    luaWay = "for part in text:gmatch(\"[^,]+\") do ... end";
  } else if (word.find("replace") != std::string::npos) {
    luaWay = "text:gsub(pattern, replacement)";
  } else if (word == "is" || word == "isnot" || word == "as") {
    luaWay = "type(x) == \"string\", math.type(x) == \"integer\", tonumber(x), tostring(x)";
  } else if (word == "xor") {
    luaWay = "(a and not b) or (b and not a)";
  } else {
    luaWay = "Lua's bitwise operators: a & b, a | b, a ~ b, ~a, a << n, a >> n";
  }
  powerShellSyntax("'-" + word + "'", luaWay, begin, end);
  pos_ = end;
  r.prev = Prev::ExpressionStart;
  return true;
}

}  // namespace plush::lang::detail
