// A user's license names as both stores list them: sorted as SQLite's NOCASE sorts, each once.
#pragma once

#include <string>
#include <vector>

namespace plush::store {

// Case-insensitive as SQLite's NOCASE (ASCII letters folded): UPNs and SKU names.
bool lessNoCase(const std::string& a, const std::string& b);
void sortUnique(std::vector<std::string>& skus);
std::vector<std::string> sortedSkus(const std::string& joined);  // "B,a,B" -> {a, B}

}  // namespace plush::store
