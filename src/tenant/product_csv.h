// Reading Microsoft's "Product names and service plan identifiers for licensing" CSV (SPEC §8).
#pragma once

#include <istream>
#include <string>
#include <vector>

#include "tenant/entities.h"

namespace plush::tenant {

// RFC 4180: quoted fields with "" escapes, embedded commas and newlines, CRLF or LF, a BOM.
class CsvReader {
 public:
  CsvReader(std::istream& in, std::string name);
  // The next record and the line it starts on; false at the end. Throws InvalidCsv.
  bool next(std::vector<std::string>& fields, size_t& line);

 private:
  [[noreturn]] void bad(size_t line, const std::string& why) const;
  std::istream& in_;
  std::string name_;
  size_t line_ = 1;
};

// One Product per SkuId with its plans in file order (AppliesTo "User"; no Requires: the CSV
// holds neither). Throws InvalidCsv naming file:line.
std::vector<Product> readProductCsv(const std::string& path);

}  // namespace plush::tenant
