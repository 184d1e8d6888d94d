// The tenant cmdlets' shared session (store, acting admin, clock) and their registration.
#include "cmdlets/registry.h"

#include <filesystem>
#include <ostream>

#include "cmdlets/graph.h"
#include "cmdlets/mg_common.h"
#include "cmdlets/nouns.h"
#include "cmdlets/what_if.h"
#include "tenant/session.h"

namespace plush::cmdlets {

namespace {

constexpr const char* kInMemory = ":memory:";

// A store created on first use, when the admin has not made one with New-Tenant.
tenant::NewTenantOptions firstUseOptions(const TenantOptions& o) {
  tenant::NewTenantOptions n;
  n.name = o.demo ? "Contoso" : "Tenant";
  n.catalogPath = o.catalogPath;
  n.demoPath = o.demo ? o.demoPath : "";
  n.now = o.now;
  return n;
}

tenant::SessionOptions sessionOptions(const TenantOptions& o, const std::string& path) {
  tenant::SessionOptions s;
  s.storePath = path;
  s.actingUpn = o.actingUpn;
  s.now = o.now;
  s.catalogPath = o.catalogPath;
  s.batchCommitMs = o.batchCommitMs;
  s.onCreate = firstUseOptions(o);
  return s;
}

}  // namespace

TenantContext::TenantContext(TenantOptions options) : options_(std::move(options)) {
  if (options_.interrupted) tenant::setStoreInterruptCheck(options_.interrupted);
}

TenantContext::~TenantContext() = default;

void TenantContext::open() {
  std::string path = options_.storePath.empty() ? kInMemory : options_.storePath;
  bool server = tenant::isServerLocation(path);
  bool fresh = path == kInMemory || (!server && !std::filesystem::exists(path));
  if (fresh && path != kInMemory) {
    auto parent = std::filesystem::path(path).parent_path();
    if (!parent.empty()) std::filesystem::create_directories(parent);
  }
  // A database is opened as it is: the Session makes the tenant there if it has none yet.
  try {
    if (fresh) {
      session_ = tenant::Session::create(firstUseOptions(options_), sessionOptions(options_, path));
    } else {
      session_ = std::make_unique<tenant::Session>(sessionOptions(options_, path));
    }
  } catch (const tenant::TenantError& e) {
    // Without its store a run can only go wrong quietly (a job would read "no users" as "nothing to
    // do"): the error ends the run, exit 2, so a scheduler tells a broken store from a finding.
    throw tenant::TerminatingError(e.record);
  }
  if (options_.interrupted) session_->setInterruptCheck(options_.interrupted);
  if (batchDepth_ > 0) session_->beginBatch();
}

void TenantContext::beginBatch() {
  if (batchDepth_++ == 0 && session_) session_->beginBatch();
}

std::vector<tenant::RunShortfall> TenantContext::endBatch() {
  if (batchDepth_ > 0 && --batchDepth_ == 0 && session_) return session_->endBatch();
  return {};
}

tenant::Session& TenantContext::session() {
  if (!session_) open();
  return *session_;
}

void TenantContext::connect(const std::string& path, const std::string& actingUpn) {
  if (path.empty() && options_.storePath.empty()) {
    // Reopening an in-memory demo would build a new one and lose what this session changed.
    tenant::fail("InMemoryTenant", tenant::category::InvalidOperation, "--demo",
                 "The demo tenant of --demo lives in memory; another admin cannot open it.",
                 "New-Tenant -Path demo.db -Name Contoso -Demo; Connect-Tenant demo.db -As " + actingUpn);
  }
  TenantOptions next = options_;
  if (!path.empty()) {
    next.storePath = path;
    next.demo = false;
  }
  if (!actingUpn.empty()) next.actingUpn = actingUpn;
  if (!path.empty() && !tenant::tenantStoreExists(path, tenant::SessionOptions{}.busyTimeoutMs)) {
    tenant::fail("TenantNotFound", tenant::category::ObjectNotFound, path, "No tenant store at " + path + ".",
                 "New-Tenant -Path " + path + " -Name <name>");
  }
  auto previous = std::move(session_);
  auto saved = options_;
  options_ = next;
  try {
    open();
    session_->actor();  // an unknown admin fails here, and the session stays as it was
  } catch (...) {
    options_ = saved;
    session_ = std::move(previous);
    throw;
  }
}

std::unique_ptr<tenant::Session> TenantContext::openOther(const std::string& location) {
  if (!tenant::tenantStoreExists(location, tenant::SessionOptions{}.busyTimeoutMs))
    tenant::fail("TenantNotFound", tenant::category::ObjectNotFound, location, "No tenant store at " + location + ".",
                 "New-Tenant -Path " + location + " -Name <name>");
  return std::make_unique<tenant::Session>(sessionOptions(options_, location));
}

std::string TenantContext::promptLabel() {
  try {
    return session().tenantName() + " (" + session().actor() + ")";
  } catch (const std::exception&) {
    return "plush";
  }
}

void TenantContext::beginRun() {
  session().begin();
  runAuditMark_ = auditMark(session());
}

void TenantContext::endRunWhatIf(std::ostream& out, const std::map<std::string, int>& errorCounts,
                                 const std::string& graphRequestsPath) {
  writeWhatIfSummary(session(), runAuditMark_, errorCounts, out);
  if (!graphRequestsPath.empty()) writeRunGraphRequests(graphRequestsPath, out);
  while (session().inTransaction()) session().rollback();
}

void TenantContext::markRun() { runAuditMark_ = auditMark(session()); }

void TenantContext::writeRunGraphRequests(const std::string& path, std::ostream& out) {
  out << session().exportGraphRequests(path, runAuditMark_) << "\n";
}

void TenantContext::endRunAtomic(bool commit) {
  while (session().inTransaction()) {
    if (commit) session().commit();
    else session().rollback();
  }
}

long long TenantContext::changesMade() const { return session_ ? session_->changesMade() : 0; }

int TenantContext::transactionDepth() { return session_ ? session_->transactionDepth() : 0; }

void TenantContext::abandonChange(int keepDepth) {
  if (!session_) return;
  while (session_->transactionDepth() > keepDepth) session_->rollback();
}

void TenantContext::close() {
  abandonChange(0);
  session_.reset();
}

void registerAll(lua_State* L, TenantContext& context) {
  declareTenantTypes(L);
  registerTenantCmdlets(L, context);
  registerProductCmdlets(L, context);
  registerSubscriptionCmdlets(L, context);
  registerLicenseCmdlets(L, context);
  registerUserCmdlets(L, context);
  registerGroupCmdlets(L, context);
  registerRoleCmdlets(L, context);
  registerTransactionCmdlets(L, context);
  registerGraphRequestCmdlets(L, context);
  registerCapacityCmdlets(L, context);
  registerBotCmdlets(L, context);
  registerWhatIfHooks(L, context);
  registerGraphViews(L, context);
  registerMgCmdlets(L, context);
}

}  // namespace plush::cmdlets
