// Fuzz harness: Import-Tenant on any bytes, as a Graph page (first byte odd) or as plush's own export:
// it imports or refuses with a plush error id.
#include <cstdint>

#include "import_fuzz.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static plush::fuzz::ImportTarget target;
  if (size == 0) return 0;
  const char* format = data[0] % 2 ? "graph" : "plush";
  std::string path = target.write("tenant.json", data + 1, size - 1);
  plush::fuzz::importOrRefuse(target, [&] { target.session->importTenant({path}, format, true); });
  return 0;
}
