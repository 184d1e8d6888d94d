// Regular expressions for both dialects: PCRE2 (close to .NET syntax) with match limits, JIT and Ctrl-C.
#include "host/regex.h"

#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>

#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

#include "host/error_record.h"
#include "host/interrupt.h"

namespace plush::host {

namespace {

// Backtracking budget of one match: about ten milliseconds at worst, far beyond what a sane
// pattern needs even on a megabyte of text (PCRE2's defaults allow minutes). The JIT stack may
// grow to 64 MiB (address space, touched only as needed): `^(ab)*$` on a megabyte needs it.
constexpr uint32_t kMatchLimit = 1'000'000;
constexpr uint32_t kDepthLimit = 250'000;
constexpr size_t kHeapLimitKiB = 64 * 1024;
constexpr size_t kJitStackMax = 64 * 1024 * 1024;
constexpr size_t kCacheLimit = 512;  // compiled patterns kept: blocks run per object

// One compiled pattern with the .NET view of its groups.
struct Pattern {
  pcre2_code* code = nullptr;
  pcre2_match_data* data = nullptr;
  std::vector<uint32_t> byNumber;                         // .NET number -> PCRE2 group ([0] = 0)
  std::vector<std::pair<std::string, uint32_t>> byName;   // name -> PCRE2 group, in order

  ~Pattern() {
    pcre2_match_data_free(data);
    pcre2_code_free(code);
  }
};

// .NET numbers unnamed groups first, left to right, then named groups in order of appearance.
void numberGroups(Pattern& p) {
  uint32_t groups = 0, names = 0, entrySize = 0;
  PCRE2_SPTR table = nullptr;
  pcre2_pattern_info(p.code, PCRE2_INFO_CAPTURECOUNT, &groups);
  pcre2_pattern_info(p.code, PCRE2_INFO_NAMECOUNT, &names);
  pcre2_pattern_info(p.code, PCRE2_INFO_NAMEENTRYSIZE, &entrySize);
  pcre2_pattern_info(p.code, PCRE2_INFO_NAMETABLE, &table);
  std::vector<std::string> nameOf(groups + 1);
  for (uint32_t i = 0; i < names; ++i) {
    PCRE2_SPTR entry = table + i * entrySize;
    uint32_t group = (static_cast<uint32_t>(entry[0]) << 8) | entry[1];
    if (group <= groups) nameOf[group] = reinterpret_cast<const char*>(entry + 2);
  }
  p.byNumber.push_back(0);
  for (uint32_t g = 1; g <= groups; ++g)
    if (nameOf[g].empty()) p.byNumber.push_back(g);
  for (uint32_t g = 1; g <= groups; ++g) {
    if (nameOf[g].empty()) continue;
    bool known = false;
    for (const auto& [name, first] : p.byName) known = known || name == nameOf[g];
    if (known) continue;
    p.byName.emplace_back(nameOf[g], g);
    p.byNumber.push_back(g);
  }
}

class Engine {
 public:
  Engine() : context_(pcre2_match_context_create(nullptr)), jitStack_(pcre2_jit_stack_create(32 * 1024, kJitStackMax, nullptr)) {
    pcre2_set_match_limit(context_, kMatchLimit);
    pcre2_set_depth_limit(context_, kDepthLimit);
    pcre2_set_heap_limit(context_, kHeapLimitKiB);
    if (jitStack_) pcre2_jit_stack_assign(context_, nullptr, jitStack_);
  }
  ~Engine() {
    cache_.clear();
    pcre2_jit_stack_free(jitStack_);
    pcre2_match_context_free(context_);
  }

