// For the import harnesses: one tenant store in a private temporary folder, a file to write each input to.
#pragma once

#include <unistd.h>

#include <cstdlib>
#include <fstream>
#include <memory>
#include <string>

#include "tenant/errors.h"
#include "tenant/session.h"

namespace plush::fuzz {

struct ImportTarget {
  std::string dir;
  std::unique_ptr<tenant::Session> session;

  ImportTarget() {
    char pattern[] = "/tmp/plush-fuzz-XXXXXX";
    dir = mkdtemp(pattern);
    tenant::NewTenantOptions o;
    o.name = "Contoso";
    o.defaultUsageLocation = "US";
    o.catalogPath = PLUSH_SOURCE_DIR "/stdlib/catalog.json";
    tenant::createTenant(dir + "/tenant.db", o);
    tenant::SessionOptions s;
    s.storePath = dir + "/tenant.db";
    s.now = s.wallClock = "2026-11-22T08:00:00Z";
    session = std::make_unique<tenant::Session>(s);
  }

  // The input as a file named `name`, for an import that reads files.
  std::string write(const char* name, const uint8_t* data, size_t size) const {
    std::string path = dir + "/" + name;
    std::ofstream(path, std::ios::binary | std::ios::trunc).write(reinterpret_cast<const char*>(data), size);
    return path;
  }
};

// A refusal must be one of plush's error ids; any other exception escapes to libFuzzer as a finding.
template <typename Import>
void importOrRefuse(ImportTarget& target, Import import) {
  target.session->begin();
  try {
    import();
  } catch (const tenant::TenantError&) {
  }
  target.session->rollback();  // each input starts from the same tenant
}

}  // namespace plush::fuzz
