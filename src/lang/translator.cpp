// The translator's entry point, its source-position helpers and the column map lookup.
#include "lang/translator.h"

#include <algorithm>

#include "lang/command_words.h"
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
  // A UTF-8 BOM is skipped, as lua's loader does; a `#!` first line is for the system, not for Lua
  // (its line break stays).
  if (src_.substr(0, 3) == "\xEF\xBB\xBF") pos_ = 3;
  if (pos_ < src_.size() && src_[pos_] == '#') pos_ = std::min(src_.find('\n', pos_), src_.size());
  Region chunk;
  chunk.statements = true;
  chunk.prev = Prev::StatementStart;
  openScope();
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
  dropConsequences();
  if (!errors_.empty()) {
    result.status = Status::Error;
    result.diagnostics = errors_;
    return result;
  }
  result.warnings = warnings_;
  for (const auto& [name, at] : assignedGlobals_) result.assignedGlobals.push_back(name);
  result.lua = out_.text();
  result.columnMap = out_.columnMap(src_);
  return result;
}

// A `function Get-Foo { }` already reported as PowerShell: calls of Get-Foo are not errors of their own.
void Translator::dropConsequences() {
  if (psFunctions_.empty()) return;
  std::vector<Diagnostic> kept;
  for (const auto& d : errors_) {
    size_t at = lineStarts_[d.line - 1] + d.column - 1;
    bool consequence = d.id == "UnknownCommand" && psFunctions_.count(lowerAscii(src_.substr(at, d.width)));
    if (!consequence) kept.push_back(d);
  }
  errors_ = std::move(kept);
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

// One pass, or two when the text assigns a global only after a place that read that name the
// PowerShell way: the second pass knows every global the text assigns from its start, as Lua does.
Translation translate(std::string_view source, const Options& options) {
  detail::Translator first(source, options);
  Translation t = first.run();
  std::set<std::string> late = first.globalsToKnowFirst();
  if (late.empty()) return t;
  Options again = options;
  again.declaredGlobals.insert(late.begin(), late.end());
  detail::Translator second(source, again);
  Translation result = second.run();
  for (const auto& name : late)
    if (std::find(result.assignedGlobals.begin(), result.assignedGlobals.end(), name) == result.assignedGlobals.end())
      result.assignedGlobals.push_back(name);
  return result;
}

}  // namespace plush::lang
