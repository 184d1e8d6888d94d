// DateTime.ToString(format) as .NET does it in the en-US culture: standard one-letter formats and custom patterns.
#include <array>
#include <chrono>
#include <cstdlib>

#include "format/dotnet_format.h"

namespace plush::format {

namespace {

constexpr std::array<std::string_view, 12> kMonthNames = {"January", "February", "March",     "April",
                                                          "May",     "June",     "July",      "August",
                                                          "September", "October", "November", "December"};
constexpr std::array<std::string_view, 7> kDayNames = {"Sunday",   "Monday", "Tuesday", "Wednesday",
                                                       "Thursday", "Friday", "Saturday"};

// en-US patterns behind the standard formats.
constexpr std::string_view kShortDate = "M/d/yyyy";
constexpr std::string_view kLongDate = "dddd, MMMM d, yyyy";
constexpr std::string_view kShortTime = "h:mm tt";
constexpr std::string_view kLongTime = "h:mm:ss tt";

// How many times the character at i repeats from there.
int runLength(std::string_view format, size_t i) {
  size_t j = i;
  while (j < format.size() && format[j] == format[i]) ++j;
  return static_cast<int>(j - i);
}

void appendDigits(std::string& out, long long value, int minDigits) {
  std::string digits = std::to_string(value < 0 ? -value : value);
  if (value < 0) out += '-';
  if (static_cast<int>(digits.size()) < minDigits) out.append(minDigits - digits.size(), '0');
  out += digits;
}

// 'text' or "text" (a backslash inside escapes the next character); returns the index after the closing quote.
size_t appendQuoted(std::string& out, std::string_view format, size_t open) {
  char quote = format[open];
  size_t i = open + 1;
  while (i < format.size() && format[i] != quote) {
    if (format[i] == '\\' && i + 1 < format.size()) ++i;
    out += format[i++];
  }
  if (i >= format.size())
    throw FormatError("the quote at position " + std::to_string(open + 1) + " of the date format is not closed");
  return i + 1;
}

void appendOffset(std::string& out, const DateTimeParts& m, int length) {
  int offset = m.utc ? 0 : m.offsetMinutes;
  out += offset < 0 ? '-' : '+';
  offset = std::abs(offset);
  appendDigits(out, offset / 60, length == 1 ? 1 : 2);
  if (length >= 3) {
    out += ':';
    appendDigits(out, offset % 60, 2);
  }
}

void appendFraction(std::string& out, const DateTimeParts& m, char letter, int length) {
  if (length > 7) throw FormatError("a date format has at most 7 '" + std::string(1, letter) + "' (100 ns)");
  int divisor = 1;
  for (int i = length; i < 7; ++i) divisor *= 10;
  int fraction = m.ticks / divisor;
  std::string digits;
  appendDigits(digits, fraction, length);
  if (letter == 'F') {
    while (!digits.empty() && digits.back() == '0') digits.pop_back();
    // Nothing to show: the '.' written before it goes too, as .NET does ("HH:mm:ss.FFF" of a whole second).
    if (digits.empty() && !out.empty() && out.back() == '.') out.pop_back();
  }
  out += digits;
}

// One run of a pattern letter: `letter` repeated `length` times.
void appendField(std::string& out, const DateTimeParts& m, char letter, int length) {
  switch (letter) {
    case 'd':
      if (length <= 2) appendDigits(out, m.day, length);
      else if (length == 3) out += kDayNames[m.dayOfWeek].substr(0, 3);
      else out += kDayNames[m.dayOfWeek];
      return;
    case 'M':
      if (length <= 2) appendDigits(out, m.month, length);
      else if (length == 3) out += kMonthNames[m.month - 1].substr(0, 3);
      else out += kMonthNames[m.month - 1];
      return;
    case 'y':
      appendDigits(out, length <= 2 ? m.year % 100 : m.year, length);
      return;
    case 'h':
      appendDigits(out, m.hour % 12 == 0 ? 12 : m.hour % 12, std::min(length, 2));
      return;
    case 'H':
      appendDigits(out, m.hour, std::min(length, 2));
      return;
    case 'm':
      appendDigits(out, m.minute, std::min(length, 2));
      return;
    case 's':
      appendDigits(out, m.second, std::min(length, 2));
      return;
    case 'f':
    case 'F':
      appendFraction(out, m, letter, length);
      return;
    case 't':
      out += length == 1 ? (m.hour < 12 ? "A" : "P") : (m.hour < 12 ? "AM" : "PM");
      return;
    case 'z':
      appendOffset(out, m, length);
      return;
    case 'K':
      if (m.utc) out += 'Z';
      else appendOffset(out, m, 3);
      return;
    case 'g':
      out += "A.D.";
      return;
    default:
      out.append(length, letter);
  }
}

bool isPatternLetter(char c) { return std::string_view("dMyhHmsfFtzKg").find(c) != std::string_view::npos; }

std::string formatCustom(const DateTimeParts& m, std::string_view format) {
  std::string out;
  size_t i = 0;
  while (i < format.size()) {
    char c = format[i];
    if (isPatternLetter(c)) {
      int length = runLength(format, i);
      appendField(out, m, c, length);
      i += length;
    } else if (c == '\'' || c == '"') {
      i = appendQuoted(out, format, i);
    } else if (c == '\\') {
      if (i + 1 >= format.size()) throw FormatError("the date format ends with '\\', which escapes nothing");
      out += format[i + 1];
      i += 2;
    } else if (c == '%') {
      // %c: the one letter c as a custom pattern (so "%d" is the day, not the short date).
      if (i + 1 >= format.size() || format[i + 1] == '%')
        throw FormatError("'%' in a date format must be followed by one pattern letter");
      appendField(out, m, format[i + 1], 1);
      i += 2;
    } else {
      out += c;  // ':' and '/' are the en-US separators themselves
      ++i;
    }
  }
  return out;
}

std::string_view standardPattern(char letter) {
  switch (letter) {
    case 'd': return kShortDate;
    case 'D': return kLongDate;
    case 'f': return "dddd, MMMM d, yyyy h:mm tt";
    case 'F': return "dddd, MMMM d, yyyy h:mm:ss tt";
    case 'g': return "M/d/yyyy h:mm tt";
    case 'G': return "M/d/yyyy h:mm:ss tt";
    case 'm': case 'M': return "MMMM d";
    case 'o': case 'O': return "yyyy'-'MM'-'dd'T'HH':'mm':'ss'.'fffffffK";
    case 'r': case 'R': return "ddd, dd MMM yyyy HH':'mm':'ss 'GMT'";
    case 's': return "yyyy'-'MM'-'dd'T'HH':'mm':'ss";
    case 't': return kShortTime;
    case 'T': return kLongTime;
    case 'u': return "yyyy'-'MM'-'dd HH':'mm':'ss'Z'";
    case 'U': return "dddd, MMMM d, yyyy h:mm:ss tt";
    case 'y': case 'Y': return "MMMM yyyy";
    default: return {};
  }
}

DateTimeParts toUniversal(const DateTimeParts& m) {
  if (m.utc) return m;
  auto seconds = std::chrono::sys_days{std::chrono::year{m.year} / m.month / m.day}.time_since_epoch() /
                     std::chrono::seconds(1) +
                 m.hour * 3600 + m.minute * 60 + m.second - m.offsetMinutes * 60;
  return utcDateTime(seconds, m.ticks);
}

}  // namespace

DateTimeParts utcDateTime(int64_t unixSeconds, int ticks) {
  using namespace std::chrono;
  int64_t days = unixSeconds >= 0 ? unixSeconds / 86400 : -((-unixSeconds + 86399) / 86400);
  int64_t secondOfDay = unixSeconds - days * 86400;
  sys_days day{std::chrono::days{days}};
  year_month_day ymd{day};
  DateTimeParts m;
  m.year = static_cast<int>(ymd.year());
  m.month = static_cast<int>(static_cast<unsigned>(ymd.month()));
  m.day = static_cast<int>(static_cast<unsigned>(ymd.day()));
  m.dayOfWeek = static_cast<int>(weekday{day}.c_encoding());
  m.hour = static_cast<int>(secondOfDay / 3600);
  m.minute = static_cast<int>(secondOfDay % 3600 / 60);
  m.second = static_cast<int>(secondOfDay % 60);
  m.ticks = ticks;
  return m;
}

std::string formatDateTime(const DateTimeParts& moment, std::string_view format) {
  if (format.empty()) format = "G";
  if (format.size() > 1) return formatCustom(moment, format);
  std::string_view pattern = standardPattern(format[0]);
  if (pattern.empty())
    throw FormatError("'" + std::string(format) +
                      "' is not a standard date format (d D f F g G M o r s t T u U Y); for the letter as a pattern, write %" +
                      std::string(format));
  char letter = format[0];
  bool universal = letter == 'r' || letter == 'R' || letter == 'u' || letter == 'U';
  return formatCustom(universal ? toUniversal(moment) : moment, pattern);
}

}  // namespace plush::format
