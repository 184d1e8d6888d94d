// Session: Export-GraphRequest — the changes since a mark as Graph $batch bodies, one per line of a file.
#include <fstream>

#include "tenant/graph_requests.h"
#include "tenant/session.h"
#include "tenant/text.h"

namespace plush::tenant {

// -Last N: the last N entries; -Since TIME: entries at or after it; neither: since the last
// Import-Tenant -Format graph (what the real tenant was then), else the whole log.
int64_t Session::graphRequestMark(const std::string& since, int64_t last) {
  require(Action::Read);
  if (!since.empty() || last > 0) {
    AuditQuery q;
    if (!since.empty()) q.since = normalizeInstant(since, "-Since");
    q.last = last;
    int64_t mark = -1;
    forEachAudit(q, [&](const AuditEntry& e) { return mark = e.Sequence - 1, false; });
    return mark < 0 ? store_->lastAuditSequence() : mark;
  }
  int64_t mark = 0;
  forEachAudit({}, [&](const AuditEntry& e) {
    if (e.Action == "Import-Tenant" && e.Detail.rfind("graph:", 0) == 0) mark = e.Sequence;
    return true;
  });
  return mark;
}

GraphRequestPlan Session::graphRequests(int64_t afterSequence) {
  require(Action::Read);
  return planGraphRequests(*store_, *engine_, afterSequence);
}

std::string Session::exportGraphRequests(const std::string& path, int64_t afterSequence) {
  GraphRequestPlan plan = graphRequests(afterSequence);
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  if (!out) fail("InvalidArgument", category::InvalidArgument, path, "The file " + path + " cannot be written.");
  for (const nlohmann::json& batch : plan.batches) out << batch.dump() << "\n";
  if (!out) fail("InvalidArgument", category::InvalidArgument, path, "Writing " + path + " failed.");
  std::string summary = graphRequestSummary(plan) + " Written to " + path + ", one $batch body per line.";
  for (const std::string& n : plan.notSent) summary += "\nNot sent: " + n + ".";
  return summary;
}

}  // namespace plush::tenant
