// The words the grammar knows: Verb-Noun command names, pipeline aliases, pipeline-ending Lua words, PowerShell operators.
#include "lang/command_words.h"

#include <algorithm>
#include <array>

#include "lang/lua_lexer.h"

namespace plush::lang {

std::string lowerAscii(std::string_view text) {
  std::string out(text);
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return out;
}

bool isVerb(std::string_view word) {
  static constexpr std::string_view verbs[] = {
      "get",      "set",      "new",      "remove",    "add",        "import",   "export",   "connect",
      "switch",   "invoke",   "restore",  "where",     "foreach",    "select",   "sort",     "group",
      "measure",  "format",   "out",      "convertto", "convertfrom", "write",   "start",    "complete",
      "undo",     "clear",    "test",     "update",    "show",       "read",     "enable",   "disable",
      "stop",     "wait",     "join",     "split",     "find",       "copy",     "move",     "rename",
      "use",      "compare",  "tee",      "send",      "receive",    "register", "unregister", "resolve",
      "disconnect"};
  std::string lower = lowerAscii(word);
  return std::find(std::begin(verbs), std::end(verbs), lower) != std::end(verbs);
}

bool endsBareWord(char c) { return std::string_view(" \t\r\n\f\v|;,(){}[]").find(c) != std::string_view::npos; }

static bool isAlnum(char c) { return isAsciiLetter(c) || isAsciiDigit(c); }

// The byte after a command word must not glue it to something else (`Get-User.x`, `Get-User=1` stay Lua).
static bool endsCommandWord(std::string_view text, size_t pos) {
  return pos >= text.size() || endsBareWord(text[pos]) || text[pos] == '`';
}

size_t commandWordEnd(std::string_view text, size_t pos) {
  size_t verbEnd = pos;
  while (verbEnd < text.size() && isAsciiLetter(text[verbEnd])) ++verbEnd;
  if (verbEnd == pos || !isVerb(text.substr(pos, verbEnd - pos))) return pos;
  // The noun starts with a letter, so `select-1` stays arithmetic.
  if (verbEnd + 1 >= text.size() || text[verbEnd] != '-' || !isAsciiLetter(text[verbEnd + 1])) return pos;
  size_t end = verbEnd;
  while (end + 1 < text.size() && text[end] == '-' && isAlnum(text[end + 1])) {
    ++end;
    while (end < text.size() && isAlnum(text[end])) ++end;
  }
  return endsCommandWord(text, end) ? end : pos;
}

bool isPipelineAlias(std::string_view word) {
  static constexpr std::array<std::string_view, 10> aliases = {"where", "?",       "foreach", "%",  "select",
                                                               "sort",  "group",   "measure", "ft", "fl"};
  std::string lower = lowerAscii(word);
  return std::find(aliases.begin(), aliases.end(), lower) != aliases.end();
}

bool endsPipeline(std::string_view word) {
  static constexpr std::array<std::string_view, 8> words = {"then", "do", "end", "else", "elseif", "until", "and", "or"};
  return std::find(words.begin(), words.end(), word) != words.end();
}

std::string comparisonOperator(std::string_view word) {
  static constexpr std::array<std::string_view, 14> bases = {"eq", "ne", "gt", "ge", "lt", "le", "like", "notlike",
                                                             "match", "notmatch", "contains", "notcontains", "in", "notin"};
  std::string lower = lowerAscii(word);
  for (std::string_view prefix : {"", "c", "i"}) {
    if (lower.compare(0, prefix.size(), prefix) != 0) continue;
    std::string_view base = std::string_view(lower).substr(prefix.size());
    if (std::find(bases.begin(), bases.end(), base) != bases.end()) return lower;
  }
  return {};
}

static size_t editDistance(const std::string& a, const std::string& b) {
  std::vector<size_t> row(b.size() + 1);
  for (size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (size_t i = 1; i <= a.size(); ++i) {
    size_t diagonal = row[0];
    row[0] = i;
    for (size_t j = 1; j <= b.size(); ++j) {
      size_t above = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
      diagonal = above;
    }
  }
  return row[b.size()];
}

std::string closestName(std::string_view typed, const std::vector<std::string>& names) {
  std::string want = lowerAscii(typed);
  std::string best;
  size_t bestDistance = std::max<size_t>(2, want.size() / 3) + 1;
  for (const auto& name : names) {
    size_t d = editDistance(want, lowerAscii(name));
    if (d < bestDistance) {
      bestDistance = d;
      best = name;
    }
  }
  return best;
}

}  // namespace plush::lang
