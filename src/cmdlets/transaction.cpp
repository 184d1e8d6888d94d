// Transaction cmdlets: Start-Transaction, Complete-Transaction, Undo-Transaction.
#include <optional>

#include "cmdlets/nouns.h"

namespace plush::cmdlets {

namespace {

// A pipeline that several users' CountViolations refused: one warning per product with the quantity
// that covers them all (each error could only count the users refused before it).
void warnShortfalls(lua_State* L, const std::vector<tenant::RunShortfall>& shortfalls) {
  for (const auto& s : shortfalls) {
    if (s.users < 2) continue;  // the one error's own recommendation says it all
    std::string text = s.skuPartNumber + ": this pipeline could not license " + std::to_string(s.users) +
                       " users (CountViolation); " + std::to_string(s.shortfall) +
                       " more licenses cover them all: " + s.recommendation;
    lua_getglobal(L, "__plush");
    lua_getfield(L, -1, "warn");
    lua_pushstring(L, text.c_str());
    lua_call(L, 1, 0);
    lua_pop(L, 1);
  }
}

// __plush.batched(f, ...): pcall(f, ...) with the tenant's calls batched (TenantContext::beginBatch).
// In C, so that no Lua instruction, and so no Ctrl-C hook, runs between the end of the pipeline
// and the commit of what it did.
void pushRecord(lua_State* L, const tenant::ErrorRecord& r) {
  lua_getglobal(L, "__plush");
  lua_getfield(L, -1, "record");
  lua_remove(L, -2);
  lua_createtable(L, 0, 5);
  for (auto [key, value] : {std::pair{"Id", &r.id}, {"Category", &r.category}, {"Target", &r.target},
                            {"Message", &r.message}, {"Recommendation", &r.recommendation}}) {
    if (value->empty()) continue;
    lua_pushlstring(L, value->data(), value->size());
    lua_setfield(L, -2, key);
  }
  lua_call(L, 1, 1);
}

int batched(lua_State* L) {
  auto& ctx = *static_cast<TenantContext*>(lua_touserdata(L, lua_upvalueindex(1)));
  luaL_checktype(L, 1, LUA_TFUNCTION);
  ctx.beginBatch();
  int status = lua_pcall(L, lua_gettop(L) - 1, 1, 0);
  std::optional<tenant::ErrorRecord> failed;
  std::vector<tenant::RunShortfall> shortfalls;
  try {
    shortfalls = ctx.endBatch();
  } catch (const tenant::TenantError& e) {
    failed = e.record;
  } catch (const std::exception& e) {
    failed = tenant::makeError("StoreError", tenant::category::InvalidOperation, "", e.what());
  }
  warnShortfalls(L, shortfalls);
  if (failed && status == LUA_OK) {  // the last commit of the run failed: an error record, as any store error
    lua_pop(L, 1);
    pushRecord(L, *failed);
    status = LUA_ERRRUN;
  }
  lua_pushboolean(L, status == LUA_OK);
  lua_insert(L, -2);
  return 2;
}

// __plush.changes_made() -> changes made so far (a changing pipeline's progress line counts from it).
int changesMade(lua_State* L) {
  auto& ctx = *static_cast<TenantContext*>(lua_touserdata(L, lua_upvalueindex(1)));
  lua_pushinteger(L, ctx.changesMade());
  return 1;
}

}  // namespace

void registerTransactionCmdlets(lua_State* L, TenantContext& ctx) {
  lua_getglobal(L, "__plush");
  lua_pushlightuserdata(L, &ctx);
  lua_pushcclosure(L, batched, 1);
  lua_setfield(L, -2, "batched");
  lua_pushlightuserdata(L, &ctx);
  lua_pushcclosure(L, changesMade, 1);
  lua_setfield(L, -2, "changes_made");
  lua_pop(L, 1);

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
