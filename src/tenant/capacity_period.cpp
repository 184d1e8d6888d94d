// Capacity periods (calendar months, UTC) and the arithmetic of a pool: percentages, projection.
#include "tenant/capacity_period.h"

#include <cctype>
#include <cmath>

#include "tenant/errors.h"

namespace plush::tenant {

namespace {

using namespace std::chrono;

CapacityPeriod periodOf(year_month ym) {
  CapacityPeriod p;
  sys_days first{ym / 1}, next{(ym + months{1}) / 1};
  p.start = Instant{first};
  p.end = Instant{next};
  p.days = static_cast<int>((next - first).count());
  p.firstDay = formatDate(p.start);
  p.lastDay = formatDate(p.end - days{1});
  p.month = p.firstDay.substr(0, 7);
  return p;
}

}  // namespace

CapacityPeriod monthPeriod(const std::string& month) {
  bool shaped = month.size() == 7 && month[4] == '-';
  for (size_t i = 0; shaped && i < month.size(); ++i)
    if (i != 4 && !std::isdigit(static_cast<unsigned char>(month[i]))) shaped = false;
  int m = shaped ? std::stoi(month.substr(5, 2)) : 0;
  if (!shaped || m < 1 || m > 12)
    failInvalidArgument(month, "'" + month + "' is not a month; name one as YYYY-MM, such as 2026-11.");
  return periodOf(std::chrono::year{std::stoi(month.substr(0, 4))} / std::chrono::month{static_cast<unsigned>(m)});
}

CapacityPeriod periodAt(Instant t) {
  using namespace std::chrono;
  year_month_day ymd{floor<days>(t)};
  return periodOf(ymd.year() / ymd.month());
}

Instant poolInstant(const CapacityPeriod& p, Instant now) {
  if (now < p.start) return p.start;
  if (now >= p.end) return p.end - std::chrono::seconds{1};
  return now;
}

int daysInto(const CapacityPeriod& p, const std::string& day) {
  return static_cast<int>(std::chrono::floor<std::chrono::days>(parseInstant(day) - p.start).count()) + 1;
}

int64_t projectToPeriodEnd(int64_t consumed, int elapsedDays, int periodDays) {
  // consumed * periodDays / elapsedDays, rounded half up, in whole numbers (no floating error).
  return (2 * consumed * periodDays + elapsedDays) / (2 * static_cast<int64_t>(elapsedDays));
}

double oneDecimal(double value) { return std::round(value * 10.0) / 10.0; }

std::optional<double> percentOf(int64_t part, int64_t whole) {
  if (whole <= 0) return std::nullopt;
  return oneDecimal(100.0 * static_cast<double>(part) / static_cast<double>(whole));
}

}  // namespace plush::tenant
