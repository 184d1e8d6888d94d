// RFC 4180 CSV: a streaming record reader with positioned errors, and field/line writers.
#include "format/csv.h"

namespace plush::format {

namespace {

constexpr int kEnd = std::char_traits<char>::eof();

bool isLineBreak(int c) { return c == '\n' || c == '\r'; }

bool startsCharacter(int c) { return (c & 0xC0) != 0x80; }  // not a UTF-8 continuation byte

std::string describe(int c) {
  if (c == '\t') return "a tab";
  if (c < 0x20 || c == 0x7F) return "a control character";
  if (c >= 0x80) return "a character";
  return "'" + std::string(1, static_cast<char>(c)) + "'";
}

}  // namespace

CsvParseError::CsvParseError(CsvError error)
    : std::runtime_error("line " + std::to_string(error.line) + ", column " + std::to_string(error.column) +
                         ": " + error.message),
      error_(std::move(error)) {}

CsvReader::CsvReader(std::istream& in, char delimiter) : in_(in), delimiter_(delimiter) {}

CsvReader::CsvReader(std::string text, char delimiter)
    : ownedText_(std::make_unique<std::istringstream>(std::move(text))), in_(*ownedText_), delimiter_(delimiter) {}

int CsvReader::peek() {
  return pending_.empty() ? in_.peek() : static_cast<unsigned char>(pending_.front());
}

int CsvReader::rawTake() {
  if (pending_.empty()) return in_.get();
  int c = static_cast<unsigned char>(pending_.front());
  pending_.erase(0, 1);
  return c;
}

// Consumes one byte and keeps the position: a CRLF pair is one line break.
int CsvReader::take() {
  int c = rawTake();
  if (c == '\n' || (c == '\r' && peek() != '\n')) {
    ++line_;
    column_ = 1;
  } else if (c != kEnd && c != '\r' && startsCharacter(static_cast<unsigned char>(c))) {
    ++column_;
  }
  return c;
}

// The BOM bytes are matched one at a time and kept aside on a mismatch, so a first field that
// merely starts with 0xEF survives; streams do not promise to take back more than one byte.
void CsvReader::skipBom() {
  bomChecked_ = true;
  static constexpr std::string_view kBom = "\xEF\xBB\xBF";
  std::string matched;
  while (matched.size() < kBom.size() && in_.peek() == static_cast<unsigned char>(kBom[matched.size()])) {
    matched += static_cast<char>(in_.get());
  }
  if (matched.size() < kBom.size()) pending_ = matched;
}

void CsvReader::fail(std::string message, long line, long column) const {
  throw CsvParseError(CsvError{std::move(message), line, column});
}

void CsvReader::readQuoted(std::string& field) {
  const long openLine = line_, openColumn = column_;
  take();  // the opening quote
  for (;;) {
    int c = take();
    if (c == kEnd) fail("unterminated quoted field", openLine, openColumn);
    if (c != '"') {
      field += static_cast<char>(c);
      continue;
    }
    if (peek() != '"') break;
    take();
    field += '"';
  }
  int after = peek();
  if (after != kEnd && after != delimiter_ && !isLineBreak(after)) {
    fail("unexpected " + describe(after) + " after a closing quote; a quote inside a quoted field is written \"\"",
         line_, column_);
  }
}

void CsvReader::readUnquoted(std::string& field) {
  for (int c = peek(); c != kEnd && c != delimiter_ && !isLineBreak(c); c = peek()) {
    if (c == '"') fail("quote inside an unquoted field; quote the whole field and double the quote", line_, column_);
    field += static_cast<char>(take());
  }
}

// Consumes the line break (or nothing at the end of input) that ends a record.
bool CsvReader::atRecordEnd() {
  int c = peek();
  if (c == kEnd) return true;
  if (!isLineBreak(c)) return false;
  if (take() == '\r' && peek() == '\n') take();
  return true;
}

bool CsvReader::next(std::vector<std::string>& fields) {
  if (!bomChecked_) skipBom();
  while (isLineBreak(peek())) take();
  if (peek() == kEnd) return false;
  fields.clear();
  recordLine_ = line_;
  for (;;) {
    std::string& field = fields.emplace_back();
    if (peek() == '"') {
      readQuoted(field);
    } else {
      readUnquoted(field);
    }
    if (atRecordEnd()) return true;
    take();  // the delimiter
  }
}

std::string csvField(std::string_view value, char delimiter) {
  auto isBlank = [](char c) { return c == ' ' || c == '\t'; };
  bool quote = value.find_first_of(std::string{delimiter, '"', '\r', '\n'}) != std::string_view::npos ||
               (!value.empty() && (isBlank(value.front()) || isBlank(value.back())));
  if (!quote) return std::string(value);
  std::string out = "\"";
  for (char c : value) {
    if (c == '"') out += '"';
    out += c;
  }
  out += '"';
  return out;
}

std::string csvLine(const std::vector<std::string>& fields, char delimiter) {
  std::string line;
  for (size_t i = 0; i < fields.size(); ++i) {
    if (i > 0) line += delimiter;
    line += csvField(fields[i], delimiter);
  }
  line += '\n';
  return line;
}

}  // namespace plush::format
