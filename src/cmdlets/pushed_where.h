// Where-Object's test handed to Get-User by the pipeline: the part of it the store's query applies exactly.
#pragma once

#include <lua.hpp>

#include <optional>
#include <string>

#include "tenant/filter.h"

namespace plush::cmdlets {

struct PushedWhere {
  std::optional<tenant::FilterNode> query;  // nullopt: nothing is pushed, every user is read
  bool whole = false;                       // the whole test is in the query, not only a part of it
  std::string pushed;                       // what is in the query, as the block writes it
  std::string left;                         // the first comparison left to the block alone, and why
};

// The test kept with the block (lang/pushed_test.h's table) at `index`, read against the user columns.
PushedWhere pushedUserTest(lua_State* L, int index);

}  // namespace plush::cmdlets
