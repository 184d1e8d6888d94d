// Capacity periods (calendar months, UTC) and the arithmetic of a pool: percentages, projection.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "tenant/clock.h"

namespace plush::tenant {

struct CapacityPeriod {
  std::string month;              // 2026-11
  std::string firstDay, lastDay;  // 2026-11-01, 2026-11-30
  Instant start, end;             // end: the first instant after the period
  int days = 0;
};

// "2026-11"; anything else is InvalidArgument naming the value.
CapacityPeriod monthPeriod(const std::string& month);
CapacityPeriod periodAt(Instant t);

// The instant a period's pool is read at: the clock within the period, else the period's last
// second (a past month) or its first (a month to come).
Instant poolInstant(const CapacityPeriod& p, Instant now);

// Days of the period from its first day to `day` (an ISO date within it), both counted.
int daysInto(const CapacityPeriod& p, const std::string& day);

// What `consumed` over the first `elapsedDays` days comes to over `periodDays` at the same daily
// rate, rounded to the nearest whole (halves up). elapsedDays must be at least 1.
int64_t projectToPeriodEnd(int64_t consumed, int elapsedDays, int periodDays);

// part / whole as a percentage with one decimal; none when whole is not above 0.
std::optional<double> percentOf(int64_t part, int64_t whole);
double oneDecimal(double value);

}  // namespace plush::tenant
