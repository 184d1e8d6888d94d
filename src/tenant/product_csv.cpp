// Reading Microsoft's "Product names and service plan identifiers for licensing" CSV (SPEC §8).
#include "tenant/product_csv.h"

#include <algorithm>
#include <cctype>
#include <fstream>
#include <map>

#include "format/csv.h"

#include "tenant/errors.h"
#include "tenant/text.h"

namespace plush::tenant {

namespace {

// Microsoft's file pads some values with spaces and no-break spaces (U+00A0).
std::string trimmed(const std::string& s) {
  size_t begin = 0, end = s.size();
  auto spaceAt = [&](size_t i, bool back) -> size_t {
    if (std::isspace(static_cast<unsigned char>(s[i]))) return 1;
    if (!back && i + 1 < end && s.compare(i, 2, "\xC2\xA0") == 0) return 2;
    if (back && i >= 1 && i - 1 >= begin && s.compare(i - 1, 2, "\xC2\xA0") == 0) return 2;
    return 0;
  };
  while (begin < end) {
    size_t n = spaceAt(begin, false);
    if (!n) break;
    begin += n;
  }
  while (end > begin) {
    size_t n = spaceAt(end - 1, true);
    if (!n) break;
    end -= n;
  }
  return s.substr(begin, end - begin);
}

const std::vector<std::string> kColumns = {"Product_Display_Name", "String_Id", "GUID", "Service_Plan_Name",
                                           "Service_Plan_Id", "Service_Plans_Included_Friendly_Names"};

std::vector<size_t> columnPositions(const std::vector<std::string>& header, const std::string& path) {
  std::vector<size_t> at;
  for (const std::string& want : kColumns) {
    size_t i = 0;
    while (i < header.size() && !iequals(header[i], want)) ++i;
    if (i == header.size())
      fail("InvalidCsv", category::InvalidData, path + ":1",
           path + ":1: the column " + want + " is missing (expected " + join(kColumns, ",") + ").",
           "Download the file again from Microsoft's page \"Product names and service plan identifiers for licensing\"");
    at.push_back(i);
  }
  return at;
}

}  // namespace

namespace {

[[noreturn]] void badLine(const std::string& path, long line, const std::string& why, const std::string& fix = "") {
  std::string at = path + ":" + std::to_string(line);
  fail("InvalidCsv", category::InvalidData, at, at + ": " + why + ".", fix);
}

// The whole file is read before anything is written: a bad line anywhere changes nothing.
std::vector<Product> readProducts(format::CsvReader& reader, const std::string& path) {
  std::vector<std::string> f;
  if (!reader.next(f)) badLine(path, 1, "the file is empty");
  std::vector<size_t> col = columnPositions(f, path);
  size_t needed = *std::max_element(col.begin(), col.end()) + 1;
  std::vector<Product> products;
  std::map<std::string, size_t> bySkuId;
  while (reader.next(f)) {
    long line = reader.line();
    if (f.size() < needed)
      badLine(path, line, std::to_string(f.size()) + " fields where the header names " + std::to_string(needed));
    auto field = [&](size_t k) { return trimmed(f[col[k]]); };
    std::string skuId = lower(field(2)), planId = lower(field(4));
    if (field(1).empty() || !isGuid(skuId) || !isGuid(planId))
      badLine(path, line, "String_Id must be set and GUID and Service_Plan_Id must be GUIDs");
    auto [it, fresh] = bySkuId.emplace(skuId, products.size());
    if (fresh) products.push_back(Product{field(1), skuId, field(0), "User", {}, {}});
    products[it->second].ServicePlans.push_back(ServicePlan{field(3), planId, field(5), false});
  }
  return products;
}

}  // namespace

std::vector<Product> readProductCsv(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) fail("InvalidCsv", category::ObjectNotFound, path, "The file " + path + " cannot be read.");
  format::CsvReader reader(in);
  try {
    return readProducts(reader, path);
  } catch (const format::CsvParseError& e) {
    const format::CsvError& err = e.error();
    badLine(path, err.line,
            err.message + (err.column > 0 ? " (column " + std::to_string(err.column) + ")" : std::string()), err.fix);
  }
}

}  // namespace plush::tenant
