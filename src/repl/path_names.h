// File paths for completion of -Path values: the entries of the directory named so far.
#pragma once
#include <string>
#include <string_view>
#include <vector>

namespace plush::repl {

// Paths that extend the partial path (a leading ~ stays as typed); directories end with '/'.
std::vector<std::string> pathsFor(std::string_view partial);

}  // namespace plush::repl
