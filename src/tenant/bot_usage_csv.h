// Reading a bots' billed-sessions CSV (Date, Bot, BilledSessions: the per-bot analytics export's shape).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace plush::tenant {

struct BotUsageLine {
  size_t line = 0;  // where the record starts in the file
  std::string date, bot;
  int64_t sessions = 0;
};

// Every record, checked: the three columns (any case; "Bot name"/"Agent" and "Billed sessions"
// spellings too), dates as YYYY-MM-DD, whole non-negative session counts, no bot and day twice.
// Throws InvalidCsv naming file:line on the first bad record, so nothing of a bad file is used.
std::vector<BotUsageLine> readBotUsageCsv(const std::string& path);

}  // namespace plush::tenant
