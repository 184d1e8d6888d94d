// RFC 4180 CSV: a streaming record reader with positioned errors, and field/line writers.
#pragma once

#include <istream>
#include <memory>
#include <sstream>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "format/text_source.h"

namespace plush::format {

struct CsvError {
  std::string message;
  long line = 0;    // 1-based, of the input
  long column = 0;  // 1-based, in characters (code points), not bytes; 0 when no one column is meant
  std::string fix;  // what to do about it
};

class CsvParseError : public std::runtime_error {
 public:
  explicit CsvParseError(CsvError error);
  const CsvError& error() const { return error_; }

 private:
  CsvError error_;
};

// Reads one record at a time, so a large file is never held whole. The input is text as
// TextSource reads it: UTF-8 (a BOM skipped) or UTF-16 with a BOM; any other bytes are an error at
// their line. Accepts CRLF, LF or a lone CR between records, a last record without a line break,
// quoted fields with delimiters, "" and line breaks inside. Blank lines are skipped, as Import-Csv
// does. Throws CsvParseError on an unterminated quote (at the line and column where the quoted
// field opened), a quote inside an unquoted field, text after a closing quote, or bytes that are
// not text in the file's encoding.
class CsvReader {
 public:
  explicit CsvReader(std::istream& in, char delimiter = ',');
  explicit CsvReader(std::string text, char delimiter = ',');

  bool next(std::vector<std::string>& fields);  // false at the end of the input
  long line() const { return recordLine_; }     // where the last returned record started
  const std::string& encoding() const { return source_.encoding(); }
  [[noreturn]] void fail(std::string message, long line, long column, std::string fix) const;

 private:
  int peek();
  int take();
  void readQuoted(std::string& field);
  void readUnquoted(std::string& field);
  bool atRecordEnd();

  std::unique_ptr<std::istringstream> ownedText_;
  std::istream& in_;
  TextSource source_;
  char delimiter_;
  long line_ = 1;
  long column_ = 1;
  long recordLine_ = 0;
};

// How a field is written: PowerShell 7's -UseQuotes. AsNeeded quotes a field that holds the
// delimiter, a quote, CR or LF, starts or ends with a space or tab (which some readers trim), or
// starts with U+FEFF (which a reader would take for a byte order mark at the start of a file).
enum class Quoting { Always, AsNeeded, Never };

// Whether AsNeeded would quote it: Never cannot write such a field faithfully.
bool csvNeedsQuotes(std::string_view value, char delimiter = ',');

// The field as written: in double quotes (inner quotes doubled) as `quoting` says.
std::string csvField(std::string_view value, char delimiter = ',', Quoting quoting = Quoting::AsNeeded);

// The fields joined by the delimiter, ending in "\n": PowerShell 7 writes LF on Linux, and
// every RFC 4180 reader (this one included) accepts it.
std::string csvLine(const std::vector<std::string>& fields, char delimiter = ',', Quoting quoting = Quoting::AsNeeded);

}  // namespace plush::format
