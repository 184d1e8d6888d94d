// Graph PowerShell group cmdlets: Get-MgGroup, Get-MgGroupMember, New-MgGroupMember,
// Remove-MgGroupMemberDirectoryObjectByRef, Set-MgGroupLicense.
#include "cmdlets/mg_common.h"
#include "tenant/text.h"

namespace plush::cmdlets::mg {

namespace {

constexpr size_t kFirstPage = 100;

shell::Param groupId(bool mandatory) {
  return {.name = "GroupId", .position = 1, .mandatory = mandatory, .pipeline = "property", .aliases = {"Id"},
          .complete = "group", .help = "The group: object id (or display name)."};
}

void pushSelectedGroup(shell::Call& c, tenant::Session& session, const tenant::Group& g, const Selection& s) {
  if (s.has("assignedLicenses")) {
    std::vector<tenant::AssignedLicense> licenses = session.groupAssignedLicenses(g.Id);
    pushGroup(c, g, s, &licenses);
  } else {
    pushGroup(c, g, s, nullptr);
  }
}

void registerGetMgGroup(lua_State* L, TenantContext& ctx, const ConnectionPtr& connection) {
  shell::registerCmdlet(L, {
      .name = "Get-MgGroup",
      .synopsis = "Groups as the Microsoft Graph PowerShell SDK returns them (offline, from the tenant store).",
      .description = "MicrosoftGraphGroup objects: Id, DisplayName, Description, GroupTypes, MailEnabled, "
                     "SecurityEnabled, and AssignedLicenses (SkuId, DisabledPlans) when -Property names it, as "
                     "Graph returns it only then. -Filter on id, displayName and assignedLicenses (\"assignedLicenses"
                     "/any()\" for licensed groups). Without -All or -Top, the first 100 groups.",
      .params = {{.name = "GroupId", .position = 1, .pipeline = "property", .aliases = {"Id"}, .sets = {"Get"},
                  .complete = "group", .help = "One group: object id (or display name)."},
                 {.name = "Filter", .sets = {"List"}, .help = "An OData filter, e.g. \"startswith(displayName,'Sales')\"."},
                 {.name = "All", .type = "switch", .sets = {"List"}, .help = "Every page."},
                 {.name = "Top", .type = "int", .aliases = {"Limit"}, .sets = {"List"}, .help = "Only the first N groups."},
                 {.name = "Property", .list = true, .aliases = {"Select"}, .help = "The properties to fill."},
                 {.name = "ConsistencyLevel", .sets = {"List"}, .help = "Accepted: eventual."},
                 {.name = "CountVariable", .aliases = {"CV"}, .sets = {"List"}, .help = "Set this variable to the number of matches."}},
      .examples = {{"Get-MgGroup -All -Property Id, DisplayName, AssignedLicenses", "Groups with their licenses."},
                   {"Get-MgGroup -Filter \"assignedLicenses/any()\" -All", "Groups that hold licenses."}},
      .defaultSet = "List",
      .outputType = "MicrosoftGraphGroup",
      .process = [&ctx, connection](shell::Call& c) {
        guarded(c, *connection, [&] {
          auto& session = ctx.session();
          std::vector<std::string> known = {"id", "displayName", "description", "groupTypes", "mailEnabled",
                                            "securityEnabled", "assignedLicenses", "deletedDateTime", "members"};
          Selection sel(c.strings("Property"), groupDefaults(), known, "microsoft.graph.group");
          if (std::optional<std::string> id = c.str("GroupId")) {
            pushSelectedGroup(c, session, session.group(*id), sel);
            c.emitTop();
            return;
          }
          std::vector<tenant::Group> groups = session.groupsFiltered(c.str("Filter", ""));
          if (std::optional<std::string> name = c.str("CountVariable")) {
            lua_pushinteger(c.lua(), static_cast<lua_Integer>(groups.size()));
            lua_setglobal(c.lua(), name->c_str());
          }
          std::optional<double> top = c.number("Top");
          size_t limit = c.flag("All") ? groups.size() : top ? static_cast<size_t>(*top) : kFirstPage;
          for (size_t i = 0; i < groups.size() && i < limit; ++i) {
            pushSelectedGroup(c, session, groups[i], sel);
            if (!c.emitTop()) return;
          }
          if (groups.size() > limit && !c.flag("All") && !top)
            c.warning("the first 100 groups, as Graph's first page holds them; -All returns every page");
        });
      },
  });
}

void registerMembers(lua_State* L, TenantContext& ctx, const ConnectionPtr& connection) {
  shell::registerCmdlet(L, {
      .name = "Get-MgGroupMember",
      .synopsis = "A group's members as Graph's directoryObjects (Id; the rest in AdditionalProperties).",
      .description = "Each member is a MicrosoftGraphDirectoryObject: Id, and AdditionalProperties with "
                     "@odata.type, displayName and userPrincipalName, as the SDK returns them.",
      .params = {groupId(true),
                 {.name = "All", .type = "switch", .help = "Every page, not only the first 100 members."},
                 {.name = "Top", .type = "int", .aliases = {"Limit"}, .help = "Only the first N members."}},
      .examples = {{"Get-MgGroupMember -GroupId $group.Id -All | ForEach-Object { $_.AdditionalProperties.userPrincipalName }",
                    "The members' names."}},
      .outputType = "MicrosoftGraphDirectoryObject",
      .process = [&ctx, connection](shell::Call& c) {
        guarded(c, *connection, [&] {
          std::optional<double> top = c.number("Top");
          size_t limit = c.flag("All") ? SIZE_MAX : top ? static_cast<size_t>(*top) : kFirstPage, emitted = 0;
          bool more = false;
          ctx.session().forEachGroupMember(*c.str("GroupId"), [&](const tenant::User& u) {
            if (emitted == limit) return more = true, false;
            pushUserAsDirectoryObject(c, u);
            ++emitted;
            return c.emitTop();
          });
          if (more && !c.flag("All") && !top)
            c.warning("the first 100 members, as Graph's first page holds them; -All returns every page");
        });
      },
  });

  shell::registerCmdlet(L, {
      .name = "New-MgGroupMember",
      .synopsis = "Add a user to a group (Graph's POST /groups/{id}/members/$ref).",
      .description = "The group's licenses reach the new member at once, by the rules. A user who is a member "
                     "already is Graph's error 'One or more added object references already exist'.",
      .params = {groupId(true),
                 {.name = "DirectoryObjectId", .mandatory = true, .complete = "user", .help = "The user's object id."}},
      .examples = {{"New-MgGroupMember -GroupId $group.Id -DirectoryObjectId $user.Id", "Add a member."}},
      .changesState = true,
      .process = [&ctx, connection](shell::Call& c) {
        guarded(c, *connection, [&] {
          auto& session = ctx.session();
          std::string group = *c.str("GroupId"), user = *c.str("DirectoryObjectId");
          if (session.isGroupMember(group, user))
            failBadRequest(user, "One or more added object references already exist for the following modified "
                                 "properties: 'members'.");
          session.addGroupMember(group, user);
        });
      },
  });

  shell::registerCmdlet(L, {
      .name = "Remove-MgGroupMemberDirectoryObjectByRef",
      .aliases = {"Remove-MgGroupMemberByRef"},
      .synopsis = "Remove a user from a group (Graph's DELETE /groups/{id}/members/{id}/$ref).",
      .description = "The licenses the user inherited from the group go with the membership. "
                     "Remove-MgGroupMemberByRef is the SDK's earlier name for it.",
      .params = {groupId(true),
                 {.name = "DirectoryObjectId", .mandatory = true, .complete = "user", .help = "The member's object id."}},
      .examples = {{"Remove-MgGroupMemberDirectoryObjectByRef -GroupId $group.Id -DirectoryObjectId $user.Id",
                    "Remove a member."}},
      .changesState = true,
      .process = [&ctx, connection](shell::Call& c) {
        guarded(c, *connection, [&] { ctx.session().removeGroupMember(*c.str("GroupId"), *c.str("DirectoryObjectId")); });
      },
  });
}

void registerSetMgGroupLicense(lua_State* L, TenantContext& ctx, const ConnectionPtr& connection) {
  shell::registerCmdlet(L, {
      .name = "Set-MgGroupLicense",
      .synopsis = "Add and remove a group's licenses in one step, as Graph's group assignLicense does.",
      .description = "-AddLicenses @(@{SkuId = '<guid>'; DisabledPlans = @(...)}) and -RemoveLicenses @(SkuIds), both "
                     "mandatory (@() for none). Every member gets the group's licenses by the rules at once; a member "
                     "who cannot is recorded in error, as group-based licensing does. Returns the group.",
      .params = {groupId(true),
                 {.name = "AddLicenses", .type = "hashtable", .list = true, .mandatory = true, .sets = {"AssignExpanded"}},
                 {.name = "RemoveLicenses", .list = true, .mandatory = true, .sets = {"AssignExpanded"}},
                 {.name = "BodyParameter", .type = "hashtable", .mandatory = true, .sets = {"Assign"}}},
      .examples = {{"Set-MgGroupLicense -GroupId $group.Id -AddLicenses @{SkuId = $e3.SkuId} -RemoveLicenses @()",
                    "License a group."}},
      .changesState = true,
      .defaultSet = "AssignExpanded",
      .outputType = "MicrosoftGraphGroup",
      .process = [&ctx, connection](shell::Call& c) {
        guarded(c, *connection, [&] {
          auto& session = ctx.session();
          LicenseChanges changes = licenseChanges(c);
          if (changes.add.empty() && changes.remove.empty())
            failBadRequest("AddLicenses", "No license changes provided. At least one license to add or remove must be specified.");
          std::string group = session.group(*c.str("GroupId")).Id;
          std::vector<std::string> removes;
          for (const std::string& s : changes.remove) removes.push_back(subscribedSkuId(session, s));
          for (AddLicense& a : changes.add) a.skuId = subscribedSkuId(session, a.skuId);
          session.begin();  // Graph's adds and removes apply together: all or none
          try {
            if (!removes.empty()) session.setGroupLicense(group, {}, removes);
            for (const AddLicense& a : changes.add) session.setGroupLicense(group, {a.skuId}, {}, a.disabledPlans);
            session.commit();
          } catch (...) {
            session.rollback();
            throw;
          }
          Selection sel({}, groupDefaults(), groupProperties(), "microsoft.graph.group");
          pushGroup(c, session.group(group), sel, nullptr);
          c.emitTop();
        });
      },
  });
}

}  // namespace

void registerGroupCmdlets(lua_State* L, TenantContext& ctx, const ConnectionPtr& connection) {
  registerGetMgGroup(L, ctx, connection);
  registerMembers(L, ctx, connection);
  registerSetMgGroupLicense(L, ctx, connection);
}

}  // namespace plush::cmdlets::mg
