// The session clock and ISO 8601 dates: parsing, formatting, subscription status by date.
#include "tenant/clock.h"

#include <cctype>

#include "tenant/errors.h"

namespace plush::tenant {
namespace {

using namespace std::chrono;

// Reads `count` digits at `i` into `out`; false if they are not there.
bool digits(const std::string& s, size_t& i, int count, int& out) {
  out = 0;
  for (int k = 0; k < count; ++k, ++i) {
    if (i >= s.size() || !std::isdigit(static_cast<unsigned char>(s[i]))) return false;
    out = out * 10 + (s[i] - '0');
  }
  return true;
}

bool parseDatePart(const std::string& s, size_t& i, sys_days& day) {
  int y, m, d;
  if (!digits(s, i, 4, y) || i >= s.size() || s[i++] != '-' || !digits(s, i, 2, m) || i >= s.size() ||
      s[i++] != '-' || !digits(s, i, 2, d))
    return false;
  year_month_day ymd{year{y}, month{static_cast<unsigned>(m)}, std::chrono::day{static_cast<unsigned>(d)}};
  if (!ymd.ok()) return false;
  day = sys_days{ymd};
  return true;
}

bool parseTimePart(const std::string& s, size_t& i, seconds& tod) {
  int h, m, sec = 0;
  if (!digits(s, i, 2, h) || i >= s.size() || s[i++] != ':' || !digits(s, i, 2, m)) return false;
  if (i < s.size() && s[i] == ':' && !(++i, digits(s, i, 2, sec))) return false;
  if (i < s.size() && s[i] == '.') {
    ++i;
    while (i < s.size() && std::isdigit(static_cast<unsigned char>(s[i]))) ++i;
  }
  if (h > 23 || m > 59 || sec > 60) return false;
  tod = hours{h} + minutes{m} + seconds{sec};
  return true;
}

bool parseZone(const std::string& s, size_t& i, seconds& offset) {
  offset = seconds{0};
  if (i == s.size()) return true;
  if (s[i] == 'Z' || s[i] == 'z') return ++i == s.size();
  if (s[i] != '+' && s[i] != '-') return false;
  int sign = s[i++] == '-' ? -1 : 1, h, m;
  if (!digits(s, i, 2, h)) return false;
  if (i < s.size() && s[i] == ':') ++i;
  if (!digits(s, i, 2, m)) return false;
  offset = sign * (hours{h} + minutes{m});
  return i == s.size();
}

// Zero-padded to `width` digits; built as a string so no buffer can be cut short.
std::string padded(long long value, int width) {
  std::string digits = std::to_string(value < 0 ? -value : value);
  if (digits.size() < static_cast<size_t>(width)) digits.insert(0, width - digits.size(), '0');
  return value < 0 ? "-" + digits : digits;
}

}  // namespace

Instant parseInstant(const std::string& text, const std::string& what) {
  size_t i = 0;
  sys_days day;
  seconds tod{0}, offset{0};
  bool ok = parseDatePart(text, i, day);
  if (ok && i < text.size() && (text[i] == 'T' || text[i] == 't' || text[i] == ' '))
    ok = parseTimePart(text, ++i, tod);
  ok = ok && parseZone(text, i, offset);
  if (!ok)
    fail("InvalidArgument", category::InvalidArgument, text,
         "'" + text + "' is not a valid " + what + "; use ISO 8601 such as 2026-12-31 or 2026-11-22T07:42:00Z.");
  return Instant{day} + tod - offset;
}

std::string formatInstant(Instant t) {
  sys_days day = floor<days>(t);
  year_month_day ymd{day};
  hh_mm_ss<seconds> hms{t - day};
  return padded(int(ymd.year()), 4) + '-' + padded(unsigned(ymd.month()), 2) + '-' + padded(unsigned(ymd.day()), 2) +
         'T' + padded(hms.hours().count(), 2) + ':' + padded(hms.minutes().count(), 2) + ':' +
         padded(hms.seconds().count(), 2) + 'Z';
}

std::string formatDate(Instant t) { return formatInstant(t).substr(0, 10); }

std::string normalizeDate(const std::string& text, const std::string& what) {
  return formatDate(parseInstant(text, what));
}

std::string normalizeInstant(const std::string& text, const std::string& what) {
  return formatInstant(parseInstant(text, what));
}

Instant addDays(Instant t, int n) { return t + days{n}; }

Clock::Clock(const std::string& nowIso) {
  if (!nowIso.empty()) fixed_ = parseInstant(nowIso, "clock (--now)");
}

Instant Clock::now() const { return fixed_ ? *fixed_ : floor<seconds>(system_clock::now()); }

std::string statusByDate(const std::string& expiresOn, Instant now) {
  if (expiresOn.empty()) return "Enabled";
  Instant expires = parseInstant(expiresOn);
  if (now < expires) return "Enabled";
  if (now < addDays(expires, kGraceDays)) return "Warning";
  if (now < addDays(expires, kGraceDays + kSuspendedDays)) return "Suspended";
  return "Deleted";
}

}  // namespace plush::tenant
