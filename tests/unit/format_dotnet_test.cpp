// Unit tests: .NET date and number format strings (en-US), checked against the results Microsoft's documentation gives.
#include <catch2/catch.hpp>

#include <cmath>
#include <limits>

#include "format/dotnet_format.h"

using plush::format::DateTimeParts;
using plush::format::formatDateTime;
using plush::format::formatInteger;
using plush::format::formatNumber;
using plush::format::FormatError;
using plush::format::utcDateTime;

namespace {

// The moment the .NET documentation's examples use: 2009-06-15T13:45:30 (a Monday).
DateTimeParts docMoment(int ticks = 0) { return utcDateTime(1245073530, ticks); }

std::string date(std::string_view format, int ticks = 0) { return formatDateTime(docMoment(ticks), format); }

}  // namespace

TEST_CASE("Unix seconds become the UTC calendar", "[dotnet][date]") {
  DateTimeParts m = docMoment();
  CHECK(m.year == 2009);
  CHECK(m.month == 6);
  CHECK(m.day == 15);
  CHECK(m.hour == 13);
  CHECK(m.minute == 45);
  CHECK(m.second == 30);
  CHECK(m.dayOfWeek == 1);
  DateTimeParts before = utcDateTime(-1);
  CHECK(before.year == 1969);
  CHECK(before.month == 12);
  CHECK(before.day == 31);
  CHECK(before.hour == 23);
  CHECK(before.dayOfWeek == 3);
  DateTimeParts leap = utcDateTime(951782400);  // 2000-02-29
  CHECK(leap.month == 2);
  CHECK(leap.day == 29);
}

TEST_CASE("standard date formats are en-US's", "[dotnet][date]") {
  CHECK(date("d") == "6/15/2009");
  CHECK(date("D") == "Monday, June 15, 2009");
  CHECK(date("f") == "Monday, June 15, 2009 1:45 PM");
  CHECK(date("F") == "Monday, June 15, 2009 1:45:30 PM");
  CHECK(date("g") == "6/15/2009 1:45 PM");
  CHECK(date("G") == "6/15/2009 1:45:30 PM");
  CHECK(date("") == "6/15/2009 1:45:30 PM");
  CHECK(date("M") == "June 15");
  CHECK(date("m") == "June 15");
  CHECK(date("o") == "2009-06-15T13:45:30.0000000Z");
  CHECK(date("O", 6170000) == "2009-06-15T13:45:30.6170000Z");
  CHECK(date("R") == "Mon, 15 Jun 2009 13:45:30 GMT");
  CHECK(date("s") == "2009-06-15T13:45:30");
  CHECK(date("t") == "1:45 PM");
  CHECK(date("T") == "1:45:30 PM");
  CHECK(date("u") == "2009-06-15 13:45:30Z");
  CHECK(date("U") == "Monday, June 15, 2009 1:45:30 PM");
  CHECK(date("Y") == "June 2009");
  CHECK(date("y") == "June 2009");
}

TEST_CASE("custom date formats", "[dotnet][date]") {
  CHECK(date("yyyyMMdd") == "20090615");
  CHECK(date("yyyy-MM-dd HH:mm") == "2009-06-15 13:45");
  CHECK(date("yyyy-MM-dd-HH-mm-ss") == "2009-06-15-13-45-30");
  CHECK(date("dd-MMM-yyyy HH:mm") == "15-Jun-2009 13:45");
  CHECK(date("dddd, MMMM dd") == "Monday, June 15");
  CHECK(date("ddd d MMM") == "Mon 15 Jun");
  CHECK(date("hh:mm:ss tt") == "01:45:30 PM");
  CHECK(date("h:mm t") == "1:45 P");
  CHECK(date("%h") == "1");
  CHECK(date("%d") == "15");
  CHECK(date("%y") == "9");
  CHECK(date("yy") == "09");
  CHECK(date("yyy") == "2009");
  CHECK(date("yyyyy") == "02009");
  CHECK(date("HH:mm:ss.fff", 6170000) == "13:45:30.617");
  CHECK(date("HH:mm:ss.ff", 6170000) == "13:45:30.61");
  CHECK(date("HH:mm:ss.FFF", 6170000) == "13:45:30.617");
  CHECK(date("HH:mm:ss.FFF") == "13:45:30");  // nothing to show: the point goes too
  CHECK(date("HH:mm:ss.fff") == "13:45:30.000");
  CHECK(date("'Date:' yyyy") == "Date: 2009");
  CHECK(date("\"Q\"yyyy") == "Q2009");
  CHECK(date("\\d\\a\\y d") == "day 15");
  CHECK(date("zzz") == "+00:00");
  CHECK(date("zz") == "+00");
  CHECK(date("%K") == "Z");
  CHECK_THROWS_AS(date("K"), FormatError);  // one letter alone is a standard format
  CHECK(date("gg yyyy") == "A.D. 2009");
  CHECK(date("M/d/yy") == "6/15/09");
}

