// Reading Microsoft's "Product names and service plan identifiers for licensing" CSV (SPEC §8).
#include "tenant/product_csv.h"

#include <cctype>
#include <fstream>
#include <map>

#include "tenant/errors.h"
#include "tenant/text.h"

namespace plush::tenant {

CsvReader::CsvReader(std::istream& in, std::string name) : in_(in), name_(std::move(name)) {
  if (in_.peek() == 0xEF) {
    char bom[3];
    in_.read(bom, 3);
    if (std::string(bom, 3) != "\xEF\xBB\xBF") bad(1, "it starts with bytes that are not UTF-8");
  }
}

void CsvReader::bad(size_t line, const std::string& why) const {
  fail("InvalidCsv", category::InvalidData, name_ + ":" + std::to_string(line),
       name_ + ":" + std::to_string(line) + ": " + why + ".");
}

bool CsvReader::next(std::vector<std::string>& fields, size_t& line) {
  fields.clear();
  if (in_.peek() == std::char_traits<char>::eof()) return false;
  line = line_;
  std::string field;
  bool quoted = false, wasQuoted = false;
  for (int c; (c = in_.get()) != std::char_traits<char>::eof();) {
    if (quoted) {
      if (c == '"' && in_.peek() == '"') field += static_cast<char>(in_.get());
      else if (c == '"') quoted = false;
      else {
        if (c == '\n') ++line_;
        field += static_cast<char>(c);
      }
      continue;
    }
    if (c == '"') {
      if (!field.empty() || wasQuoted) bad(line_, "a quote inside an unquoted field");
      quoted = wasQuoted = true;
    } else if (c == ',') {
      fields.push_back(std::move(field));
      field.clear();
      wasQuoted = false;
    } else if (c == '\r' && in_.peek() == '\n') {
      continue;
    } else if (c == '\n') {
      ++line_;
      fields.push_back(std::move(field));
      return true;
    } else {
      if (wasQuoted) bad(line_, "text after a closing quote");
      field += static_cast<char>(c);
    }
  }
  if (quoted) bad(line, "a quoted field that never ends");
  fields.push_back(std::move(field));
  return true;
}

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
           path + ":1: the column " + want + " is missing (expected " + join(kColumns, ",") + ").");
    at.push_back(i);
  }
  return at;
}

}  // namespace

std::vector<Product> readProductCsv(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) fail("InvalidCsv", category::ObjectNotFound, path, "The file " + path + " cannot be read.");
  CsvReader reader(in, path);
  std::vector<std::string> f;
  size_t line = 0;
  if (!reader.next(f, line)) fail("InvalidCsv", category::InvalidData, path + ":1", path + ":1: the file is empty.");
  std::vector<size_t> col = columnPositions(f, path);
  std::vector<Product> products;
  std::map<std::string, size_t> bySkuId;
  while (reader.next(f, line)) {
    if (f.size() == 1 && f[0].empty()) continue;  // a blank line
    if (f.size() < kColumns.size())
      fail("InvalidCsv", category::InvalidData, path + ":" + std::to_string(line),
           path + ":" + std::to_string(line) + ": " + std::to_string(f.size()) + " fields where " +
               std::to_string(kColumns.size()) + " are expected.");
    auto field = [&](size_t k) { return trimmed(f.at(col[k])); };
    std::string skuId = lower(field(2)), planId = lower(field(4));
    if (field(1).empty() || !isGuid(skuId) || !isGuid(planId))
      fail("InvalidCsv", category::InvalidData, path + ":" + std::to_string(line),
           path + ":" + std::to_string(line) + ": String_Id must be set and GUID and Service_Plan_Id must be GUIDs.");
    auto [it, fresh] = bySkuId.emplace(skuId, products.size());
    if (fresh) products.push_back(Product{field(1), skuId, field(0), "User", {}, {}});
    products[it->second].ServicePlans.push_back(ServicePlan{field(3), planId, field(5), false});
  }
  return products;
}

}  // namespace plush::tenant
