// The tenant cmdlets: the session they share (store, acting admin, clock) and their registration.
#pragma once
#include <lua.hpp>

#include <functional>
#include <iosfwd>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "tenant/entities.h"

namespace plush::tenant {
class Session;
}

namespace plush::cmdlets {

struct TenantOptions {
  std::string storePath;    // empty with demo: in memory
  std::string actingUpn;    // empty: the first Global Administrator
  std::string now;          // the clock, ISO 8601; empty: the system clock
  std::string catalogPath;  // stdlib/catalog.json
  std::string demoPath;     // stdlib/demo.json
  bool demo = false;
  int batchCommitMs = 200;  // how long a bulk pipeline's finished calls wait for their commit
  std::function<bool()> interrupted;  // polled by long engine loops (group licensing, imports): Ctrl-C
};

// The open tenant: opened (and created) on first use, switched by Connect-Tenant.
class TenantContext {
 public:
  explicit TenantContext(TenantOptions options);
  ~TenantContext();

  tenant::Session& session();
  const TenantOptions& options() const { return options_; }
  void connect(const std::string& path, const std::string& actingUpn);
  // Another store that holds a tenant, opened as this session's admin (Copy-Tenant -From).
  std::unique_ptr<tenant::Session> openOther(const std::string& location);
  std::string promptLabel();

  // A whole run as one transaction, for --what-if and --atomic.
  void beginRun();
  void endRunWhatIf(std::ostream& out, const std::map<std::string, int>& errorCounts,
                    const std::string& graphRequestsPath = "");
  void endRunAtomic(bool commit);
  // --graph-requests FILE: the audit mark where the run starts (beginRun sets it too), and at its end
  // (before a --what-if rolls back) the Graph requests of its changes, written to the file.
  void markRun();
  void writeRunGraphRequests(const std::string& path, std::ostream& out);
  // Close the store before the process leaves mid-run (os.exit): an open transaction is rolled back.
  void close();
  // Ctrl-C at the prompt: roll back what the stopped statement left open, down to the transactions
  // that were open before it (an admin's own Start-Transaction stays).
  int transactionDepth();
  void abandonChange(int keepDepth);
  // A pipeline with a changing cmdlet: its calls share commits (Session::beginBatch), also when
  // the store is only opened by the pipeline's first command.
  // endBatch gives what the pipeline could not license for want of licenses (Session::endBatch).
  void beginBatch();
  long long changesMade() const;  // audited changes of this session; none while no store is open
  std::vector<tenant::RunShortfall> endBatch();

 private:
  void open();
  TenantOptions options_;
  std::unique_ptr<tenant::Session> session_;
  long long runAuditMark_ = 0;
  int batchDepth_ = 0;
};

void registerAll(lua_State* L, TenantContext& context);

}  // namespace plush::cmdlets
