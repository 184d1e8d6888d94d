// Session::Change: the savepoint around one state-changing call (rolled back unless committed).
#pragma once

#include "tenant/license_engine.h"
#include "tenant/session.h"

namespace plush::tenant {

class Session::Change {
 public:
  // A new outermost transaction may see another process's changes: then caches start afresh.
  // In a batch, the first call opens the outermost transaction and leaves it open for the batch;
  // the calls after it are savepoints inside. (The first needs none: failing, it rolls back only
  // itself. So a pipeline of one big call, such as a group license, pays for no savepoint.)
  explicit Change(Session& s) : session_(s) {
    bool outermost = session_.store_->depth() == 0;
    adopt_ = outermost && session_.batchDepth_ > 0;
    session_.store_->begin();
    if (adopt_) {
      session_.batchOpen_ = true;
      session_.batchOpened_ = std::chrono::steady_clock::now();
    }
    try {
      if (outermost) session_.engine_->syncWith(session_.store_->dataVersion());  // read within the new snapshot
    } catch (...) {  // no destructor runs for a constructor that throws
      session_.store_->rollback();
      if (adopt_) session_.batchOpen_ = false;
      throw;
    }
    generation_ = session_.engine_->generation();
    auditMark_ = session_.pendingAudit_.size();
  }
  Change(const Change&) = delete;
  Change& operator=(const Change&) = delete;
  void commit() {
    if (!adopt_) session_.store_->commit();
    done_ = true;
    session_.commitBatchIfDue();
  }
  // Caches may hold rows the rollback undid if the change wrote cached data (it then forgot the
  // caches, moving their generation): only then they go too. A user failing a rule in a bulk run
  // keeps the products and rules the next user needs.
  ~Change() {
    if (done_) return;
    try {
      session_.store_->rollback();
    } catch (...) {
    }
    if (adopt_) session_.batchOpen_ = false;  // it held only this call
    if (session_.pendingAudit_.size() > auditMark_) session_.pendingAudit_.resize(auditMark_);
    if (session_.engine_->generation() != generation_) session_.engine_->forget();
  }

 private:
  Session& session_;
  bool done_ = false;
  bool adopt_ = false;  // this call's transaction becomes the batch's when it succeeds
  uint64_t generation_ = 0;
  size_t auditMark_ = 0;  // the batch's audit rows before this call
};

}  // namespace plush::tenant
