// Tab completion: the candidates for the word before the cursor, and the text that replaces it.
#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "repl/line_context.h"

namespace plush::repl {

// Where candidate values come from: the tenant store, the Lua state, the file system.
class CandidateSource {
 public:
  virtual ~CandidateSource() = default;
  // SkuPartNumbers and display names.
  virtual std::vector<std::string> products() = 0;
  // Service-plan names of the named products (SkuPartNumber or display name), of all products when none is named.
  virtual std::vector<std::string> plans(const std::vector<std::string>& products) = 0;
  // At most `limit` user principal names starting with prefix (ignoring case).
  virtual std::vector<std::string> users(std::string_view prefix, size_t limit) = 0;
  virtual std::vector<std::string> groups() = 0;
  virtual std::vector<std::string> roles() = 0;
  // Full dotted names (`string.format`) for a partial dotted name (`string.fo`).
  virtual std::vector<std::string> luaNames(std::string_view partial) = 0;
  // Paths for a partial path; directories end with '/'.
  virtual std::vector<std::string> paths(std::string_view partial) = 0;
};

struct Completion {
  size_t replaceFrom = 0;               // byte offset in the analysed text; the rest of it is replaced
  std::string insert;                   // what replaces it (may equal what was typed)
  std::vector<std::string> candidates;  // when there are several: each as it would be inserted
  std::vector<std::string> labels;      // and as it is listed (a path by its last part)
  bool truncated = false;               // more candidates exist than were fetched
};

constexpr size_t kUserCandidateLimit = 50;

// Completes the last word of text (the line up to the cursor, after any earlier continuation lines).
Completion completeLine(std::string_view text, const CommandCatalog& catalog, CandidateSource& source);

}  // namespace plush::repl
