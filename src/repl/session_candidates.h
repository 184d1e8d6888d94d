// Completion candidates from the open tenant (products, plans, users, groups, roles) and the Lua state.
#pragma once
#include <lua.hpp>

#include "cmdlets/registry.h"
#include "repl/completion.h"

namespace plush::repl {

class SessionCandidates : public CandidateSource {
 public:
  SessionCandidates(lua_State* L, cmdlets::TenantContext& tenant) : L_(L), tenant_(tenant) {}

  std::vector<std::string> products() override;
  std::vector<std::string> plans(const std::vector<std::string>& products) override;
  std::vector<std::string> users(std::string_view prefix, size_t limit) override;
  std::vector<std::string> groups() override;
  std::vector<std::string> roles() override;
  std::vector<std::string> luaNames(std::string_view partial) override;
  std::vector<std::string> paths(std::string_view partial) override;

 private:
  lua_State* L_;
  cmdlets::TenantContext& tenant_;
};

}  // namespace plush::repl
