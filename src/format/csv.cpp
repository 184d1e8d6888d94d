// RFC 4180 CSV: a streaming record reader with positioned errors, and field/line writers.
#include "format/csv.h"

namespace plush::format {

namespace {

constexpr int kEnd = TextSource::kEnd;
constexpr const char* kQuotingFix =
    "Fix the quoting on that line; a field with commas, quotes or newlines must be in double quotes, with \"\" for a "
    "quote.";
constexpr const char* kEncodingFix =
    "Save the file as UTF-8 (or UTF-16 with a byte order mark), e.g. iconv -f WINDOWS-1252 -t UTF-8 old.csv > new.csv";

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
    : std::runtime_error("line " + std::to_string(error.line) +
                         (error.column > 0 ? ", column " + std::to_string(error.column) : std::string()) + ": " +
                         error.message),
      error_(std::move(error)) {}

CsvReader::CsvReader(std::istream& in, char delimiter) : in_(in), source_(in_), delimiter_(delimiter) {}

CsvReader::CsvReader(std::string text, char delimiter)
    : ownedText_(std::make_unique<std::istringstream>(std::move(text))),
      in_(*ownedText_),
      source_(in_),
      delimiter_(delimiter) {}

// The next byte of text; bytes that are not text in the file's encoding stop the reading here.
int CsvReader::peek() {
  int c = source_.peek();
  if (c == TextSource::kInvalid)
    fail("not " + source_.encoding() + " text: " + source_.problem(), line_, column_, kEncodingFix);
  return c;
}

// Consumes one byte and keeps the position: a CRLF pair is one line break.
int CsvReader::take() {
  int c = peek();
  source_.get();
  if (c == '\n' || (c == '\r' && peek() != '\n')) {
    ++line_;
    column_ = 1;
  } else if (c != kEnd && c != '\r' && startsCharacter(static_cast<unsigned char>(c))) {
    ++column_;
  }
  return c;
}

void CsvReader::fail(std::string message, long line, long column, std::string fix) const {
  throw CsvParseError(CsvError{std::move(message), line, column, std::move(fix)});
}

void CsvReader::readQuoted(std::string& field) {
  const long openLine = line_, openColumn = column_;
  take();  // the opening quote
  for (;;) {
    int c = take();
    if (c == kEnd) fail("unterminated quoted field", openLine, openColumn, kQuotingFix);
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
    // Across lines, the likely fault is an unclosed quote where the field opened: name that line.
    if (line_ != openLine)
      fail("a quoted field opens here and runs on to line " + std::to_string(line_) + ", where " + describe(after) +
               " follows its closing quote; is the quote here missing its closing quote?",
           openLine, openColumn, kQuotingFix);
    // A quoted field followed by ; | or a tab is most likely a file with another delimiter.
    std::string fix = after == ';' || after == '|' || after == '\t'
                          ? "The file seems to separate fields with " + describe(after) + ": read it with -Delimiter " +
                                (after == '\t' ? std::string("\"`t\"") : "'" + std::string(1, char(after)) + "'")
                          : std::string(kQuotingFix);
    fail("unexpected " + describe(after) + " after a closing quote; a quote inside a quoted field is written \"\"",
         line_, column_, fix);
  }
}

void CsvReader::readUnquoted(std::string& field) {
  for (int c = peek(); c != kEnd && c != delimiter_ && !isLineBreak(c); c = peek()) {
    if (c == '"')
      fail("quote inside an unquoted field; quote the whole field and double the quote", line_, column_, kQuotingFix);
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

bool csvNeedsQuotes(std::string_view value, char delimiter) {
  auto isBlank = [](char c) { return c == ' ' || c == '\t'; };
  return value.find_first_of(std::string{delimiter, '"', '\r', '\n'}) != std::string_view::npos ||
         (!value.empty() && (isBlank(value.front()) || isBlank(value.back()))) || value.substr(0, 3) == "\xEF\xBB\xBF";
}

std::string csvField(std::string_view value, char delimiter, Quoting quoting) {
  if (quoting == Quoting::Never || (quoting == Quoting::AsNeeded && !csvNeedsQuotes(value, delimiter)))
    return std::string(value);
  std::string out = "\"";
  for (char c : value) {
    if (c == '"') out += '"';
    out += c;
  }
  out += '"';
  return out;
}

std::string csvLine(const std::vector<std::string>& fields, char delimiter, Quoting quoting) {
  std::string line;
  for (size_t i = 0; i < fields.size(); ++i) {
    if (i > 0) line += delimiter;
    line += csvField(fields[i], delimiter, quoting);
  }
  line += '\n';
  return line;
}

}  // namespace plush::format
