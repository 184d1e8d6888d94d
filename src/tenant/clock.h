// The session clock and ISO 8601 dates: parsing, formatting, subscription status by date.
#pragma once

#include <chrono>
#include <optional>
#include <string>

namespace plush::tenant {

using Instant = std::chrono::sys_seconds;

// Accepts "2026-12-31", "2026-11-22T07:42", "2026-11-22T07:42:00Z", "...+02:00", fractions.
// Throws TenantError InvalidArgument naming `what` when the text is no date.
Instant parseInstant(const std::string& text, const std::string& what = "date");
std::string formatInstant(Instant t);  // 2026-11-22T07:42:00Z
std::string formatDate(Instant t);     // 2026-11-22
std::string normalizeDate(const std::string& text, const std::string& what = "date");
std::string normalizeInstant(const std::string& text, const std::string& what = "time");
Instant addDays(Instant t, int days);

// A fixed time (--now, $PLUSH_NOW: tests and planning), or the system clock read at every call,
// so a session open all day records each change at the moment it happens.
class Clock {
 public:
  explicit Clock(const std::string& nowIso = "");  // empty: the system clock
  Instant now() const;
  std::string nowIso() const { return formatInstant(now()); }
  std::string today() const { return formatDate(now()); }
  bool fixed() const { return fixed_.has_value(); }

 private:
  std::optional<Instant> fixed_;
};

// Rule 11: Enabled until ExpiresOn, then Warning for 30 days, Suspended for 90, then Deleted.
std::string statusByDate(const std::string& expiresOn, Instant now);
inline constexpr int kGraceDays = 30, kSuspendedDays = 90, kExpiringSoonDays = 30, kSoftDeleteDays = 30;

}  // namespace plush::tenant
