// The interrupt check stores poll (Ctrl-C, SIGTERM, --timeout): set once by the front end.
#include "tenant/tenant_store.h"

namespace plush::tenant {

namespace {
std::function<bool()>& check() {
  static std::function<bool()> interrupted;
  return interrupted;
}
}  // namespace

void setStoreInterruptCheck(std::function<bool()> interrupted) { check() = std::move(interrupted); }

bool storeInterrupted() { return check() && check()(); }

}  // namespace plush::tenant
