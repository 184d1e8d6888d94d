// Tab completion: the candidates for the word before the cursor, and the text that replaces it.
#include "repl/completion.h"

#include <algorithm>
#include <cctype>

namespace plush::repl {

namespace {

std::string lower(std::string_view text) {
  std::string out(text);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

// Keeps the candidates that start with the typed text (ignoring case), sorted and without repeats.
std::vector<std::string> matching(std::vector<std::string> all, std::string_view typed) {
  std::vector<std::string> out;
  for (auto& c : all)
    if (startsWithIgnoringCase(c, typed)) out.push_back(std::move(c));
  std::sort(out.begin(), out.end(), [](const std::string& a, const std::string& b) {
    std::string la = lower(a), lb = lower(b);
    return la != lb ? la < lb : a < b;
  });
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

std::string commonPrefixIgnoringCase(const std::vector<std::string>& words) {
  std::string prefix = words.front();
  for (const auto& w : words) {
    size_t n = 0;
    while (n < prefix.size() && n < w.size() &&
           std::tolower(static_cast<unsigned char>(prefix[n])) == std::tolower(static_cast<unsigned char>(w[n])))
      ++n;
    prefix.resize(n);
  }
  return prefix;
}

// A value with blanks or punctuation is a bare word only when quoted.
bool needsQuotes(std::string_view value) {
  if (!value.empty() && std::string_view("@$-#").find(value[0]) != std::string_view::npos) return true;
  return value.find_first_of(" \t|;,(){}[]='\"`") != std::string_view::npos;
}

// `$name` is the Lua global `name`, as in the language.
std::vector<std::string> luaNames(std::string_view typed, CandidateSource& source) {
  if (typed.empty() || typed[0] != '$') return source.luaNames(typed);
  std::vector<std::string> names = source.luaNames(typed.substr(1));
  for (auto& n : names) n.insert(0, "$");
  return names;
}

std::vector<std::string> commandNames(const CommandCatalog& catalog, const LineContext& c, CandidateSource& source) {
  std::vector<std::string> names;
  for (const auto& cmd : catalog.all()) {
    names.push_back(cmd.name);
    if (c.afterPipe) names.insert(names.end(), cmd.aliases.begin(), cmd.aliases.end());
  }
  if (!c.afterPipe && c.word.find('-') == std::string::npos) {
    auto lua = source.luaNames(c.word);
    names.insert(names.end(), lua.begin(), lua.end());
  }
  return names;
}

std::vector<std::string> parameterNames(const CommandInfo& cmd, std::string_view typed) {
  std::vector<std::string> names;
  std::string_view bare = typed.substr(1);
  for (const auto& p : cmd.params) {
    if (startsWithIgnoringCase(p.name, bare)) {
      names.push_back("-" + p.name);
      continue;
    }
    for (const auto& a : p.aliases)
      if (startsWithIgnoringCase(a, bare)) names.push_back("-" + a);
  }
  return names;
}

// What completes a parameter's value: its `complete` kind, else its type, else its allowed values.
std::string valueKind(const ParamInfo& p) {
  if (!p.complete.empty()) return p.complete;
  if (p.type == "user" || p.type == "product" || p.type == "group") return p.type;
  return "";
}

std::vector<std::string> valueCandidates(const LineContext& c, CandidateSource& source, bool& truncated) {
  if (!c.param) return {};
  if (!c.param->values.empty()) return c.param->values;
  std::string kind = valueKind(*c.param);
  if (kind == "product") return source.products();
  if (kind == "plan") return source.plans(c.productsNamed);
  if (kind == "group") return source.groups();
  if (kind == "role") return source.roles();
  if (kind == "path") return source.paths(c.word);
  if (kind == "user") {
    auto users = source.users(c.word, kUserCandidateLimit + 1);
    truncated = users.size() > kUserCandidateLimit;
    if (truncated) users.resize(kUserCandidateLimit);
    return users;
  }
  return {};
}

std::vector<std::string> candidatesFor(const LineContext& c, const CommandCatalog& catalog, CandidateSource& source,
                                       bool& truncated) {
  switch (c.kind) {
    case WordKind::Command: return commandNames(catalog, c, source);
    case WordKind::Parameter: return parameterNames(*c.command, c.word);
    case WordKind::Value: return valueCandidates(c, source, truncated);
    case WordKind::Lua: return luaNames(c.word, source);
    case WordKind::None: break;
  }
  return {};
}

// The text that replaces the typed word when exactly one candidate is left.
std::string finished(const LineContext& c, const std::string& candidate) {
  bool directory = !candidate.empty() && candidate.back() == '/' && c.kind == WordKind::Value;
  if (c.kind == WordKind::Lua || directory) return candidate;
  if (c.quote) return candidate + c.quote + " ";
  if (c.kind == WordKind::Value && needsQuotes(candidate)) return "'" + candidate + "' ";
  return candidate + " ";
}

// With several candidates: their common prefix, when it adds to what was typed.
std::string extended(const LineContext& c, const std::vector<std::string>& candidates) {
  std::string prefix = commonPrefixIgnoringCase(candidates);
  if (prefix.size() <= c.word.size()) return c.word;
  if (!c.quote && c.kind == WordKind::Value && needsQuotes(prefix)) return "'" + prefix;
  return prefix;
}

// Paths are listed by their last part, as shells list them; everything else as it would be inserted.
std::string label(const LineContext& c, const std::string& candidate) {
  bool path = c.kind == WordKind::Value && c.param && valueKind(*c.param) == "path";
  if (!path) return candidate;
  size_t slash = candidate.rfind('/', candidate.size() - 2);
  return slash == std::string::npos || candidate.size() < 2 ? candidate : candidate.substr(slash + 1);
}

Completion build(const LineContext& c, std::vector<std::string> all, bool truncated) {
  Completion out;
  out.replaceFrom = c.wordStart;
  out.truncated = truncated;
  out.candidates = matching(std::move(all), c.word);
  if (out.candidates.empty()) {
    out.insert = c.word;
  } else if (out.candidates.size() == 1 && !truncated) {
    out.insert = finished(c, out.candidates.front());
    out.candidates.clear();
  } else {
    out.insert = extended(c, out.candidates);
  }
  for (const auto& candidate : out.candidates) out.labels.push_back(label(c, candidate));
  return out;
}

}  // namespace

Completion completeLine(std::string_view text, const CommandCatalog& catalog, CandidateSource& source) {
  LineContext c = analyzeLine(text, catalog);
  if (c.kind == WordKind::None) return Completion{text.size()};
  bool truncated = false;
  std::vector<std::string> all = candidatesFor(c, catalog, source, truncated);
  Completion out = build(c, std::move(all), truncated);
  if (out.insert == c.word && out.candidates.empty()) out.replaceFrom = text.size(), out.insert.clear();
  return out;
}

}  // namespace plush::repl
