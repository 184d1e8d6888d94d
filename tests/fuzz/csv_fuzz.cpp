// Fuzz harness: the CSV reader on any bytes reads records or throws CsvParseError, and what it reads
// survives a round trip through the writer (the check that found reliability D15).
#include <cstdint>
#include <cstdlib>
#include <string>
#include <vector>

#include "format/csv.h"

namespace {
std::vector<std::vector<std::string>> readAll(std::string text, char delimiter) {
  plush::format::CsvReader reader(std::move(text), delimiter);
  std::vector<std::vector<std::string>> records;
  for (std::vector<std::string> fields; reader.next(fields);) records.push_back(fields);
  return records;
}
}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  char delimiter = data[0] % 2 ? ';' : ',';
  std::string text(reinterpret_cast<const char*>(data) + 1, size - 1);
  std::vector<std::vector<std::string>> records;
  try {
    records = readAll(text, delimiter);
  } catch (const plush::format::CsvParseError& e) {
    if (e.error().line < 1) abort();
    return 0;
  }
  std::string written;
  for (const auto& r : records) {
    // One empty field is a blank line, which the reader skips: quote it (Always) so it is kept.
    bool blank = r.size() == 1 && r[0].empty();
    written += plush::format::csvLine(r, delimiter, blank ? plush::format::Quoting::Always : plush::format::Quoting::AsNeeded);
    written += "\r\n";
  }
  if (readAll(written, delimiter) != records) abort();
  return 0;
}
