// The --what-if summary: the changes a run made (from its audit rows) and the errors it met, by kind.
#pragma once
#include <cstdint>
#include <map>
#include <ostream>
#include <string>

#include <lua.hpp>

#include "tenant/session.h"

namespace plush::cmdlets {

// How many audit rows the store holds now: the run's changes are the rows after this mark.
int64_t auditMark(tenant::Session& session);

class TenantContext;

// The runtime's -WhatIf hooks: __plush.whatif_begin() -> mark; __plush.whatif_end(mark) -> the
// changes since the mark as lines, after rolling them back.
void registerWhatIfHooks(lua_State* L, TenantContext& context);

void writeWhatIfSummary(tenant::Session& session, int64_t mark, const std::map<std::string, int>& errorCounts,
                        std::ostream& out);

}  // namespace plush::cmdlets
