// Microsoft Graph shapes for ConvertTo-Json of users, products and licenses (SPEC §8).
#pragma once
#include <lua.hpp>

#include "cmdlets/registry.h"

namespace plush::cmdlets {

// Sets __plush.graphView.User / .Product / .License: functions from a plush object to its Graph shape.
void registerGraphViews(lua_State* L, TenantContext& context);

}  // namespace plush::cmdlets
