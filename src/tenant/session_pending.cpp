// Session: the calls of stage 2 not written yet; each says so with the id NotImplemented.
#include "tenant/session.h"

namespace plush::tenant {

namespace {
[[noreturn]] void notYet(const char* what) {
  fail("NotImplemented", category::InvalidOperation, what, std::string(what) + " is not implemented yet.");
}
}  // namespace

void Session::exportTenant(const std::string&) { notYet("Export-Tenant"); }
ImportReport Session::importTenant(const std::string&, const std::string&) { notYet("Import-Tenant"); }

}  // namespace plush::tenant
