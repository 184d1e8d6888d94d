// Group cmdlets: groups, membership, and group-based licensing.
#include "cmdlets/nouns.h"

namespace plush::cmdlets {

namespace {

void registerGroupReads(lua_State* L, TenantContext& ctx) {
  shell::registerCmdlet(L, {
      .name = "Get-Group",
      .synopsis = "List security groups with their member count and licenses.",
      .description = "-Group matches the display name (wildcards allowed) or the id.",
      .params = {groupParam("Group", 1, false, "A name, wildcard or id.")},
      .examples = {{"Get-Group", "Every group."}, {"Get-Group 'Sales*'", "Groups whose name starts with Sales."}},
      .outputType = "Group",
      .process = [&ctx](shell::Call& c) {
        guarded(c, [&] { emitAll(c, ctx.session().groups(c.str("Group", "*")), pushGroup); });
      },
  });

  shell::registerCmdlet(L, {
      .name = "Get-GroupMember",
      .synopsis = "List a group's members (users; groups do not nest).",
      .params = {groupParam("Group", 1, true, "The group.")},
      .examples = {{"Get-GroupMember 'Sales Team'", "Who is in Sales Team."}},
      .outputType = "User",
      .process = [&ctx](shell::Call& c) {
        guarded(c, [&] {
          ctx.session().forEachGroupMember(*c.str("Group"), [&](const tenant::User& u) {
            pushUser(c, u);
            return c.emitTop();
          });
        });
      },
  });

  shell::registerCmdlet(L, {
      .name = "Get-GroupLicense",
      .synopsis = "Show the products a group assigns, and how many members hold each or are in error.",
      .params = {groupParam("Group", 1, true, "The group.")},
      .examples = {{"Get-GroupLicense 'Power BI Users'", "What the group assigns."}},
      .outputType = "GroupLicense",
      .process = [&ctx](shell::Call& c) {
        guarded(c, [&] { emitAll(c, ctx.session().groupLicenses(*c.str("Group")), pushGroupLicense); });
      },
  });
}

void registerGroupChanges(lua_State* L, TenantContext& ctx) {
  shell::registerCmdlet(L, {
      .name = "New-Group",
      .synopsis = "Create a security group.",
      .params = {{.name = "Name", .position = 1, .mandatory = true, .aliases = {"DisplayName"}},
                 {.name = "Description"}},
      .examples = {{"New-Group -Name 'Power BI Users'", "A group to license Power BI through."}},
      .changesState = true,
      .outputType = "Group",
      .process = [&ctx](shell::Call& c) {
        guarded(c, [&] {
          pushGroup(c, ctx.session().newGroup(*c.str("Name"), c.str("Description", "")));
          c.emitTop();
        });
      },
  });

  shell::registerCmdlet(L, {
      .name = "Remove-Group",
      .synopsis = "Delete a group (refused while it holds licenses).",
      .params = {groupParam("Group", 1, true, "The group.")},
      .examples = {{"Set-GroupLicense 'Old Team' -Remove POWER_BI_PRO; Remove-Group 'Old Team'", "Unlicense, then delete."}},
      .changesState = true,
      .process = [&ctx](shell::Call& c) {
        guarded(c, [&] { ctx.session().removeGroup(*c.str("Group")); });
      },
  });

  for (bool add : {true, false}) {
    shell::registerCmdlet(L, {
        .name = add ? "Add-GroupMember" : "Remove-GroupMember",
        .synopsis = add ? "Add users to a group; its licenses reach them at once."
                        : "Remove users from a group; the licenses it gave them go at once.",
        .description = "Members come from -Member or the pipeline. Group-based licenses follow in the same "
                       "transaction; a member who cannot take them is recorded in error (Get-LicenseError).",
        .params = {groupParam("Group", 1, true, "The group."),
                   userParam("Member", 2, true, true, "The users.")},
        .examples = {{add ? "Get-User -Department Sales | Add-GroupMember -Group 'Sales Team'"
                          : "Remove-GroupMember 'Sales Team' -Member bob@contoso.com",
                      add ? "Everyone in Sales into the group." : "Bob leaves the group."}},
        .changesState = true,
        .process = [&ctx, add](shell::Call& c) {
          auto group = *c.str("Group");
          for (const auto& user : c.strings("Member")) {
            guarded(c, [&] {
              if (add) ctx.session().addGroupMember(group, user);
              else ctx.session().removeGroupMember(group, user);
            });
          }
        },
    });
  }

  shell::registerCmdlet(L, {
      .name = "Set-GroupLicense",
      .synopsis = "Assign or remove products for a group (group-based licensing).",
      .description = "Every direct member gets the group's products at once, in the same transaction. It never "
                     "fails the group change: a member who cannot take them gets none of the group's products, "
                     "uses no license and is recorded in error. -DisabledPlans sets the plans disabled for the "
                     "products added.",
      .params = {groupParam("Group", 1, true, "The group."),
                 productParam("Add", 0, false, true, "Products to assign to the group."),
                 productParam("Remove", 0, false, true, "Products to remove from the group."),
                 {.name = "DisabledPlans", .list = true, .complete = "plan", .help = "Plans disabled in the products added."}},
      .examples = {{"Set-GroupLicense 'Power BI Users' -Add POWER_BI_PRO", "License the group."}},
      .changesState = true,
      .outputType = "GroupLicense",
      .process = [&ctx](shell::Call& c) {
        guarded(c, [&] {
          std::optional<std::vector<std::string>> disabled;
          if (c.has("DisabledPlans")) disabled = c.strings("DisabledPlans");
          auto group = *c.str("Group");
          ctx.session().setGroupLicense(group, c.strings("Add"), c.strings("Remove"), disabled);
          emitAll(c, ctx.session().groupLicenses(group), pushGroupLicense);
        });
      },
  });
}

}  // namespace

void registerGroupCmdlets(lua_State* L, TenantContext& ctx) {
  registerGroupReads(L, ctx);
  registerGroupChanges(L, ctx);
}

}  // namespace plush::cmdlets
