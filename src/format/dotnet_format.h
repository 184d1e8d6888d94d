// .NET format strings in the en-US culture: DateTime.ToString(format) and number ToString(format), as PowerShell 7 gives them.
#pragma once

#include <cstdint>
#include <stdexcept>
#include <string>
#include <string_view>

namespace plush::format {

// A format .NET refuses (it throws FormatException): "fffffffff", "D2" for a fraction, "%%", an open quote.
struct FormatError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

// A moment as .NET's DateTime holds it. plush's clock is UTC, so `utc` is the usual case: then K gives
// "Z" and z, zz, zzz give +00:00; a local time gives its offset.
struct DateTimeParts {
  int year = 1, month = 1, day = 1;
  int hour = 0, minute = 0, second = 0;
  int ticks = 0;           // 100-ns units past the second, 0..9,999,999 (the f and F digits)
  int dayOfWeek = 1;       // 0 Sunday .. 6 Saturday
  bool utc = true;
  int offsetMinutes = 0;   // for a local time: minutes east of UTC
};

// The UTC calendar fields of seconds since 1970-01-01T00:00:00Z (proleptic Gregorian).
DateTimeParts utcDateTime(int64_t unixSeconds, int ticks = 0);

// DateTime.ToString(format):
// - one letter is a standard format: d (M/d/yyyy), D (dddd, MMMM d, yyyy), f, F, g, G, M/m (MMMM d),
//   O/o (round trip, yyyy-MM-ddTHH:mm:ss.fffffffK), R/r (RFC 1123), s (sortable), t (h:mm tt),
//   T (h:mm:ss tt), u (universal sortable), U, Y/y (MMMM yyyy); any other letter alone is refused;
// - anything else is custom: d dd ddd dddd, M MM MMM MMMM, y yy yyy yyyy, h hh H HH m mm s ss,
//   f..fffffff F..FFFFFFF, t tt, z zz zzz, K, g (era), : and /, 'quoted' and "quoted" text, \c, %c;
//   other characters are copied.
// An empty format is "G". Names are en-US (January, Mon, AM/PM), as PowerShell on an en-US system.
std::string formatDateTime(const DateTimeParts& moment, std::string_view format);

// Number.ToString(format) for a Double and an Int64 (a Lua float and integer):
// - standard: C (currency, $1,234.57, -$1,234.57), D (integers only; minimum digits), E (1.234568E+003),
//   F (fixed; 2 decimals by default), G (general; shortest round-trip digits by default), N (1,234.57),
//   P (percent: 12.35%), R (round trip), X (hexadecimal, integers only; a negative value is written
//   as its 32-bit two's complement when it fits in 32 bits, else 64-bit), B (binary, integers only);
//   each with an optional precision: N0, D3, P1, X8;
// - custom: 0 # . , % ‰ E+0 E-0 e0, 'text' "text" \c, and up to three sections: positive;negative;zero.
// Rounding is .NET Core 3.0+'s: standard formats round the exact binary value to nearest, ties to even
// (2.5 F0 is 2, 1.005 F2 is 1.00); custom formats first take 15 significant digits, then round half up
// (1.005 as 0.00 is 1.01). A negative value that rounds to zero keeps its sign (-0.0), as .NET does.
// An empty format is "G". NaN, ∞ and -∞ are written as .NET writes them.
std::string formatNumber(double value, std::string_view format);
std::string formatInteger(int64_t value, std::string_view format);

}  // namespace plush::format