  Pattern& compile(lua_State* L, const std::string& pattern, bool icase) {
    std::string key = (icase ? "i" : "c") + pattern;
    auto it = cache_.find(key);
    if (it != cache_.end()) return *it->second;
    if (cache_.size() >= kCacheLimit) cache_.clear();
    uint32_t options = PCRE2_UTF | PCRE2_UCP | PCRE2_MATCH_INVALID_UTF | PCRE2_DUPNAMES | (icase ? PCRE2_CASELESS : 0);
    int error = 0;
    PCRE2_SIZE offset = 0;
    auto p = std::make_unique<Pattern>();
    p->code = pcre2_compile(reinterpret_cast<PCRE2_SPTR>(pattern.data()), pattern.size(), options, &error, &offset, nullptr);
    if (!p->code) {
      PCRE2_UCHAR why[256];
      pcre2_get_error_message(error, why, sizeof why);
      raiseError(L, "InvalidRegularExpression", "InvalidArgument",
                 "The regular expression '" + pattern + "' is not valid at character " + std::to_string(offset + 1) +
                     ": " + reinterpret_cast<const char*>(why) + ".");
    }
    pcre2_jit_compile(p->code, PCRE2_JIT_COMPLETE);  // where JIT is not available, the interpreter runs
    p->data = pcre2_match_data_create_from_pattern(p->code, nullptr);
    numberGroups(*p);
    return *cache_.emplace(std::move(key), std::move(p)).first->second;
  }

  // Match at or after offset; false when there is none. Limits raise RegexTooComplex.
  bool match(lua_State* L, Pattern& p, std::string_view text, size_t offset, uint32_t options,
             const std::string& pattern) {
    int rc = pcre2_match(p.code, reinterpret_cast<PCRE2_SPTR>(text.data()), text.size(), offset, options, p.data,
                         context_);
    if (rc >= 0) return true;
    if (rc == PCRE2_ERROR_NOMATCH || rc == PCRE2_ERROR_PARTIAL) return false;
    if (rc == PCRE2_ERROR_MATCHLIMIT || rc == PCRE2_ERROR_DEPTHLIMIT || rc == PCRE2_ERROR_HEAPLIMIT ||
        rc == PCRE2_ERROR_JIT_STACKLIMIT)
      raiseError(L, "RegexTooComplex", "LimitsExceeded",
                 "The regular expression '" + pattern + "' needs more backtracking than plush allows on a text of " +
                     std::to_string(text.size()) +
                     " bytes (nested repeats such as (a*)* try every way to split the text); make the repeats "
                     "exclusive, e.g. (a*)*b as a*b, or anchor the pattern.");
    PCRE2_UCHAR why[256];
    pcre2_get_error_message(rc, why, sizeof why);
    raiseError(L, "InvalidRegularExpression", "InvalidOperation",
               "The regular expression '" + pattern + "' failed: " + reinterpret_cast<const char*>(why) + ".");
  }

