// Export-GraphRequest: the Microsoft Graph requests that make the real tenant match the changes made here.
#include "cmdlets/nouns.h"

namespace plush::cmdlets {

void registerGraphRequestCmdlets(lua_State* L, TenantContext& ctx) {
  shell::registerCmdlet(L, {
      .name = "Export-GraphRequest",
      .synopsis = "Write the Graph requests that repeat the changes made here in the real tenant ($batch bodies).",
      .description =
          "Works out, for every user and group changed since the mark, what differs from what the first change "
          "found, and writes the Microsoft Graph requests that make the real tenant match: PATCH /users/{id} "
          "(usageLocation and the other fields), one assignLicense per user with all its adds (with "
          "disabledPlans) and removes, restores and deletions, members/$ref, and the groups' own PATCH and "
          "assignLicense, with the real object ids and SkuIds. An assignment already there is not requested "
          "again. The file holds one JSON $batch body per line, in the order to send them: at most 20 requests "
          "each, either parallel or sequential (dependsOn, when a user's usageLocation must be set before its "
          "licenses). The mark: -Since TIME (the audit log's entries from then), -Last N (its last N entries), "
          "else the last Import-Tenant -Format graph, else the whole log. A line sums up the requests, the "
          "batches and the time Graph's write limits need for them. plush sends nothing itself; see the README "
          "for sending them.",
      .params = {{.name = "Path", .position = 1, .mandatory = true, .complete = "path", .help = "The file to write (JSON Lines)."},
                 {.name = "Since", .type = "date", .help = "The changes from this time on."},
                 {.name = "Last", .type = "int", .help = "The changes of the audit log's last N entries."}},
      .examples = {{"Export-GraphRequest plan.jsonl", "Everything changed since the tenant was imported from Graph."},
                   {"Export-GraphRequest plan.jsonl -Since 2026-11-22T09:00", "The changes since 9 o'clock."}},
      .process = [&ctx](shell::Call& c) {
        guarded(c, [&] {
          auto& session = ctx.session();
          int64_t last = static_cast<int64_t>(c.number("Last").value_or(0));
          int64_t mark = session.graphRequestMark(c.str("Since", ""), last);
          lua_pushstring(c.lua(), session.exportGraphRequests(*c.str("Path"), mark).c_str());
          c.emitTop();
        });
      },
  });
}

}  // namespace plush::cmdlets
