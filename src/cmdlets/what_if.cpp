// The --what-if summary: the changes a run made (from its audit rows) and the errors it met, by kind.
#include "cmdlets/what_if.h"

#include <set>

#include <vector>

#include "cmdlets/registry.h"

namespace plush::cmdlets {

namespace {

struct ChangeKind {
  int64_t count = 0;
  std::set<std::string> targets;
};

// The kinds of change one audit row stands for: license changes by product ("license assigned:
// POWER_BI_PRO" from a detail "added POWER_BI_PRO; removed X; UsageLocation GB"), usage locations set and
// service plans switched on the way, and any other change by its command.
std::vector<std::string> kindsOf(const tenant::AuditEntry& e) {
  std::vector<std::string> kinds;
  bool otherChange = e.Detail.empty(), planChange = false, assigned = false;
  size_t start = 0;
  while (start < e.Detail.size()) {
    size_t end = e.Detail.find("; ", start);
    std::string part = e.Detail.substr(start, end == std::string::npos ? std::string::npos : end - start);
    if (part.rfind("added ", 0) == 0) {
      kinds.push_back("license assigned: " + part.substr(6));
      assigned = true;
    } else if (part.rfind("removed ", 0) == 0) kinds.push_back("license removed: " + part.substr(8));
    else if (part.rfind("UsageLocation ", 0) == 0) kinds.push_back("usage location set");
    else if (part.rfind("disabled ", 0) == 0 || part.rfind("enabled ", 0) == 0 ||
             part.rfind("DisabledPlans ", 0) == 0) planChange = true;
    else otherChange = true;
    if (end == std::string::npos) break;
    start = end + 2;
  }
  // Plans disabled along with a new license are part of that assignment, not a change of their own.
  if (planChange && !assigned) kinds.push_back("service plans changed");
  if (otherChange) kinds.push_back(e.Action);
  return kinds;
}

TenantContext& contextOf(lua_State* L) {
  return *static_cast<TenantContext*>(lua_touserdata(L, lua_upvalueindex(1)));
}

int whatIfBegin(lua_State* L) {
  auto& session = contextOf(L).session();
  session.begin();
  lua_pushinteger(L, auditMark(session));
  return 1;
}

int whatIfEndUnguarded(lua_State* L) {
  auto& session = contextOf(L).session();
  tenant::AuditQuery since;
  since.afterSequence = luaL_checkinteger(L, 1);
  lua_newtable(L);
  lua_Integer n = 0;
  session.forEachAudit(since, [&](const tenant::AuditEntry& e) {
    std::string line = e.Action + " " + e.Target + (e.Detail.empty() ? "" : " (" + e.Detail + ")");
    lua_pushstring(L, line.c_str());
    lua_rawseti(L, -2, ++n);
    return true;
  });
  session.rollback();
  return 1;
}

// Engine failures must not cross the Lua boundary as C++ exceptions: raise them as Lua errors.
template <lua_CFunction F>
int guardedHook(lua_State* L) {
  try {
    return F(L);
  } catch (const std::exception& e) {
    lua_pushstring(L, e.what());
  }
  return lua_error(L);
}

int whatIfEnd(lua_State* L) { return guardedHook<whatIfEndUnguarded>(L); }

}  // namespace

void registerWhatIfHooks(lua_State* L, TenantContext& context) {
  lua_getglobal(L, "__plush");
  lua_pushlightuserdata(L, &context);
  lua_pushcclosure(L, guardedHook<whatIfBegin>, 1);
  lua_setfield(L, -2, "whatif_begin");
  lua_pushlightuserdata(L, &context);
  lua_pushcclosure(L, whatIfEnd, 1);
  lua_setfield(L, -2, "whatif_end");
  lua_pop(L, 1);
}

int64_t auditMark(tenant::Session& session) { return session.auditSequence(); }

void writeWhatIfSummary(tenant::Session& session, int64_t mark, const std::map<std::string, int>& errorCounts,
                        std::ostream& out) {
  std::map<std::string, ChangeKind> kinds;
  int64_t changes = 0;
  tenant::AuditQuery since;
  since.afterSequence = mark;
  session.forEachAudit(since, [&](const tenant::AuditEntry& e) {
    ++changes;
    for (const auto& name : kindsOf(e)) {
      auto& kind = kinds[name];
      ++kind.count;
      kind.targets.insert(e.Target);
    }
    return true;
  });
  out << "What if: nothing was changed. The run would have made " << changes << " change"
      << (changes == 1 ? "" : "s") << (kinds.empty() ? "." : ":") << "\n";
  for (const auto& [kind, c] : kinds) {
    out << "  " << kind << ": " << c.count << " (" << c.targets.size() << " target"
        << (c.targets.size() == 1 ? "" : "s") << ")\n";
  }
  int errors = 0;
  for (const auto& [id, n] : errorCounts) errors += n;
  out << "What if: " << errors << " error" << (errors == 1 ? "" : "s") << " would have occurred"
      << (errors ? ":" : ".") << "\n";
  for (const auto& [id, n] : errorCounts) out << "  " << id << ": " << n << "\n";
}

}  // namespace plush::cmdlets
