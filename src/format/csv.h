// RFC 4180 CSV: a streaming record reader with positioned errors, and field/line writers.
#pragma once

#include <istream>
#include <memory>
#include <sstream>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace plush::format {

struct CsvError {
  std::string message;
  long line = 0;    // 1-based, of the input
  long column = 0;  // 1-based, in characters (code points), not bytes
};

class CsvParseError : public std::runtime_error {
 public:
  explicit CsvParseError(CsvError error);
  const CsvError& error() const { return error_; }

 private:
  CsvError error_;
};

// Reads one record at a time, so a large file is never held whole. Accepts a UTF-8 BOM,
// CRLF, LF or a lone CR between records, a last record without a line break, quoted fields
// with delimiters, "" and line breaks inside. Blank lines are skipped, as Import-Csv does.
// Throws CsvParseError on an unterminated quote (at the line and column where the quoted
// field opened), a quote inside an unquoted field, or text after a closing quote.
class CsvReader {
 public:
  explicit CsvReader(std::istream& in, char delimiter = ',');
  explicit CsvReader(std::string text, char delimiter = ',');

  bool next(std::vector<std::string>& fields);  // false at the end of the input
  long line() const { return recordLine_; }     // where the last returned record started

 private:
  int peek();
  int rawTake();
  int take();
  void skipBom();
  [[noreturn]] void fail(std::string message, long line, long column) const;
  void readQuoted(std::string& field);
  void readUnquoted(std::string& field);
  bool atRecordEnd();

  std::unique_ptr<std::istringstream> ownedText_;
  std::istream& in_;
  std::string pending_;  // bytes read while looking for a BOM that was not there
  char delimiter_;
  long line_ = 1;
  long column_ = 1;
  long recordLine_ = 0;
  bool bomChecked_ = false;
};

// The field as written: in double quotes (inner quotes doubled) when it holds the delimiter,
// a quote, CR or LF, or starts or ends with a space or tab, which some readers would trim.
std::string csvField(std::string_view value, char delimiter = ',');

// The fields joined by the delimiter, ending in "\n": PowerShell 7 writes LF on Linux, and
// every RFC 4180 reader (this one included) accepts it.
std::string csvLine(const std::vector<std::string>& fields, char delimiter = ',');

}  // namespace plush::format
