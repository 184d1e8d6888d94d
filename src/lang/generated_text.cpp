// The Lua being generated, with a mark for each piece telling which source byte it came from.
#include "lang/generated_text.h"

#include <algorithm>

namespace plush::lang {

void GeneratedText::append(std::string_view text) { text_ += text; }

void GeneratedText::append(std::string_view text, size_t sourceOffset) {
  marks_.push_back({text_.size(), sourceOffset, 0});
  text_ += text;
}

void GeneratedText::appendVerbatim(std::string_view text, size_t sourceOffset) {
  marks_.push_back({text_.size(), sourceOffset, text.size()});
  text_ += text;
}

// Marks stay sorted by offset. Insertions land near the end (an operand, a command's count),
// so walking back from the end touches only the few marks after the insertion point.
size_t GeneratedText::firstMarkFrom(size_t at, bool inclusive) const {
  size_t i = marks_.size();
  while (i > 0 && (inclusive ? marks_[i - 1].at >= at : marks_[i - 1].at > at)) --i;
  return i;
}

void GeneratedText::insert(size_t at, std::string_view text, size_t sourceOffset) {
  size_t first = firstMarkFrom(at, true);
  for (size_t i = first; i < marks_.size(); ++i) marks_[i].at += text.size();
  marks_.insert(marks_.begin() + static_cast<std::ptrdiff_t>(first), Mark{at, sourceOffset, 0});
  text_.insert(at, text);
}

void GeneratedText::replace(size_t at, size_t length, std::string_view text) {
  for (size_t i = firstMarkFrom(at, false); i < marks_.size(); ++i) marks_[i].at = marks_[i].at + text.size() - length;
  text_.replace(at, length, text);
}

void GeneratedText::truncate(size_t size) {
  text_.resize(size);
  marks_.resize(firstMarkFrom(size, true));
}

std::string GeneratedText::takeTrailingBlanks() {
  size_t keep = text_.find_last_not_of(" \t\r\n");
  keep = keep == std::string::npos ? 0 : keep + 1;
  std::string blanks = text_.substr(keep);
  truncate(keep);
  return blanks;
}

void GeneratedText::dropTrailingSpaces() {
  size_t keep = text_.find_last_not_of(" \t");
  truncate(keep == std::string::npos ? 0 : keep + 1);
}

void GeneratedText::appendBeforeTrailingBlanks(std::string_view text) {
  std::string blanks = takeTrailingBlanks();
  text_ += text;
  text_ += blanks;
}

static std::vector<size_t> lineStarts(std::string_view text) {
  std::vector<size_t> starts{0};
  for (size_t i = 0; i < text.size(); ++i)
    if (text[i] == '\n') starts.push_back(i + 1);
  return starts;
}

// 0-based line and column of a byte offset.
static std::pair<size_t, size_t> place(const std::vector<size_t>& starts, size_t offset) {
  size_t line = std::upper_bound(starts.begin(), starts.end(), offset) - starts.begin() - 1;
  return {line, offset - starts[line]};
}

std::vector<std::vector<ColumnMark>> GeneratedText::columnMap(std::string_view source) const {
  auto generatedStarts = lineStarts(text_);
  auto sourceStarts = lineStarts(source);
  std::vector<std::vector<ColumnMark>> map(generatedStarts.size());
  for (const auto& m : marks_) {
    auto [line, column] = place(generatedStarts, m.at);
    auto sourcePlace = place(sourceStarts, std::min(m.source, source.size()));
    map[line].push_back({static_cast<int>(column) + 1, static_cast<int>(sourcePlace.second) + 1,
                         static_cast<int>(m.length)});
  }
  return map;
}

}  // namespace plush::lang