TEST_CASE("a local time shows its offset", "[dotnet][date]") {
  DateTimeParts m = docMoment();
  m.utc = false;
  m.offsetMinutes = -300;
  CHECK(formatDateTime(m, "zzz") == "-05:00");
  CHECK(formatDateTime(m, "%z") == "-5");
  CHECK(formatDateTime(m, "%K") == "-05:00");
  CHECK(formatDateTime(m, "o") == "2009-06-15T13:45:30.0000000-05:00");
  CHECK(formatDateTime(m, "u") == "2009-06-15 18:45:30Z");  // u is universal time
}

TEST_CASE("date formats .NET refuses are refused", "[dotnet][date]") {
  CHECK_THROWS_AS(date("Q"), FormatError);
  CHECK_THROWS_AS(date("fffffffff"), FormatError);
  CHECK_THROWS_AS(date("%%"), FormatError);
  CHECK_THROWS_AS(date("'open"), FormatError);
  CHECK_THROWS_AS(date("yyyy\\"), FormatError);
}

TEST_CASE("standard number formats", "[dotnet][number]") {
  CHECK(formatNumber(1234.5678, "N2") == "1,234.57");
  CHECK(formatNumber(12345.6789, "N") == "12,345.68");
  CHECK(formatNumber(-12345.6789, "N1") == "-12,345.7");
  CHECK(formatInteger(1234567, "N0") == "1,234,567");
  CHECK(formatNumber(123.456, "C") == "$123.46");
  CHECK(formatNumber(-123.456, "C") == "-$123.46");
  CHECK(formatNumber(12345.6789, "C3") == "$12,345.679");
  CHECK(formatInteger(1234, "D") == "1234");
  CHECK(formatInteger(-1234, "D6") == "-001234");
  CHECK(formatInteger(5, "D3") == "005");
  CHECK(formatNumber(1052.0329112756, "E") == "1.052033E+003");
  CHECK(formatNumber(1052.0329112756, "e2") == "1.05e+003");
  CHECK(formatNumber(-1052.0329112756, "E2") == "-1.05E+003");
  CHECK(formatNumber(0, "E2") == "0.00E+000");
  CHECK(formatNumber(1234.567, "F") == "1234.57");
  CHECK(formatInteger(1234, "F1") == "1234.0");
  CHECK(formatNumber(-1234.56, "F4") == "-1234.5600");
  CHECK(formatNumber(18934.1879, "F0") == "18934");
  CHECK(formatNumber(12345.6789, "G") == "12345.6789");
  CHECK(formatNumber(12345.6789, "G7") == "12345.68");
  CHECK(formatNumber(.0023, "G") == "0.0023");
  CHECK(formatNumber(1.2345E-25, "G") == "1.2345E-25");
  CHECK(formatNumber(123.456, "G4") == "123.5");
  CHECK(formatInteger(123456789, "G3") == "1.23E+08");
  CHECK(formatNumber(1, "P") == "100.00%");
  CHECK(formatNumber(0.39678, "P1") == "39.7%");
  CHECK(formatNumber(-0.39678, "P1") == "-39.7%");
  CHECK(formatInteger(255, "X") == "FF");
  CHECK(formatInteger(255, "x4") == "00ff");
  CHECK(formatInteger(-1, "x") == "ffffffff");
  CHECK(formatInteger(-4294967296LL, "X") == "FFFFFFFF00000000");
  CHECK(formatInteger(5, "B8") == "00000101");
  CHECK(formatNumber(1.618033988749895, "R") == "1.618033988749895");
}

TEST_CASE("G gives the shortest digits that read back, as .NET Core 3.0+", "[dotnet][number]") {
  CHECK(formatNumber(0.1, "") == "0.1");
  CHECK(formatNumber(1.0 / 3, "G") == "0.3333333333333333");
  CHECK(formatNumber(100, "G") == "100");
  CHECK(formatNumber(-60, "G") == "-60");
  CHECK(formatNumber(1e15, "G") == "1E+15");
  CHECK(formatNumber(123456789012345.0, "G") == "123456789012345");
  CHECK(formatNumber(0.0001, "G") == "0.0001");
  CHECK(formatNumber(0.00001, "G") == "1E-05");
  CHECK(formatNumber(0.0, "G") == "0");
  CHECK(formatNumber(-0.0, "G") == "-0");
  CHECK(formatInteger(12345, "G") == "12345");
}

TEST_CASE("standard formats round the exact value, ties to even", "[dotnet][number]") {
  CHECK(formatNumber(2.5, "F0") == "2");
  CHECK(formatNumber(3.5, "F0") == "4");
  CHECK(formatNumber(0.25, "F1") == "0.2");
  CHECK(formatNumber(0.35, "F1") == "0.3");  // 0.34999999999999997...
  CHECK(formatNumber(0.05, "F1") == "0.1");  // 0.05000000000000000277...
  CHECK(formatNumber(1.005, "F2") == "1.00");  // 1.00499999999999989...
  CHECK(formatNumber(0.0046, "F2") == "0.00");
  CHECK(formatNumber(1234.5, "G4") == "1234");
  CHECK(formatNumber(12.345, "C") == "$12.35");
  CHECK(formatNumber(9.999, "N2") == "10.00");
  CHECK(formatNumber(-0.001, "F2") == "-0.00");  // a negative value keeps its sign (.NET Core 3.0+)
  CHECK(formatInteger(125, "E1") == "1.3E+002");  // whole numbers round half up
}

