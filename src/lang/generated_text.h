// The Lua being generated, with a mark for each piece telling which source byte it came from.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "lang/translator.h"

namespace plush::lang {

class GeneratedText {
 public:
  void append(std::string_view text);  // glue or blanks: no source position of its own
  void append(std::string_view text, size_t sourceOffset);
  void appendVerbatim(std::string_view text, size_t sourceOffset);  // copied byte for byte
  // Insert before `at`. Text already at `at` moves right, so a construct recorded as starting
  // at `at` now starts with the inserted text (that is how wrapping calls are written).
  void insert(size_t at, std::string_view text, size_t sourceOffset);
  void replace(size_t at, size_t length, std::string_view text);
  std::string takeTrailingBlanks();                  // spaces, tabs, CR and newlines at the end
  void dropTrailingSpaces();                         // spaces and tabs only: line breaks stay
  void appendBeforeTrailingBlanks(std::string_view text);

  size_t size() const { return text_.size(); }
  const std::string& text() const { return text_; }

  std::vector<std::vector<ColumnMark>> columnMap(std::string_view source) const;

 private:
  struct Mark {
    size_t at;
    size_t source;
    size_t length;
  };
  void truncate(size_t size);
  size_t firstMarkFrom(size_t at, bool inclusive) const;

  std::string text_;
  std::vector<Mark> marks_;
};

}  // namespace plush::lang
