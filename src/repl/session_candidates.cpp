// Completion candidates from the open tenant (products, plans, users, groups, roles) and the Lua state.
#include "repl/session_candidates.h"

#include <algorithm>

#include "repl/lua_names.h"
#include "repl/path_names.h"
#include "tenant/session.h"

namespace plush::repl {

namespace {

// A store that cannot be read (no access, busy, missing) completes nothing rather than failing the prompt.
template <typename F>
std::vector<std::string> orNothing(F&& read) {
  try {
    return read();
  } catch (const std::exception&) {
    return {};
  }
}

bool names(const tenant::Product& p, const std::vector<std::string>& named) {
  for (const auto& n : named) {
    if (equalsIgnoringCase(p.SkuPartNumber, n) || equalsIgnoringCase(p.DisplayName, n) || equalsIgnoringCase(p.SkuId, n))
      return true;
  }
  return false;
}

std::string odataQuoted(std::string_view text) {
  std::string out = "'";
  for (char c : text) out += c == '\'' ? std::string("''") : std::string(1, c);
  return out + "'";
}

}  // namespace

std::vector<std::string> SessionCandidates::products() {
  return orNothing([&] {
    std::vector<std::string> out;
    for (const auto& p : tenant_.session().products("*")) {
      out.push_back(p.SkuPartNumber);
      if (!p.DisplayName.empty()) out.push_back(p.DisplayName);
    }
    return out;
  });
}

std::vector<std::string> SessionCandidates::plans(const std::vector<std::string>& named) {
  return orNothing([&] {
    auto all = tenant_.session().products("*");
    bool anyNamed = std::any_of(all.begin(), all.end(), [&](const auto& p) { return names(p, named); });
    std::vector<std::string> out;
    for (const auto& p : all) {
      if (anyNamed && !names(p, named)) continue;
      for (const auto& plan : p.ServicePlans) out.push_back(plan.Name);
    }
    return out;
  });
}

// A prefix query on the UPN index (a LIKE prefix on a NOCASE column is an index range), reading
// `limit` rows at most, so a million users cost no more than fifty.
std::vector<std::string> SessionCandidates::users(std::string_view prefix, size_t limit) {
  return orNothing([&] {
    std::vector<std::string> out;
    tenant::UserQuery query;
    if (!prefix.empty()) query.filter = "startswith(userPrincipalName," + odataQuoted(prefix) + ")";
    query.first = limit;
    tenant_.session().forEachUser(query, [&](const tenant::User& u) {
      out.push_back(u.UserPrincipalName);
      return out.size() < limit;
    });
    return out;
  });
}

std::vector<std::string> SessionCandidates::groups() {
  return orNothing([&] {
    std::vector<std::string> out;
    for (const auto& g : tenant_.session().groups("*")) out.push_back(g.DisplayName);
    return out;
  });
}

std::vector<std::string> SessionCandidates::roles() {
  return {"GlobalAdministrator", "BillingAdministrator", "LicenseAdministrator", "UserAdministrator", "GlobalReader"};
}

std::vector<std::string> SessionCandidates::luaNames(std::string_view partial) { return luaNamesFor(L_, partial); }

std::vector<std::string> SessionCandidates::paths(std::string_view partial) { return pathsFor(partial); }

}  // namespace plush::repl
