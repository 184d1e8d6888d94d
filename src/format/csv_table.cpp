// CSV as Import-Csv reads it: a header row naming the columns (PowerShell's rules), then rows.
#include "format/csv_table.h"

#include <utf8proc.h>

#include <cctype>
#include <cstdlib>
#include <map>

namespace plush::format {

namespace {

// Names compare as PowerShell's property names do: without regard to case.
std::string folded(const std::string& name) {
  utf8proc_uint8_t* out = nullptr;
  utf8proc_ssize_t n = utf8proc_map(reinterpret_cast<const utf8proc_uint8_t*>(name.data()),
                                    static_cast<utf8proc_ssize_t>(name.size()), &out, UTF8PROC_CASEFOLD);
  if (n < 0) return name;
  std::string result(reinterpret_cast<char*>(out), static_cast<size_t>(n));
  std::free(out);
  return result;
}

bool isTypeLine(const std::vector<std::string>& record) {
  const std::string& first = record.front();
  if (first.size() < 5) return false;
  std::string head = first.substr(0, 5);
  for (char& c : head) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return head == "#TYPE" && (first.size() == 5 || first[5] == ' ');
}

}  // namespace

CsvTable::CsvTable(std::istream& in, char delimiter) : reader_(in, delimiter) {}

CsvTable::CsvTable(std::string text, char delimiter) : reader_(std::move(text), delimiter) {}

const std::vector<std::string>& CsvTable::header() {
  if (headerRead_) return header_;
  headerRead_ = true;
  if (!reader_.next(header_)) return header_;
  if (isTypeLine(header_) && !reader_.next(header_)) {
    header_.clear();
    return header_;
  }
  bool named = false;
  std::map<std::string, size_t> seen;
  for (size_t i = 0; i < header_.size(); ++i) {
    if (header_[i].empty()) {
      header_[i] = "H" + std::to_string(i + 1);
      named = true;
    }
    auto [it, fresh] = seen.emplace(folded(header_[i]), i);
    if (!fresh)
      reader_.fail("The member \"" + header_[i] + "\" is already present.", reader_.line(), 0,
                   "Rename one of the columns named \"" + header_[i] + "\" (columns " +
                       std::to_string(it->second + 1) + " and " + std::to_string(i + 1) + " of the header line).");
  }
  if (named)
    warnings_.push_back(
        "One or more headers were not specified. Default names starting with \"H\" have been used in place of any "
        "missing headers.");
  return header_;
}

bool CsvTable::next(std::vector<std::string>& row) {
  header();
  return !header_.empty() && reader_.next(row);
}

void checkCsv(CsvTable& table, const std::function<bool()>& interrupted) {
  std::vector<std::string> row;
  for (unsigned rows = 1; table.next(row); ++rows)
    if ((rows & 0xFFF) == 0 && interrupted && interrupted()) return;
}

}  // namespace plush::format
