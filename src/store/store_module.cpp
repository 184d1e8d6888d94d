// Finds and loads a store module on first use: beside the binary (a build folder), else in PREFIX/lib/plush.
#include "store/store_module.h"

#include <dlfcn.h>

#include <filesystem>
#include <vector>

#include "store/schema.h"
#include "tenant/errors.h"

namespace plush::store {

namespace fs = std::filesystem;
namespace category = tenant::category;

namespace {

constexpr const char* kReinstall = "Reinstall plush (the module is part of its package), or use a SQLite tenant file";

std::vector<fs::path> placesFor(const std::string& file) {
  fs::path bin = fs::read_symlink("/proc/self/exe").parent_path();
  return {bin / file, (bin / PLUSH_MODULES_FROM_BIN / file).lexically_normal()};
}

const StoreModule& check(const StoreModule* module, const fs::path& place, const std::string& what) {
  if (std::string(module->storeInterface) == PLUSH_STORE_INTERFACE && module->schemaVersion() == schemaVersion())
    return *module;
  tenant::fail("StoreModuleMismatch", category::ResourceUnavailable, place.string(),
               "plush's " + what + " module " + place.string() + " was built with another plush (schema " +
                   std::to_string(module->schemaVersion()) + ", this plush writes schema " +
                   std::to_string(schemaVersion()) + ")",
               kReinstall);
}

const StoreModule& load(const std::string& file, const char* symbol, const std::string& what) {
  std::vector<fs::path> places = placesFor(file);
  for (const fs::path& place : places) {
    std::error_code ec;
    if (!fs::exists(place, ec)) continue;
    // RTLD_NOW: a library it needs that is missing shows here, as an error, not later as a crash.
    void* handle = dlopen(place.c_str(), RTLD_NOW | RTLD_LOCAL);
    if (!handle)
      tenant::fail("StoreModuleUnusable", category::ResourceUnavailable, place.string(),
                   "plush cannot load its " + what + " module: " + dlerror(), kReinstall);
    auto* module = static_cast<const StoreModule*>(dlsym(handle, symbol));
    if (!module)
      tenant::fail("StoreModuleUnusable", category::ResourceUnavailable, place.string(),
                   "plush's " + what + " module " + place.string() + " has no " + symbol, kReinstall);
    return check(module, place, what);
  }
  tenant::fail("StoreModuleMissing", category::ResourceUnavailable, file,
               "this plush cannot open a " + what + " store: its module " + file + " is neither in " +
                   places[0].parent_path().string() + " nor in " + places[1].parent_path().string(),
               kReinstall);
}

}  // namespace

const StoreModule& postgresModule() {
  static const StoreModule& module = load("plush-postgres.so", "plush_postgres_store", "PostgreSQL");
  return module;
}

}  // namespace plush::store
