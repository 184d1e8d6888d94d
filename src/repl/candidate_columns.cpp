// Lays out completion candidates in columns across the terminal, as ls does.
#include "repl/candidate_columns.h"

#include <algorithm>

#include "format/width.h"

namespace plush::repl {

namespace {

constexpr int kGap = 2;

}  // namespace

std::string candidateColumns(const std::vector<std::string>& candidates, int width) {
  if (candidates.empty()) return "";
  int widest = 0;
  for (const auto& c : candidates) widest = std::max(widest, format::displayWidth(c));
  int columnWidth = widest + kGap;
  size_t columns = static_cast<size_t>(std::max(1, (width + kGap) / columnWidth));
  size_t rows = (candidates.size() + columns - 1) / columns;
  std::string out;
  for (size_t r = 0; r < rows; ++r) {
    std::string line;
    for (size_t c = 0; c < columns; ++c) {
      size_t i = c * rows + r;
      if (i >= candidates.size()) break;
      bool lastInRow = c + 1 == columns || i + rows >= candidates.size();
      line += lastInRow ? candidates[i] : format::padRight(candidates[i], columnWidth);
    }
    out += line + "\n";
  }
  return out;
}

}  // namespace plush::repl
