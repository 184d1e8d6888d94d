// Transaction cmdlets: Start-Transaction, Complete-Transaction, Undo-Transaction.
#include "cmdlets/nouns.h"

namespace plush::cmdlets {

void registerTransactionCmdlets(lua_State* L, TenantContext& ctx) {
  shell::registerCmdlet(L, {
      .name = "Start-Transaction",
      .synopsis = "Group the following changes into one all-or-nothing transaction.",
      .description = "Until Complete-Transaction or Undo-Transaction, every change is held in one transaction; "
                     "other processes see none of it until it completes. Transactions nest.",
      .examples = {{"Start-Transaction; Set-UserLicense a@contoso.com -Add SPE_E3; Complete-Transaction", "Together."}},
      .process = [&ctx](shell::Call& c) { guarded(c, [&] { ctx.session().begin(); }); },
  });
  shell::registerCmdlet(L, {
      .name = "Complete-Transaction",
      .synopsis = "Commit the changes since Start-Transaction.",
      .examples = {{"Complete-Transaction", "Keep the changes."}},
      .process = [&ctx](shell::Call& c) { guarded(c, [&] { ctx.session().commit(); }); },
  });
  shell::registerCmdlet(L, {
      .name = "Undo-Transaction",
      .synopsis = "Roll back the changes since Start-Transaction.",
      .examples = {{"Undo-Transaction", "Forget the changes."}},
      .process = [&ctx](shell::Call& c) { guarded(c, [&] { ctx.session().rollback(); }); },
  });
}

}  // namespace plush::cmdlets
