// Fuzz harness: Import-Product on any bytes imports products or refuses with a plush error id.
#include <cstdint>

#include "import_fuzz.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static plush::fuzz::ImportTarget target;
  std::string path = target.write("products.csv", data, size);
  plush::fuzz::importOrRefuse(target, [&] { target.session->importProductsCsv(path); });
  return 0;
}