TEST_CASE("custom number formats", "[dotnet][number]") {
  CHECK(formatNumber(1234.5678, "0.00") == "1234.57");
  CHECK(formatNumber(1234567.891, "#,##0.00") == "1,234,567.89");
  CHECK(formatInteger(1234567, "#,##0") == "1,234,567");
  CHECK(formatInteger(5, "#,##0") == "5");
  CHECK(formatInteger(0, "#,##0") == "0");
  CHECK(formatInteger(123, "00000") == "00123");
  CHECK(formatNumber(1.2, "0.00") == "1.20");
  CHECK(formatNumber(0.086, "#0.##%") == "8.6%");
  CHECK(formatInteger(1234567890, "(###) ###-####") == "(123) 456-7890");
  CHECK(formatInteger(1234567890, "#,#") == "1,234,567,890");
  CHECK(formatInteger(1234567890, "#,##0,,") == "1,235");
  CHECK(formatNumber(0.3697, "%#0.00") == "%36.97");
  CHECK(formatInteger(86000, "0.###E+0") == "8.6E+4");
  CHECK(formatInteger(86000, "0.###E+000") == "8.6E+004");
  CHECK(formatInteger(86000, "0.###E-000") == "8.6E004");
  CHECK(formatNumber(1234.567, "#####") == "1235");
  CHECK(formatNumber(0.45678, "#.##") == ".46");
  CHECK(formatNumber(0.45678, "#0.##") == "0.46");
  CHECK(formatNumber(12.3, ".00") == "12.30");
  CHECK(formatNumber(1.005, "0.00") == "1.01");  // 15 digits first, then half up, as .NET keeps for custom formats
  CHECK(formatInteger(5, "0#") == "05");
  CHECK(formatInteger(5, "0,000") == "0,005");
  CHECK(formatNumber(-1234.5, "0.0") == "-1234.5");
  CHECK(formatNumber(-0.1, "0") == "-0");
  CHECK(formatInteger(42, "'n='0") == "n=42");
  CHECK(formatInteger(42, "\\#0") == "#42");
}

TEST_CASE("custom formats with sections", "[dotnet][number]") {
  CHECK(formatInteger(1234, "##;(##)") == "1234");
  CHECK(formatInteger(-1234, "##;(##)") == "(1234)");
  CHECK(formatInteger(0, "##;(##);**Zero**") == "**Zero**");
  CHECK(formatNumber(-1234.5, "#,##0.00;(#,##0.00);Zero") == "(1,234.50)");
  CHECK(formatNumber(0.001, "0.00;-0.00;Zero") == "Zero");  // rounds to zero: the zero section
  CHECK(formatNumber(-0.001, "+0.00;-0.00") == "+0.00");
}

TEST_CASE("number formats .NET refuses, and the special values", "[dotnet][number]") {
  CHECK_THROWS_AS(formatNumber(1.5, "D2"), FormatError);
  CHECK_THROWS_AS(formatNumber(1.5, "X"), FormatError);
  CHECK_THROWS_AS(formatNumber(1.5, "Z"), FormatError);
  CHECK_THROWS_AS(formatNumber(1.5, "N5000"), FormatError);
  CHECK(formatNumber(std::nan(""), "N2") == "NaN");
  CHECK(formatNumber(std::numeric_limits<double>::infinity(), "N2") == "\xE2\x88\x9E");
  CHECK(formatNumber(-std::numeric_limits<double>::infinity(), "0.00") == "-\xE2\x88\x9E");
  CHECK(formatInteger(INT64_MIN, "N0") == "-9,223,372,036,854,775,808");
  CHECK(formatNumber(1.7976931348623157e308, "G") == "1.7976931348623157E+308");
}

TEST_CASE("the format items PowerShell admins write most", "[dotnet][number]") {
  CHECK(formatNumber(3.141592653589793, "N") == "3.14");
  CHECK(formatInteger(7, "00") == "07");
  CHECK(formatInteger(365, "000000") == "000365");
  CHECK(formatNumber(5.0, "0.00") == "5.00");
  CHECK(formatNumber(123.456e2, "e2") == "1.23e+004");
  CHECK(formatInteger(65535, "X8") == "0000FFFF");
  CHECK(formatNumber(2.26, "0.0") == "2.3");
  CHECK(formatNumber(0.25, "0%") == "25%");
  CHECK(formatNumber(12.345, "0.0") == "12.3");
  CHECK(formatNumber(3.14159, "00.00") == "03.14");
  CHECK(formatNumber(0.5, "0.00") == "0.50");
  CHECK(formatNumber(3.14159, "#.##") == "3.14");
  CHECK(formatInteger(3, "#.##") == "3");
  CHECK(formatNumber(76.0, "N1") == "76.0");
  CHECK(formatInteger(42, "D5") == "00042");
  CHECK(formatInteger(255, "X2") == "FF");
}
