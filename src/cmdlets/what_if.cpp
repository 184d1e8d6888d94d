// The --what-if summary: the changes a run made (from its audit rows) and the errors it met, by kind.
#include "cmdlets/what_if.h"

#include <set>
#include <vector>

namespace plush::cmdlets {

namespace {

struct ChangeKind {
  int64_t count = 0;
  std::set<std::string> targets;
};

// "AssignLicense POWER_BI_PRO": license changes are told apart by product; others by action alone.
std::string kindOf(const tenant::AuditEntry& e) {
  bool oneWord = !e.Detail.empty() && e.Detail.find(' ') == std::string::npos && e.Detail.size() <= 40;
  return oneWord && e.Action.find("License") != std::string::npos ? e.Action + " " + e.Detail : e.Action;
}

}  // namespace

int64_t auditMark(tenant::Session& session) {
  int64_t count = 0;
  session.forEachAudit({}, [&](const tenant::AuditEntry&) {
    ++count;
    return true;
  });
  return count;
}

void writeWhatIfSummary(tenant::Session& session, int64_t mark, const std::map<std::string, int>& errorCounts,
                        std::ostream& out) {
  std::map<std::string, ChangeKind> kinds;
  int64_t seen = 0;
  session.forEachAudit({}, [&](const tenant::AuditEntry& e) {
    if (++seen <= mark) return true;
    auto& kind = kinds[kindOf(e)];
    ++kind.count;
    kind.targets.insert(e.Target);
    return true;
  });
  out << "What if: nothing was changed. The run would have made " << (seen - mark) << " change"
      << (seen - mark == 1 ? "" : "s") << (kinds.empty() ? "." : ":") << "\n";
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
