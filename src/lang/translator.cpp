// The translator's entry point, its source-position helpers and the column map lookup.
#include "lang/translator.h"

#include <algorithm>

#include "lang/translator_core.h"

namespace plush::lang {

namespace detail {

Translator::Translator(std::string_view source, const Options& options) : src_(source), options_(options) {
  lineStarts_.push_back(0);
  for (size_t i = 0; i < src_.size(); ++i)
    if (src_[i] == '\n') lineStarts_.push_back(i + 1);
}

Translation Translator::run() {
  Translation result;
  // A `#!` first line is for the system, not for Lua; its line break stays.
  if (!src_.empty() && src_[0] == '#') pos_ = std::min(src_.find('\n'), src_.size());
  Region chunk;
  chunk.statements = true;
  chunk.prev = Prev::StatementStart;
  try {
    luaRegion(chunk);
  } catch (const NestingTooDeep& deep) {
    errors_.push_back(deep.reason);
  } catch (const IncompleteInput& reason) {
    if (errors_.empty()) {
      result.status = Status::Incomplete;
      result.diagnostics.push_back(reason.reason);
      return result;
    }
  }
  if (!errors_.empty()) {
    result.status = Status::Error;
    result.diagnostics = errors_;
    return result;
  }
  result.lua = out_.text();
  result.columnMap = out_.columnMap(src_);
  return result;
}

char Translator::peek(size_t ahead) const {
  return pos_ + ahead < src_.size() ? src_[pos_ + ahead] : '\0';
}

// Bytes of the line break at `at` (LF or CRLF), 0 when there is none.
size_t Translator::newlineLength(size_t at) const {
  if (at < src_.size() && src_[at] == '\n') return 1;
  if (at + 1 < src_.size() && src_[at] == '\r' && src_[at + 1] == '\n') return 2;
  return 0;
}

int Translator::column(size_t offset) const {
  size_t line = std::upper_bound(lineStarts_.begin(), lineStarts_.end(), offset) - lineStarts_.begin() - 1;
  return static_cast<int>(offset - lineStarts_[line]) + 1;
}

Diagnostic Translator::diagnostic(std::string id, std::string message, size_t offset, size_t width) const {
  offset = std::min(offset, src_.size());
  int line = static_cast<int>(std::upper_bound(lineStarts_.begin(), lineStarts_.end(), offset) - lineStarts_.begin());
  return {std::move(id), std::move(message), line, column(offset), static_cast<int>(std::max<size_t>(width, 1))};
}

std::string Translator::place(size_t offset) const {
  Diagnostic d = diagnostic("", "", offset, 1);
  return std::to_string(d.line) + ":" + std::to_string(d.column);
}

void Translator::error(std::string id, std::string message, size_t offset, size_t width) {
  errors_.push_back(diagnostic(std::move(id), std::move(message), offset, width));
}

void Translator::incomplete(std::string id, std::string message, size_t offset, size_t width) {
  throw IncompleteInput{diagnostic(std::move(id), std::move(message), offset, width)};
}

void Translator::skipSpaces() {
  while (pos_ < src_.size() && (src_[pos_] == ' ' || src_[pos_] == '\t')) ++pos_;
}

void Translator::emitVerbatim(size_t end) {
  out_.appendVerbatim(src_.substr(pos_, end - pos_), pos_);
  pos_ = end;
}

}  // namespace detail

int Translation::sourceColumn(int line, int generatedColumn) const {
  if (line < 1 || line > static_cast<int>(columnMap.size())) return generatedColumn;
  const auto& marks = columnMap[line - 1];
  auto after = std::upper_bound(marks.begin(), marks.end(), generatedColumn,
                                [](int column, const ColumnMark& m) { return column < m.generatedColumn; });
  if (after == marks.begin()) return marks.empty() ? generatedColumn : marks.front().sourceColumn;
  const ColumnMark& m = *(after - 1);
  int inside = generatedColumn - m.generatedColumn;
  return inside < m.length ? m.sourceColumn + inside : m.sourceColumn;
}

Translation translate(std::string_view source, const Options& options) {
  detail::Translator translator(source, options);
  return translator.run();
}

}  // namespace plush::lang
