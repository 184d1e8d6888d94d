// Bot cmdlets: New-Bot, Get-Bot, Remove-Bot, and their usage: Get-BotUsage, Add-BotUsage, Import-BotUsage.
#include "cmdlets/nouns.h"

namespace plush::cmdlets {

namespace {

// A bot by name or Id; from the pipeline by property (a Bot's Id, a BotUsage's Bot).
shell::Param botParam(bool mandatory, const char* help) {
  return {.name = "Bot", .position = 1, .mandatory = mandatory, .pipeline = "property", .aliases = {"Id", "Name"},
          .help = help};
}

}  // namespace

void registerBotCmdlets(lua_State* L, TenantContext& ctx) {
  shell::registerCmdlet(L, {
      .name = "New-Bot",
      .synopsis = "Register a Power Virtual Agents bot and who owns it.",
      .description =
          "Bots use the tenant's pooled billed sessions (Get-TenantCapacity). The tenant must own "
          "VIRTUAL_AGENT_BASE (an Enabled or Warning subscription) and the owner must hold VIRTUAL_AGENT_USL, the "
          "license for the people who build bots: DependencyViolation otherwise. People who chat with a published "
          "bot need no license. Names are unique in the tenant. Needs GlobalAdministrator, BillingAdministrator "
          "or LicenseAdministrator.",
      .params = {{.name = "Name", .position = 1, .mandatory = true, .help = "The bot's name."},
                 userParam("Owner", 2, true, false, "The user who builds it; holds VIRTUAL_AGENT_USL."),
                 {.name = "Environment", .help = "Its Power Platform environment (default: Default)."}},
      .examples = {{"New-Bot -Name 'HR Helpdesk' -Owner debra.berger@contoso.com", "A bot in the default environment."},
                   {"New-Bot 'Store Locator' rachel.adams@contoso.com -Environment Retail", "In another environment."}},
      .changesState = true,
      .outputType = "Bot",
      .process = [&ctx](shell::Call& c) {
        guarded(c, [&] {
          tenant::NewBot n{*c.str("Name"), *c.str("Owner"), c.str("Environment", "")};
          pushBot(c, ctx.session().newBot(n));
          c.emitTop();
        });
      },
  });

  shell::registerCmdlet(L, {
      .name = "Get-Bot",
      .synopsis = "List the tenant's bots: owner, environment, whether the owner is still licensed.",
      .description = "OwnerLicensed is False when the owner no longer holds the license for building bots (or is "
                     "deleted): the bot still runs and uses sessions, but nobody can change it.",
      .params = {{.name = "Name", .position = 1, .help = "A name or Id; wildcards * and ? allowed."},
                 userParam("Owner", 0, false, false, "Only the bots this user owns.")},
      .examples = {{"Get-Bot", "Every bot."},
                   {"Get-Bot | Where-Object { -not $_.OwnerLicensed }", "Bots whose owner lost the license."}},
      .outputType = "Bot",
      .process = [&ctx](shell::Call& c) {
        guarded(c, [&] { emitAll(c, ctx.session().bots(c.str("Name", "*"), c.str("Owner")), pushBot); });
      },
  });

  shell::registerCmdlet(L, {
      .name = "Remove-Bot",
      .synopsis = "Remove a bot; the sessions it used stay in the tenant's usage.",
      .description = "The billed sessions a bot used were billed against the pool, so they keep counting in "
                     "Get-TenantCapacity and Get-BotUsage for their months. Its name can be used again.",
      .params = {botParam(true, "The bot, by name or Id.")},
      .examples = {{"Remove-Bot 'Store Locator'", "Remove one bot."},
                   {"Get-Bot -Owner rachel.adams@contoso.com | Remove-Bot", "Remove a user's bots."}},
      .changesState = true,
      .process = [&ctx](shell::Call& c) { guarded(c, [&] { ctx.session().removeBot(*c.str("Bot")); }); },
  });

  shell::registerCmdlet(L, {
      .name = "Get-BotUsage",
      .synopsis = "Billed sessions per bot in a month, or per bot and day with -Daily.",
      .description = "One row per bot: its billed sessions in the month, the days its usage covers, its share of "
                     "the tenant's sessions. A removed bot shows for the months it used. -Daily gives the rows "
                     "as Import-BotUsage reads them (Date, Bot, BilledSessions), so Export-Csv writes a file it "
                     "takes back.",
      .params = {botParam(false, "Only this bot."),
                 {.name = "Month", .help = "The month, YYYY-MM (default: the clock's)."},
                 {.name = "Daily", .type = "switch", .help = "One row per bot and day."}},
      .examples = {{"Get-BotUsage", "Every bot this month."},
                   {"Get-BotUsage -Month 2026-10 | Sort-Object BilledSessions -Descending", "Last month's biggest users."},
                   {"Get-BotUsage -Daily | Export-Csv usage.csv", "The month's daily figures as CSV."}},
      .outputType = "BotUsage",
      .process = [&ctx](shell::Call& c) {
        guarded(c, [&] {
          if (c.flag("Daily")) emitAll(c, ctx.session().botUsageDays(c.str("Bot"), c.str("Month")), pushBotUsageDay);
          else emitAll(c, ctx.session().botUsage(c.str("Bot"), c.str("Month")), pushBotUsage);
        });
      },
  });

  shell::registerCmdlet(L, {
      .name = "Add-BotUsage",
      .synopsis = "Record one bot's billed sessions for one day.",
      .description = "A day's figure is the bot's total for that day, as its analytics show it: recording a day "
                     "again replaces the figure (the audit log keeps the old one), so running a job twice "
                     "counts nothing twice. Days after today are refused. Rows from Import-Csv bind by property "
                     "(Date, Bot, BilledSessions).",
      .params = {botParam(true, "The bot, by name or Id."),
                 {.name = "Date", .type = "date", .position = 2, .mandatory = true, .pipeline = "property",
                  .help = "The day (YYYY-MM-DD)."},
                 {.name = "BilledSessions", .type = "int", .position = 3, .mandatory = true, .pipeline = "property",
                  .aliases = {"Sessions"}, .help = "Its billed sessions that day."}},
      .examples = {{"Add-BotUsage -Bot 'HR Helpdesk' -Date 2026-11-21 -BilledSessions 42", "One day."},
                   {"Import-Csv today.csv | Add-BotUsage", "Rows with Date, Bot and BilledSessions columns."}},
      .changesState = true,
      .outputType = "BotUsageDay",
      .process = [&ctx](shell::Call& c) {
        guarded(c, [&] {
          auto sessions = c.number("BilledSessions");
          pushBotUsageDay(c, ctx.session().addBotUsage(*c.str("Bot"), *c.str("Date"),
                                                       static_cast<int64_t>(sessions.value_or(0))));
          c.emitTop();
        });
      },
  });

  shell::registerCmdlet(L, {
      .name = "Import-BotUsage",
      .synopsis = "Record bots' billed sessions from a CSV: Date, Bot, BilledSessions.",
      .description = "The shape of a bot's analytics (billing) export, several bots in one file if need be: a "
                     "header with Date (YYYY-MM-DD), Bot (or 'Bot name') and BilledSessions (or 'Billed "
                     "sessions'), one row per bot and day. Every row is checked before anything is written: a "
                     "malformed file, an unknown bot, a day twice or a day after today is an InvalidCsv error "
                     "naming the line, and nothing is imported. A second import of the same file changes nothing.",
      .params = {{.name = "Path", .position = 1, .mandatory = true, .aliases = {"FilePath"}, .complete = "path",
                  .help = "The CSV file."}},
      .examples = {{"Import-BotUsage -Path billed-sessions.csv", "A month of every bot's sessions."}},
      .changesState = true,
      .outputType = "BotUsageImport",
      .process = [&ctx](shell::Call& c) {
        guarded(c, [&] {
          pushBotUsageImport(c, ctx.session().importBotUsage(*c.str("Path")));
          c.emitTop();
        });
      },
  });
}

}  // namespace plush::cmdlets
