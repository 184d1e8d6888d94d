// Translator options for the unit tests: a chunk name and the command names it knows, matched ignoring case.
#pragma once

#include <algorithm>
#include <cctype>
#include <string>
#include <string_view>
#include <vector>

#include "lang/translator.h"

namespace plush::lang::test {

inline bool sameIgnoringCase(std::string_view a, std::string_view b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](unsigned char x, unsigned char y) {
           return std::tolower(x) == std::tolower(y);
         });
}

// `names` must outlive the options: each test file keeps its list in a function-local static.
inline Options optionsWithCommands(std::string chunkName, const std::vector<std::string>& names) {
  Options o;
  o.chunkName = std::move(chunkName);
  o.isCommand = [&names](std::string_view name) {
    return std::any_of(names.begin(), names.end(), [&](const std::string& n) { return sameIgnoringCase(n, name); });
  };
  return o;
}

}  // namespace plush::lang::test
