// Small helpers the parser's files share: keyword words, refusals of unsupported keywords, blank stretches.
#include "lang/powershell/parser_support.h"

#include <set>

namespace plush::lang::powershell {

bool isKeywordEnd(std::string_view src, size_t end) {
  if (end >= src.size()) return true;
  char c = src[end];
  return !(Tokenizer::isNameChar(c) || c == '-' || c == '.' || c == ':' || c == '\\' || c == '/' || c == '*' || c == '?');
}

bool isStatementKeyword(const std::string& word) {
  static const std::set<std::string> words = {
      "if", "elseif", "else", "while", "do", "until", "for", "foreach", "switch", "try", "catch", "finally",
      "trap", "function", "filter", "return", "throw", "exit", "break", "continue", "param", "begin", "process",
      "end", "class", "enum", "using", "workflow", "configuration", "data", "dynamicparam", "parallel", "sequence",
      "inlinescript", "interface", "namespace", "define", "from", "var", "static", "hidden", "base", "type"};
  static const std::set<std::string> plain = {"define", "from", "var", "static", "hidden", "base", "type", "interface", "namespace", "sequence", "parallel"};
  return words.count(word) && !plain.count(word);
}

std::string notSupportedKeyword(const std::string& word) {
  if (word == "class" || word == "enum")
    return "PowerShell " + std::string(word == "class" ? "classes" : "enums") +
           " are not supported in plush; use [PSCustomObject]@{ } for records and [ValidateSet()] for fixed values.";
  if (word == "using") return "'using' (namespaces, modules and assemblies) is not supported in plush: scripts run on plush's own cmdlets.";
  if (word == "workflow" || word == "inlinescript") return "PowerShell workflows are not supported in plush.";
  if (word == "configuration") return "DSC configurations are not supported in plush.";
  if (word == "data") return "data sections are not supported in plush.";
  if (word == "dynamicparam") return "dynamicparam blocks are not supported in plush.";
  return "'" + word + "' is not supported in plush.";
}

bool onlyBlanksBetween(std::string_view src, size_t begin, size_t end, int maxNewlines) {
  int newlines = 0;
  for (size_t i = begin; i < end && i < src.size(); ++i) {
    char c = src[i];
    if (c == '\n') {
      if (++newlines > maxNewlines) return false;
      continue;
    }
    if (c == ' ' || c == '\t' || c == '\r') continue;
    if (c == '#') {
      while (i < end && src[i] != '\n') ++i;
      --i;
      continue;
    }
    return false;
  }
  return true;
}

}  // namespace plush::lang::powershell
