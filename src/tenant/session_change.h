// Session::Change: the savepoint around one state-changing call (rolled back unless committed).
#pragma once

#include "tenant/license_engine.h"
#include "tenant/session.h"

namespace plush::tenant {

class Session::Change {
 public:
  // A new outermost transaction may see another process's changes: then caches start afresh.
  // In a batch the outermost transaction is the batch's, and each call is a savepoint inside it.
  explicit Change(Session& s) : session_(s) {
    bool fresh = session_.openBatchIfWanted() || session_.store_->depth() == 0;
    session_.store_->begin();
    if (fresh) session_.engine_->syncWith(session_.store_->dataVersion());  // read within the new snapshot
    generation_ = session_.engine_->generation();
  }
  Change(const Change&) = delete;
  Change& operator=(const Change&) = delete;
  void commit() {
    session_.store_->commit();
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
    if (session_.engine_->generation() != generation_) session_.engine_->forget();
  }

 private:
  Session& session_;
  bool done_ = false;
  uint64_t generation_ = 0;
};

}  // namespace plush::tenant
