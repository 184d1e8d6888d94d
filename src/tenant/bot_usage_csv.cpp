// Reading a bots' billed-sessions CSV (Date, Bot, BilledSessions: the per-bot analytics export's shape).
#include "tenant/bot_usage_csv.h"

#include <cctype>
#include <fstream>
#include <map>

#include "format/csv.h"
#include "tenant/clock.h"
#include "tenant/errors.h"
#include "tenant/text.h"

namespace plush::tenant {

namespace {

[[noreturn]] void bad(const std::string& path, size_t line, const std::string& why,
                      const std::string& recommendation = {}) {
  std::string at = path + ":" + std::to_string(line);
  fail("InvalidCsv", category::InvalidData, at, at + ": " + why + "; nothing was imported.", recommendation);
}

struct Columns {
  size_t date = 0, bot = 0, sessions = 0, count = 0;
};

Columns columnsOf(const std::vector<std::string>& header, const std::string& path) {
  const std::map<std::string, int> names = {{"date", 0},  {"day", 0},       {"bot", 1},
                                            {"botname", 1}, {"agent", 1},   {"agentname", 1},
                                            {"billedsessions", 2}};
  size_t at[3];
  bool found[3] = {false, false, false};
  for (size_t i = 0; i < header.size(); ++i) {
    auto it = names.find(squashed(header[i]));  // "Billed sessions", "billed_sessions", "BilledSessions"
    if (it == names.end()) continue;
    if (found[it->second]) bad(path, 1, "the column '" + header[i] + "' names a column already given");
    found[it->second] = true;
    at[it->second] = i;
  }
  const char* wanted[3] = {"Date", "Bot", "BilledSessions"};
  for (int k = 0; k < 3; ++k)
    if (!found[k])
      bad(path, 1, std::string("the column ") + wanted[k] + " is missing (expected Date, Bot, BilledSessions)");
  return Columns{at[0], at[1], at[2], header.size()};
}

bool isPlainDate(const std::string& s) {
  if (s.size() != 10 || s[4] != '-' || s[7] != '-') return false;
  for (size_t i = 0; i < s.size(); ++i)
    if (i != 4 && i != 7 && !std::isdigit(static_cast<unsigned char>(s[i]))) return false;
  return true;
}

// Every record is read and checked before the caller writes anything.
std::vector<BotUsageLine> readLines(format::CsvReader& reader, const std::string& path) {
  std::vector<std::string> f;
  if (!reader.next(f)) bad(path, 1, "the file is empty (expected the columns Date, Bot, BilledSessions)");
  Columns col = columnsOf(f, path);
  std::vector<BotUsageLine> out;
  std::map<std::pair<std::string, std::string>, size_t> seen;  // (day, lower-case bot) -> line
  while (reader.next(f)) {
    size_t line = static_cast<size_t>(reader.line());
    if (f.size() != col.count)
      bad(path, line, std::to_string(f.size()) + " fields where the header has " + std::to_string(col.count));
    BotUsageLine u{line, trimSpaces(f[col.date]), trimSpaces(f[col.bot]), 0};
    // Only ISO days: 11/01/2026 reads as November or January depending on who wrote it.
    bool day = isPlainDate(u.date);
    try {
      if (day) normalizeDate(u.date);
    } catch (const TenantError&) {
      day = false;  // 2026-02-30
    }
    if (!day) bad(path, line, "the Date '" + u.date + "' is not a day written YYYY-MM-DD, such as 2026-11-21");
    if (u.bot.empty()) bad(path, line, "the Bot is empty");
    std::string count = trimSpaces(f[col.sessions]);
    bool whole = !count.empty() && count.size() <= 15;
    for (char c : count) whole = whole && std::isdigit(static_cast<unsigned char>(c));
    if (!whole) bad(path, line, "BilledSessions '" + count + "' is not a whole number of sessions (0 or more)");
    u.sessions = std::stoll(count);
    auto [it, fresh] = seen.emplace(std::make_pair(u.date, lower(u.bot)), line);
    if (!fresh)
      bad(path, line, "the bot " + u.bot + " has a second figure for " + u.date + " (the first is on line " +
                          std::to_string(it->second) + "); a day's billed sessions are one total");
    out.push_back(std::move(u));
  }
  return out;
}

}  // namespace

std::vector<BotUsageLine> readBotUsageCsv(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) fail("InvalidCsv", category::ObjectNotFound, path, "The file " + path + " cannot be read.");
  format::CsvReader reader(in);
  try {
    return readLines(reader, path);
  } catch (const format::CsvParseError& e) {
    const format::CsvError& err = e.error();
    bad(path, static_cast<size_t>(err.line),
        err.message + (err.column > 0 ? " (column " + std::to_string(err.column) + ")" : std::string()), err.fix);
  }
}

}  // namespace plush::tenant
