// A user's license names as both stores list them: sorted as SQLite's NOCASE sorts, each once.
#include "store/license_names.h"

#include <algorithm>

#include "tenant/text.h"

namespace plush::store {

// Case-insensitive like the NOCASE column the names come from (ASCII folding, as SQLite's).
bool lessNoCase(const std::string& a, const std::string& b) {
  size_t n = std::min(a.size(), b.size());
  for (size_t i = 0; i < n; ++i) {
    unsigned char x = static_cast<unsigned char>(a[i]), y = static_cast<unsigned char>(b[i]);
    if (x >= 'A' && x <= 'Z') x = static_cast<unsigned char>(x + 32);
    if (y >= 'A' && y <= 'Z') y = static_cast<unsigned char>(y + 32);
    if (x != y) return x < y;
  }
  return a.size() < b.size();
}

void sortUnique(std::vector<std::string>& skus) {
  if (skus.size() < 2) return;
  std::sort(skus.begin(), skus.end(), lessNoCase);
  skus.erase(std::unique(skus.begin(), skus.end(),
                         [](const std::string& a, const std::string& b) { return !lessNoCase(a, b) && !lessNoCase(b, a); }),
             skus.end());
}

std::vector<std::string> sortedSkus(const std::string& joined) {
  std::vector<std::string> skus = tenant::splitList(joined, ',');
  sortUnique(skus);
  return skus;
}

}  // namespace plush::store
