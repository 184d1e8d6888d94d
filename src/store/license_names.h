// A user's license names as both stores list them: sorted as SQLite's NOCASE sorts, each once.
#pragma once

#include <string>
#include <vector>

namespace plush::store {

void sortUnique(std::vector<std::string>& skus);
std::vector<std::string> sortedSkus(const std::string& joined);  // "B,a,B" -> {a, B}

}  // namespace plush::store
