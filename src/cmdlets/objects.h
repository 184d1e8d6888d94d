// Tenant entities as shell objects: each type with its property order, pushed onto the Lua stack.
#pragma once
#include <lua.hpp>

#include "shell/cmdlet.h"
#include "tenant/capacity.h"
#include "tenant/entities.h"
#include "tenant/errors.h"

namespace plush::cmdlets {

void declareTenantTypes(lua_State* L);

void pushTenantInfo(shell::Call& call, const tenant::TenantInfo& t);
void pushProduct(shell::Call& call, const tenant::Product& p);
void pushSubscription(shell::Call& call, const tenant::Subscription& s);
void pushLicense(shell::Call& call, const tenant::LicenseRow& l);
void pushUserLicense(shell::Call& call, const tenant::UserLicenseRow& l);
void pushUser(shell::Call& call, const tenant::User& u);
void pushUser(lua_State* L, const tenant::User& u);  // the same object, outside a cmdlet's call
void pushGroup(shell::Call& call, const tenant::Group& g);
void pushGroupLicense(shell::Call& call, const tenant::GroupLicenseRow& l);
void pushLicenseError(shell::Call& call, const tenant::LicenseErrorRow& e);
void pushAuditEntry(shell::Call& call, const tenant::AuditEntry& e);
void pushAdminBinding(shell::Call& call, const tenant::AdminBinding& b);
void pushAdminRole(shell::Call& call, const tenant::AdminRole& r);
void pushTenantCapacity(shell::Call& call, const tenant::TenantCapacityRow& c);
void pushBot(shell::Call& call, const tenant::Bot& b);
void pushBotUsage(shell::Call& call, const tenant::BotUsageRow& u);
void pushBotUsageDay(shell::Call& call, const tenant::BotUsageDay& d);
void pushBotUsageImport(shell::Call& call, const tenant::BotUsageImport& r);

// Emit each item with push; stops early when downstream wants no more.
template <class T, class Push>
void emitAll(shell::Call& call, const std::vector<T>& items, Push push) {
  for (const auto& item : items) {
    push(call, item);
    if (!call.emitTop()) return;
  }
}

// Run a tenant operation: a rule violation becomes a non-terminating error of this call; a
// TerminatingError (the store cannot be opened) or a store that went away (a PostgreSQL server
// stopped: every later call would fail too) ends the run.
template <class F>
void guarded(shell::Call& call, F&& operation) {
  try {
    operation();
  } catch (const tenant::TerminatingError& e) {
    const auto& r = e.record;
    call.terminate({r.id, r.category, r.target, r.message, r.recommendation});
  } catch (const tenant::TenantError& e) {
    const auto& r = e.record;
    if (r.id == "StoreUnavailable") call.terminate({r.id, r.category, r.target, r.message, r.recommendation});
    call.error({r.id, r.category, r.target, r.message, r.recommendation});
  }
}

}  // namespace plush::cmdlets
