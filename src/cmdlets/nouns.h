// What every cmdlet file includes, and the registration function each noun file defines.
#pragma once
#include <lua.hpp>

#include "cmdlets/objects.h"
#include "cmdlets/registry.h"
#include "shell/cmdlet.h"
#include "tenant/session.h"

namespace plush::cmdlets {

void registerTenantCmdlets(lua_State* L, TenantContext& ctx);
void registerProductCmdlets(lua_State* L, TenantContext& ctx);
void registerSubscriptionCmdlets(lua_State* L, TenantContext& ctx);
void registerLicenseCmdlets(lua_State* L, TenantContext& ctx);
void registerGroupLicenseCmdlets(lua_State* L, TenantContext& ctx);
void registerUserCmdlets(lua_State* L, TenantContext& ctx);
void registerGroupCmdlets(lua_State* L, TenantContext& ctx);
void registerRoleCmdlets(lua_State* L, TenantContext& ctx);
void registerAuditCmdlets(lua_State* L, TenantContext& ctx);
void registerTransactionCmdlets(lua_State* L, TenantContext& ctx);
void registerGraphRequestCmdlets(lua_State* L, TenantContext& ctx);
void registerCapacityCmdlets(lua_State* L, TenantContext& ctx);
void registerBotCmdlets(lua_State* L, TenantContext& ctx);

// Common parameter shapes, so every cmdlet names users, products and groups alike.
shell::Param userParam(const char* name, int position, bool mandatory, bool list, const char* help);
shell::Param productParam(const char* name, int position, bool mandatory, bool list, const char* help);
shell::Param groupParam(const char* name, int position, bool mandatory, const char* help);

// An optional string parameter's value, or nullopt when not given.
inline std::optional<std::string> opt(shell::Call& c, const char* name) { return c.str(name); }

}  // namespace plush::cmdlets
