// CSV as Import-Csv reads it: a header row naming the columns (PowerShell's rules), then rows.
#pragma once

#include <functional>
#include <istream>
#include <string>
#include <vector>

#include "format/csv.h"

namespace plush::format {

class CsvTable {
 public:
  CsvTable(std::istream& in, char delimiter);
  CsvTable(std::string text, char delimiter);

  // The column names, read on first use. As PowerShell: a first line "#TYPE ..." (written by
  // Windows PowerShell's Export-Csv) is skipped, a blank name becomes H<position> with a warning,
  // and a name given twice, in any case, is refused ("The member "a" is already present.").
  // Empty for an input without records.
  const std::vector<std::string>& header();
  // The next row's values as read: a ragged row holds more or fewer than the header.
  bool next(std::vector<std::string>& row);
  long line() const { return reader_.line(); }  // where the last row (or the header) started
  const std::vector<std::string>& warnings() const { return warnings_; }

 private:
  CsvReader reader_;
  bool headerRead_ = false;
  std::vector<std::string> header_;
  std::vector<std::string> warnings_;
};

// Reads the whole input once, keeping one record at a time: throws its first CsvParseError.
// Import-Csv runs it before the first row goes down the pipeline, so bad input changes nothing.
// Stops early, without a verdict, when `interrupted` says so (Ctrl-C, SIGTERM, --timeout): the
// caller's interrupt handling then ends the run.
void checkCsv(CsvTable& table, const std::function<bool()>& interrupted = {});

}  // namespace plush::format