 private:
  pcre2_match_context* context_;
  pcre2_jit_stack* jitStack_;
  std::unordered_map<std::string, std::unique_ptr<Pattern>> cache_;
};

Engine& engine() {
  static Engine instance;
  return instance;
}

struct Args {
  std::string_view text;
  std::string pattern;
  bool icase;
};

Args args(lua_State* L, int icaseIdx) {
  size_t len = 0;
  const char* text = luaL_checklstring(L, 1, &len);
  size_t plen = 0;
  const char* pattern = luaL_checklstring(L, 2, &plen);
  return {std::string_view(text, len), std::string(pattern, plen), lua_toboolean(L, icaseIdx) != 0};
}

// A group of the last match: its bytes, or false when it took no part.
bool group(const Pattern& p, uint32_t pcreGroup, std::string_view text, std::string_view& out) {
  PCRE2_SIZE* ov = pcre2_get_ovector_pointer(p.data);
  if (ov[2 * pcreGroup] == PCRE2_UNSET) return false;
  out = text.substr(ov[2 * pcreGroup], ov[2 * pcreGroup + 1] - ov[2 * pcreGroup]);
  return true;
}

void pushMatch(lua_State* L, const Pattern& p, std::string_view text) {
  luaL_checkstack(L, 4, "regex");
  lua_createtable(L, static_cast<int>(p.byNumber.size()), static_cast<int>(p.byName.size()) + 2);
  std::string_view g;
  for (size_t n = 0; n < p.byNumber.size(); ++n) {
    if (!group(p, p.byNumber[n], text, g)) continue;
    lua_pushlstring(L, g.data(), g.size());
    lua_rawseti(L, -2, static_cast<lua_Integer>(n));
  }
  for (const auto& [name, number] : p.byName) {
    if (!group(p, number, text, g)) continue;
    lua_pushlstring(L, g.data(), g.size());
    lua_setfield(L, -2, name.c_str());
  }
  PCRE2_SIZE* ov = pcre2_get_ovector_pointer(p.data);
  lua_pushinteger(L, static_cast<lua_Integer>(ov[0]) + 1);
  lua_setfield(L, -2, "start");
  lua_pushinteger(L, static_cast<lua_Integer>(ov[1]));
  lua_setfield(L, -2, "stop");
}

size_t charLength(std::string_view text, size_t at) {
  unsigned char c = static_cast<unsigned char>(text[at]);
  size_t n = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1;
  size_t i = 1;
  while (i < n && at + i < text.size() && (static_cast<unsigned char>(text[at + i]) & 0xC0) == 0x80) ++i;
  return i;
}

// Every match left to right, as .NET finds them: after an empty match the next one may not be
// empty at the same place, else the search moves on one character. `each` returns false to stop.
template <class Each>
void forEachMatch(lua_State* L, Pattern& p, const Args& a, Each each) {
  size_t offset = 0;
  uint32_t options = 0;
  while (offset <= a.text.size()) {
    // Raise now: returning would let the caller copy the rest of a big text before the hook runs.
    if (stopRequested()) return raiseIfStopped(L);
    if (!engine().match(L, p, a.text, offset, options, a.pattern)) {
      if (options == 0 || offset >= a.text.size()) return;
      offset += charLength(a.text, offset);  // no non-empty match here: move on one character
      options = 0;
      continue;
    }
    PCRE2_SIZE* ov = pcre2_get_ovector_pointer(p.data);
    size_t start = ov[0], end = ov[1];
    if (!each(start, end)) return;
    offset = end;
    options = start == end ? PCRE2_NOTEMPTY_ATSTART | PCRE2_ANCHORED : 0;
  }
}

int regexTest(lua_State* L) {
  Args a = args(L, 3);
  Pattern& p = engine().compile(L, a.pattern, a.icase);
  lua_pushboolean(L, engine().match(L, p, a.text, 0, 0, a.pattern));
  return 1;
}

int regexMatch(lua_State* L) {
  Args a = args(L, 3);
  lua_Integer init = luaL_optinteger(L, 4, 1);
  if (init < 1 || static_cast<size_t>(init) > a.text.size() + 1) return 0;
  Pattern& p = engine().compile(L, a.pattern, a.icase);
  if (!engine().match(L, p, a.text, static_cast<size_t>(init - 1), 0, a.pattern)) return 0;
  pushMatch(L, p, a.text);
  return 1;
}

void setListMeta(lua_State* L) {
  lua_getglobal(L, "__plush");
  lua_getfield(L, -1, "ListMeta");
  lua_setmetatable(L, -3);
  lua_pop(L, 1);
}

int regexMatches(lua_State* L) {
  Args a = args(L, 3);
  Pattern& p = engine().compile(L, a.pattern, a.icase);
  lua_newtable(L);
  lua_Integer n = 0;
  forEachMatch(L, p, a, [&](size_t, size_t) {
    pushMatch(L, p, a.text);
    lua_rawseti(L, -2, ++n);
    return true;
  });
  setListMeta(L);
  return 1;
}

// A .NET group reference in a replacement: digits (all of them, as .NET reads them) or a name.
bool groupByReference(const Pattern& p, std::string_view ref, uint32_t& pcreGroup) {
  if (ref.empty()) return false;
  if (ref.find_first_not_of("0123456789") == std::string_view::npos) {
    if (ref.size() > 6) return false;
    size_t n = std::stoul(std::string(ref));
    if (n >= p.byNumber.size()) return false;
    pcreGroup = p.byNumber[n];
    return true;
  }
  for (const auto& [name, number] : p.byName)
    if (name == ref) return pcreGroup = number, true;
  return false;
}

// One match's replacement text, with .NET's substitutions.
void substitute(const Pattern& p, std::string_view text, std::string_view replacement, std::string& out) {
  PCRE2_SIZE* ov = pcre2_get_ovector_pointer(p.data);
  std::string_view g;
  auto put = [&](uint32_t pcreGroup) {
    if (group(p, pcreGroup, text, g)) out.append(g);
  };
  for (size_t i = 0; i < replacement.size(); ++i) {
    char c = replacement[i];
    if (c != '$' || i + 1 >= replacement.size()) {
      out += c;
      continue;
    }
    char next = replacement[i + 1];
    uint32_t number = 0;
    if (next == '$') out += '$', ++i;
    else if (next == '&') put(0), ++i;
    else if (next == '`') out.append(text.substr(0, ov[0])), ++i;
    else if (next == '\'') out.append(text.substr(ov[1])), ++i;
    else if (next == '_') out.append(text), ++i;
    else if (next == '+') {
      put(p.byNumber.size() > 1 ? p.byNumber.back() : 0);
      ++i;
    } else if (next == '{') {
      size_t close = replacement.find('}', i + 2);
      if (close != std::string_view::npos && groupByReference(p, replacement.substr(i + 2, close - i - 2), number)) {
        put(number);
        i = close;
      } else {
        out += c;
      }
    } else if (next >= '0' && next <= '9') {
      size_t end = i + 1;
      while (end < replacement.size() && replacement[end] >= '0' && replacement[end] <= '9') ++end;
      if (groupByReference(p, replacement.substr(i + 1, end - i - 1), number)) {
        put(number);
        i = end - 1;
      } else {
        out += c;
      }
    } else {
      out += c;
    }
  }
}

int regexReplace(lua_State* L) {
  Args a = args(L, 4);
  size_t rlen = 0;
  const char* r = luaL_checklstring(L, 3, &rlen);
  std::string_view replacement(r, rlen);
  Pattern& p = engine().compile(L, a.pattern, a.icase);
  std::string out;
  size_t copied = 0;
  forEachMatch(L, p, a, [&](size_t start, size_t end) {
    out.append(a.text.substr(copied, start - copied));
    substitute(p, a.text, replacement, out);
    copied = end;
    return true;
  });
  out.append(a.text.substr(copied));
  lua_pushlstring(L, out.data(), out.size());
  return 1;
}

int regexSplit(lua_State* L) {
  Args a = args(L, 3);
  lua_Integer max = luaL_optinteger(L, 4, 0);
  Pattern& p = engine().compile(L, a.pattern, a.icase);
  lua_newtable(L);
  lua_Integer n = 0, pieces = 1;
  size_t from = 0;
  auto push = [&](std::string_view s) {
    luaL_checkstack(L, 2, "regex");
    lua_pushlstring(L, s.data(), s.size());
    lua_rawseti(L, -2, ++n);
  };
  forEachMatch(L, p, a, [&](size_t start, size_t end) {
    if (max > 0 && pieces >= max) return false;
    push(a.text.substr(from, start - from));
    ++pieces;
    std::string_view g;
    for (size_t i = 1; i < p.byNumber.size(); ++i)
      if (group(p, p.byNumber[i], a.text, g)) push(g);
    from = end;
    return true;
  });
  push(a.text.substr(from));
  setListMeta(L);
  return 1;
}

int regexEscape(lua_State* L) {
  size_t len = 0;
  const char* text = luaL_checklstring(L, 1, &len);
  std::string out;
  for (size_t i = 0; i < len; ++i) {
    char c = text[i];
    switch (c) {
      case '\t': out += "\\t"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\f': out += "\\f"; break;
      case ' ': out += "\\ "; break;
      case '\\': case '*': case '+': case '?': case '|': case '{': case '[': case '(': case ')':
      case '^': case '$': case '.': case '#':
        out += '\\';
        out += c;
        break;
      default: out += c;
    }
  }
  lua_pushlstring(L, out.data(), out.size());
  return 1;
}

}  // namespace

void registerRegex(lua_State* L) {
  static const luaL_Reg functions[] = {{"regex", regexTest},           {"regex_match", regexMatch},
                                       {"regex_matches", regexMatches}, {"regex_replace", regexReplace},
                                       {"regex_split", regexSplit},     {"regex_escape", regexEscape},
                                       {nullptr, nullptr}};
  luaL_setfuncs(L, functions, 0);
}

}  // namespace plush::host
