// Session: Copy-Tenant, the whole tenant into an empty store (SQLite <-> PostgreSQL), ids and audit log kept.
#include "tenant/session.h"
#include "tenant/tenant_copy.h"

namespace plush::tenant {

// The source is read inside one transaction of its own (its write lock held), so the copy is one
// consistent picture; the target is written in one transaction, so it holds all of it or nothing.
CopyReport Session::copyTenantTo(const std::string& target) {
  require(Action::TenantSettings);
  commitBatch();
  std::unique_ptr<TenantStore> to = openTenantStore(target, busyTimeoutMs_);
  if (to->hasTenant())
    fail("TenantNotEmpty", category::InvalidOperation, target,
         "The store " + target + " already holds the tenant " + to->tenant().name +
             "; Copy-Tenant copies only into an empty store.",
         "Copy-Tenant -To <a new file, or an empty database>");
  std::string name = store_->tenant().name;
  store_->begin();
  try {
    to->begin();
    CopyReport report = copyStore(*store_, *to, target);
    std::string detail = "from " + location_ + ": " + std::to_string(report.rows) + " rows in " +
                         std::to_string(report.tables) + " tables";
    // Each entry names the login that wrote it while that store's identities are bound (bindings copied).
    AuditEntry into{clock_.nowIso(), actorUpn_, "Copy-Tenant", name, detail};
    if (!to->bindings().empty()) into.Login = to->login();
    to->appendAudit(into);
    to->commit();
    AuditEntry from{clock_.nowIso(), actorUpn_, "Copy-Tenant", name, "to " + target};
    from.Login = boundLogin_;
    store_->appendAudit(from);
    store_->commit();
    return report;
  } catch (...) {
    while (to->depth() > 0) to->rollback();
    store_->rollback();
    throw;
  }
}

}  // namespace plush::tenant
