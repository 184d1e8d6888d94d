// Lays out completion candidates in columns across the terminal, as ls does.
#pragma once
#include <string>
#include <vector>

namespace plush::repl {

// Lines of text (each ending in "\n"), filled column by column, at most `width` cells wide.
std::string candidateColumns(const std::vector<std::string>& candidates, int width);

}  // namespace plush::repl
