// Reading Microsoft's "Product names and service plan identifiers for licensing" CSV (SPEC §8).
#pragma once

#include <string>
#include <vector>

#include "tenant/entities.h"

namespace plush::tenant {

// One Product per SkuId with its plans in file order (AppliesTo "User"; no Requires: the CSV
// holds neither). The file is read as format::CsvReader reads CSV: UTF-8 (Microsoft's has a BOM)
// or UTF-16 with a BOM. Throws InvalidCsv naming file:line: the line where an unclosed quote
// opened, the first line that is not text in the file's encoding.
std::vector<Product> readProductCsv(const std::string& path);

}  // namespace plush::tenant
