// Graph PowerShell user cmdlets: Get-MgUser, Update-MgUser, Get-MgUserLicenseDetail, Set-MgUserLicense.
#include <algorithm>

#include "cmdlets/mg_common.h"
#include "tenant/text.h"

namespace plush::cmdlets::mg {

namespace {

constexpr size_t kFirstPage = 100;  // what Graph returns without -All or -Top

bool eventual(shell::Call& c) { return tenant::iequals(c.str("ConsistencyLevel", ""), "eventual"); }

// $search: "property:text" clauses joined by OR or AND; a clause matches where a word of the
// property starts with the text, case aside (Graph tokenizes displayName and mail the same way).
bool searchMatches(const std::string& search, const tenant::User& u) {
  auto wordStarts = [](const std::string& value, const std::string& text) {
    std::string v = tenant::lower(value), t = tenant::lower(text);
    for (size_t i = v.find(t); i != std::string::npos; i = v.find(t, i + 1))
      if (i == 0 || !std::isalnum(static_cast<unsigned char>(v[i - 1]))) return true;
    return false;
  };
  bool any = false, all = true, conjunction = false;
  size_t pos = 0;
  while ((pos = search.find('"', pos)) != std::string::npos) {
    size_t end = search.find('"', pos + 1);
    if (end == std::string::npos) failBadRequest(search, "Syntax error: the $search text has an unclosed \".");
    std::string clause = search.substr(pos + 1, end - pos - 1);
    size_t colon = clause.find(':');
    if (colon == std::string::npos)
      failBadRequest(search, "Syntax error: each $search clause is \"property:text\", such as \"displayName:Conf\".");
    std::string property = tenant::lower(clause.substr(0, colon)), text = clause.substr(colon + 1);
    const std::string& value = property == "displayname" ? u.DisplayName
                             : property == "userprincipalname" || property == "mail" ? u.UserPrincipalName
                             : property == "department" ? u.Department : std::string("\x01");
    if (value == "\x01") failBadRequest(property, "plush searches displayName, userPrincipalName, mail and department.");
    bool hit = wordStarts(value, text);
    any = any || hit;
    all = all && hit;
    pos = end + 1;
    size_t next = search.find_first_not_of(' ', pos);
    if (next != std::string::npos && search.compare(next, 3, "AND") == 0) conjunction = true;
  }
  return conjunction ? all : any;
}

std::vector<tenant::User> sortedBy(std::vector<tenant::User> users, const std::vector<std::string>& sort) {
  for (auto it = sort.rbegin(); it != sort.rend(); ++it) {
    std::vector<std::string> words = tenant::splitList(*it, ' ');
    if (words.empty()) continue;
    std::string key = tenant::lower(words[0]);
    bool descending = words.size() > 1 && tenant::iequals(words[1], "desc");
    auto field = [&](const tenant::User& u) -> std::string {
      if (key == "displayname") return tenant::lower(u.DisplayName);
      if (key == "userprincipalname") return tenant::lower(u.UserPrincipalName);
      failBadRequest(words[0], "plush sorts users by displayName or userPrincipalName.");
    };
    std::stable_sort(users.begin(), users.end(), [&](const tenant::User& a, const tenant::User& b) {
      return descending ? field(b) < field(a) : field(a) < field(b);
    });
  }
  return users;
}

Selection userSelection(shell::Call& c) {
  return Selection(c.strings("Property"), userDefaults(), userSelectable(), "microsoft.graph.user");
}

// The user with what the selection asks for (licenses are read only when selected).
void pushSelected(shell::Call& c, tenant::Session& session, const tenant::User& u, const Selection& s) {
  if (s.has("assignedLicenses") || s.has("licenseAssignmentStates")) {
    tenant::UserGraphLicenses licenses = session.graphLicenses(u.Id);
    pushUser(c, u, s, &licenses);
  } else {
    pushUser(c, u, s, nullptr);
  }
}

void setCountVariable(shell::Call& c, int64_t count) {
  std::optional<std::string> name = c.str("CountVariable");
  if (!name) return;
  lua_pushinteger(c.lua(), count);
  lua_setglobal(c.lua(), name->c_str());
}

void listUsers(shell::Call& c, tenant::Session& session, const Selection& sel) {
  std::string search = c.str("Search", "");
  if ((!search.empty() || c.has("CountVariable")) && !eventual(c))
    failBadRequest(search.empty() ? "CountVariable" : search,
                   std::string(search.empty() ? "$count" : "$search") +
                       " on users is an advanced query: Graph needs -ConsistencyLevel eventual with it.");
  tenant::UserQuery q;
  q.filter = c.str("Filter", "");
  bool all = c.flag("All");
  std::optional<double> top = c.number("Top");
  size_t limit = all ? SIZE_MAX : top ? static_cast<size_t>(*top) : kFirstPage;
  std::vector<std::string> sort = c.strings("Sort");
  bool counting = c.has("CountVariable") || !sort.empty();
  std::vector<tenant::User> kept;
  int64_t matched = 0;
  size_t emitted = 0;
  bool more = false, stopped = false;
  session.forEachUser(q, [&](const tenant::User& u) {
    if (!search.empty() && !searchMatches(search, u)) return true;
    ++matched;
    if (!sort.empty()) return kept.push_back(u), true;
    if (emitted >= limit) {
      more = true;
      return counting;
    }
    pushSelected(c, session, u, sel);
    ++emitted;
    if (!c.emitTop()) stopped = true;
    return !stopped;
  });
  if (!sort.empty()) {
    kept = sortedBy(std::move(kept), sort);
    for (const tenant::User& u : kept) {
      if (emitted >= limit) {
        more = true;
        break;
      }
      pushSelected(c, session, u, sel);
      ++emitted;
      if (!c.emitTop()) break;
    }
  }
  setCountVariable(c, matched);
  if (more && !all && !top)
    c.warning("the first " + std::to_string(kFirstPage) +
              " users, as Graph's first page holds them; -All returns every page (the SDK stops at the first one too)");
}

void registerGetMgUser(lua_State* L, TenantContext& ctx, const ConnectionPtr& connection) {
  shell::registerCmdlet(L, {
      .name = "Get-MgUser",
      .synopsis = "Users as the Microsoft Graph PowerShell SDK returns them (offline, from the tenant store).",
      .description =
          "Returns MicrosoftGraphUser objects with the SDK's property names: Id, DisplayName, UserPrincipalName, "
          "AccountEnabled, Department, UsageLocation, UserType, AssignedLicenses (SkuId, DisabledPlans; inherited "
          "licenses too, as Graph counts them), LicenseAssignmentStates (SkuId, AssignedByGroup, State, Error, "
          "DisabledPlans, LastUpdatedDateTime), SignInActivity, DeletedDateTime, AdditionalProperties. As with "
          "Graph, only the default properties are filled unless -Property names others (Id, DisplayName, "
          "UserPrincipalName; Mail and the other defaults plush does not keep are $null), and without -All or -Top "
          "only the first 100 users come back. -Filter takes Graph's OData filter; -Search and -CountVariable need "
          "-ConsistencyLevel eventual, as Graph's advanced queries do. Needs Connect-MgGraph first.",
      .params = {{.name = "UserId", .position = 1, .pipeline = "property", .aliases = {"Id"}, .sets = {"Get"},
                  .complete = "user", .help = "One user: object id or userPrincipalName."},
                 {.name = "Filter", .sets = {"List"}, .help = "An OData filter, e.g. \"accountEnabled eq false\"."},
                 {.name = "Search", .sets = {"List"}, .help = "\"displayName:text\" clauses (with -ConsistencyLevel eventual)."},
                 {.name = "All", .type = "switch", .sets = {"List"}, .help = "Every page, not only the first 100 users."},
                 {.name = "Top", .type = "int", .aliases = {"Limit"}, .sets = {"List"}, .help = "Only the first N users."},
                 {.name = "Property", .list = true, .aliases = {"Select"}, .help = "The properties to fill (Graph's $select)."},
                 {.name = "ExpandProperty", .list = true, .aliases = {"Expand"}, .help = "memberOf: the user's groups."},
                 {.name = "ConsistencyLevel", .sets = {"List"}, .help = "eventual, for -Search and -CountVariable."},
                 {.name = "CountVariable", .aliases = {"CV"}, .sets = {"List"}, .help = "Set this variable to the number of matches."},
                 {.name = "Sort", .list = true, .aliases = {"OrderBy"}, .sets = {"List"}, .help = "displayName or userPrincipalName [desc]."},
                 {.name = "PageSize", .type = "int", .sets = {"List"}, .help = "Accepted for scripts; plush reads pages itself."}},
      .examples = {{"Get-MgUser -All -Property Id, UserPrincipalName, AssignedLicenses", "Every user with its licenses."},
                   {"Get-MgUser -UserId AdeleV@contoso.com -Property UsageLocation, LicenseAssignmentStates",
                    "One user's location and license states."},
                   {"Get-MgUser -Filter \"accountEnabled eq false\" -All", "Disabled accounts."}},
      .defaultSet = "List",
      .outputType = "MicrosoftGraphUser",
      .process = [&ctx, connection](shell::Call& c) {
        guarded(c, *connection, [&] {
          Selection sel = userSelection(c);
          for (const std::string& e : c.strings("ExpandProperty"))
            failBadRequest(e, "Could not find a navigation property named '" + e + "' that plush expands on users.");
          auto& session = ctx.session();
          if (std::optional<std::string> id = c.str("UserId")) {
            pushSelected(c, session, session.user(*id), sel);
            c.emitTop();
            return;
          }
          listUsers(c, session, sel);
        });
      },
  });
}

void registerUpdateMgUser(lua_State* L, TenantContext& ctx, const ConnectionPtr& connection) {
  shell::registerCmdlet(L, {
      .name = "Update-MgUser",
      .synopsis = "Change a user's properties, as Graph's PATCH /users/{id} does.",
      .description = "Sets what is given: -UsageLocation (an ISO 3166 code; replaces the user's location, as Graph "
                     "does), -DisplayName, -Department, -AccountEnabled, -UserType, or the same keys in "
                     "-BodyParameter. The license rules still hold: a location where a held plan is not offered is "
                     "refused.",
      .params = {{.name = "UserId", .position = 1, .mandatory = true, .pipeline = "property", .aliases = {"Id"},
                  .complete = "user", .help = "The user: object id or userPrincipalName."},
                 {.name = "UsageLocation"}, {.name = "DisplayName"}, {.name = "Department"},
                 {.name = "AccountEnabled", .type = "bool"}, {.name = "UserType", .values = {"Member", "Guest"}},
                 {.name = "BodyParameter", .type = "hashtable", .help = "@{usageLocation = 'US'; ...}"},
                 {.name = "PassThru", .type = "switch", .help = "Return $true when done."}},
      .examples = {{"Update-MgUser -UserId AdeleV@contoso.com -UsageLocation US", "Give Adele a usage location."}},
      .changesState = true,
      .process = [&ctx, connection](shell::Call& c) {
        guarded(c, *connection, [&] {
          tenant::UserChanges u;
          u.usageLocation = c.str("UsageLocation");
          u.displayName = c.str("DisplayName");
          u.department = c.str("Department");
          u.accountEnabled = c.boolean("AccountEnabled");
          u.userType = c.str("UserType");
          lua_State* L = c.lua();
          c.pushArgument("BodyParameter");
          if (lua_istable(L, -1)) {
            lua_pushnil(L);
            while (lua_next(L, -2)) {
              std::string key = lua_type(L, -2) == LUA_TSTRING ? tenant::lower(lua_tostring(L, -2)) : "";
              std::optional<std::string> text;
              if (lua_isstring(L, -1)) text = lua_tostring(L, -1);
              if (key == "usagelocation") u.usageLocation = text;
              else if (key == "displayname") u.displayName = text;
              else if (key == "department") u.department = text;
              else if (key == "usertype") u.userType = text;
              else if (key == "accountenabled" && lua_isboolean(L, -1)) u.accountEnabled = lua_toboolean(L, -1) != 0;
              else if (!key.empty()) {
                lua_pop(L, 3);
                failBadRequest(key, "plush updates usageLocation, displayName, department, userType and "
                                    "accountEnabled; '" + key + "' is not one of them.");
              }
              lua_pop(L, 1);
            }
          }
          lua_pop(L, 1);
          ctx.session().setUser(*c.str("UserId"), u);
          if (c.flag("PassThru")) {
            lua_pushboolean(L, 1);
            c.emitTop();
          }
        });
      },
  });
}

void registerLicenseDetail(lua_State* L, TenantContext& ctx, const ConnectionPtr& connection) {
  shell::registerCmdlet(L, {
      .name = "Get-MgUserLicenseDetail",
      .synopsis = "The products a user holds with each service plan's state (Graph's licenseDetails).",
      .description = "One MicrosoftGraphLicenseDetails per product the user holds (directly or through groups): "
                     "SkuId, SkuPartNumber and ServicePlans (ServicePlanId, ServicePlanName, ProvisioningStatus: "
                     "Disabled for the plans turned off for the user, AppliesTo).",
      .params = {{.name = "UserId", .position = 1, .mandatory = true, .pipeline = "property", .aliases = {"Id"},
                  .complete = "user", .help = "The user: object id or userPrincipalName."},
                 {.name = "All", .type = "switch", .help = "Accepted for scripts: every product is returned."}},
      .examples = {{"Get-MgUserLicenseDetail -UserId AdeleV@contoso.com | Select-Object SkuPartNumber",
                    "Adele's products."}},
      .outputType = "MicrosoftGraphLicenseDetails",
      .process = [&ctx, connection](shell::Call& c) {
        guarded(c, *connection, [&] {
          auto& session = ctx.session();
          std::string id = session.user(*c.str("UserId")).Id;
          for (const tenant::AssignedLicense& held : session.graphLicenses(id).assigned) {
            pushLicenseDetails(c, session.subscribedSku(held.SkuId), held);
            if (!c.emitTop()) return;
          }
        });
      },
  });
}

void registerSetMgUserLicense(lua_State* L, TenantContext& ctx, const ConnectionPtr& connection) {
  shell::registerCmdlet(L, {
      .name = "Set-MgUserLicense",
      .synopsis = "Add and remove a user's licenses in one step, as Graph's assignLicense does.",
      .description =
          "-AddLicenses takes @(@{SkuId = '<guid>'; DisabledPlans = @('<plan id>', ...)}, ...) (or the user's "
          "AssignedLicenses objects); each product's DisabledPlans replace its disabled set. -RemoveLicenses takes "
          "SkuIds. Both are mandatory, as Graph requires: pass @() for none (both empty is Graph's 'No license "
          "changes provided'). Adds and removes apply together or not at all, checked by every licensing rule; "
          "errors carry plush's error id and Graph's message and code. Returns the user.",
      .params = {{.name = "UserId", .position = 1, .mandatory = true, .pipeline = "property", .aliases = {"Id"},
                  .complete = "user", .help = "The user: object id or userPrincipalName."},
                 {.name = "AddLicenses", .type = "hashtable", .list = true, .mandatory = true,
                  .sets = {"AssignExpanded"}, .help = "@{SkuId = '<guid>'; DisabledPlans = @(...)} per product."},
                 {.name = "RemoveLicenses", .list = true, .mandatory = true, .sets = {"AssignExpanded"},
                  .help = "SkuIds to remove."},
                 {.name = "BodyParameter", .type = "hashtable", .mandatory = true, .sets = {"Assign"},
                  .help = "@{addLicenses = @(...); removeLicenses = @(...)}"}},
      .examples = {{"Set-MgUserLicense -UserId AdeleV@contoso.com -AddLicenses @{SkuId = $sku.SkuId} -RemoveLicenses @()",
                    "Assign one product."},
                   {"Set-MgUserLicense -UserId $u.Id -AddLicenses @() -RemoveLicenses @($sku.SkuId)",
                    "Remove one product."}},
      .changesState = true,
      .defaultSet = "AssignExpanded",
      .outputType = "MicrosoftGraphUser",
      .process = [&ctx, connection](shell::Call& c) {
        guarded(c, *connection, [&] {
          auto& session = ctx.session();
          LicenseChanges changes = licenseChanges(c);
          const std::vector<AddLicense>& adds = changes.add;
          const std::vector<std::string>& removes = changes.remove;
          if (adds.empty() && removes.empty())
            failBadRequest("AddLicenses", "No license changes provided. At least one license to add or remove must be specified.");
          std::string user = session.user(*c.str("UserId")).Id;
          tenant::SetUserLicenseRequest r;
          for (const AddLicense& a : adds) {
            std::string id = subscribedSkuId(session, a.skuId);
            r.add.push_back(id);
            r.disabledPlansOf.push_back({id, a.disabledPlans});
          }
          for (const std::string& s : removes) r.remove.push_back(subscribedSkuId(session, s));
          r.rows = false;
          try {
            session.setUserLicense(user, r, "Set-MgUserLicense");
          } catch (tenant::TenantError& e) {
            if (e.record.id == "CountViolation")  // Graph names the product that has no license left
              for (const std::string& id : r.add)
                if (session.licenses(id).at(0).Available < 1) e.record.target = id;
            throw;
          }
          Selection defaults({}, userDefaults(), userSelectable(), "microsoft.graph.user");
          pushUser(c, session.user(user), defaults, nullptr);
          c.emitTop();
        });
      },
  });
}

}  // namespace

void registerUserCmdlets(lua_State* L, TenantContext& ctx, const ConnectionPtr& connection) {
  registerGetMgUser(L, ctx, connection);
  registerUpdateMgUser(L, ctx, connection);
  registerLicenseDetail(L, ctx, connection);
  registerSetMgUserLicense(L, ctx, connection);
}

}  // namespace plush::cmdlets::mg
