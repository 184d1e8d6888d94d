// Number.ToString(format) as .NET Core 3.0+ does it in the en-US culture: standard (N2, D3, P1, C, X, F, E, G) and custom (0.00, #,##0) formats.
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <vector>

#include "format/dotnet_format.h"

namespace plush::format {

namespace {

constexpr int kMaxPrecision = 1000;          // .NET allows 999,999,999 digits; plush refuses a format that would fill memory
constexpr int kCustomFormatDigits = 15;      // .NET's DoublePrecisionCustomFormat

// A number as .NET's formatter holds it: value = 0.d1d2d3... × 10^scale. `digits` has no leading or
// trailing zeros and is empty for zero (which keeps its sign: -0).
struct Decimal {
  bool negative = false;
  std::string digits;
  int scale = 0;
  bool isZero() const { return digits.empty(); }
  char at(int i) const { return i >= 0 && i < static_cast<int>(digits.size()) ? digits[i] : '0'; }
};

void trim(Decimal& d) {
  size_t first = d.digits.find_first_not_of('0');
  if (first == std::string::npos) {
    d.digits.clear();
    d.scale = 0;
    return;
  }
  d.digits.erase(0, first);
  d.scale -= static_cast<int>(first);
  d.digits.erase(d.digits.find_last_not_of('0') + 1);
}

// From printf's "%.Ne" text of |value|: "d.dddde+XX".
Decimal fromScientific(const char* text, bool negative) {
  std::string_view s(text);
  size_t e = s.find('e');
  Decimal d;
  d.negative = negative;
  d.digits = std::string(1, s[0]) + std::string(s.substr(2, e > 2 ? e - 2 : 0));
  d.scale = std::atoi(text + e + 1) + 1;
  trim(d);
  return d;
}

// Every digit of the binary value (glibc prints it exactly; a double has at most 767 significant digits).
Decimal exactDigits(double value) {
  if (value == 0) return Decimal{std::signbit(value), "", 0};
  std::vector<char> buffer(800);
  std::snprintf(buffer.data(), buffer.size(), "%.770e", std::fabs(value));
  return fromScientific(buffer.data(), std::signbit(value));
}

// The fewest digits that read back as the same double (.NET Core 3.0+'s default "G" and "R").
Decimal shortestDigits(double value) {
  if (value == 0) return Decimal{std::signbit(value), "", 0};
  char buffer[40];
  for (int precision = 1; precision <= 17; ++precision) {
    std::snprintf(buffer, sizeof buffer, "%.*e", precision - 1, std::fabs(value));
    if (std::strtod(buffer, nullptr) == std::fabs(value)) break;
  }
  return fromScientific(buffer, std::signbit(value));
}

Decimal integerDigits(int64_t value) {
  Decimal d;
  d.negative = value < 0;
  uint64_t magnitude = value < 0 ? 0 - static_cast<uint64_t>(value) : static_cast<uint64_t>(value);
  d.digits = std::to_string(magnitude);
  d.scale = static_cast<int>(d.digits.size());
  trim(d);
  return d;
}

// Even: the digits are exact, so this is correct rounding, ties to even (standard formats of a double).
// HalfUp: .NET's rounding of its digit buffer (integers, and custom formats after their 15 digits).
enum class Ties { Even, HalfUp };

// Keep the first `keep` digits, rounding what follows into them.
void roundAt(Decimal& d, int keep, Ties ties) {
  if (static_cast<int>(d.digits.size()) <= keep) return;
  if (keep < 0) {
    d.digits.clear();
    d.scale = 0;
    return;
  }
  char next = d.digits[keep];
  bool up;
  if (ties == Ties::HalfUp || next != '5') up = next >= '5';
  else if (keep + 1 < static_cast<int>(d.digits.size())) up = true;  // trimmed: what follows the 5 is not zero
  else up = keep > 0 && (d.digits[keep - 1] - '0') % 2 == 1;
  d.digits.resize(keep);
  if (up) {
    int i = keep - 1;
    while (i >= 0 && d.digits[i] == '9') d.digits[i--] = '0';
    if (i < 0) {
      d.digits.insert(d.digits.begin(), '1');
      ++d.scale;
    } else {
      ++d.digits[i];
    }
  }
  trim(d);
}

struct Value {
  Decimal exact;       // exact (double) or the integer's digits
  bool integer = false;
  double real = 0;
  int64_t whole = 0;
  Ties ties() const { return integer ? Ties::HalfUp : Ties::Even; }
};

// Commas every three digits of the integer part.
std::string grouped(const std::string& digits) {
  std::string out;
  for (size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out += ',';
    out += digits[i];
  }
  return out;
}

// The integer part and `decimals` fraction digits of an already rounded number.
std::string fixed(const Decimal& d, int decimals, bool group) {
  std::string whole;
  for (int i = 0; i < d.scale; ++i) whole += d.at(i);
  if (whole.empty()) whole = "0";
  std::string out = group ? grouped(whole) : whole;
  if (decimals > 0) {
    out += '.';
    for (int i = 0; i < decimals; ++i) out += d.at(d.scale + i);
  }
  return out;
}

std::string exponent(int value, char letter, int minDigits, bool plusSign) {
  std::string out(1, letter);
  if (value < 0) out += '-';
  else if (plusSign) out += '+';
  std::string digits = std::to_string(std::abs(value));
  if (static_cast<int>(digits.size()) < minDigits) out.append(minDigits - digits.size(), '0');
  return out + digits;
}

std::string sign(const Decimal& d, std::string text) { return d.negative ? "-" + text : text; }

// "G": plain digits, or scientific when the exponent is past maxDigits or below -4.
std::string general(const Decimal& d, int maxDigits, char letter) {
  if (d.isZero()) return sign(d, "0");
  std::string out;
  if (d.scale > maxDigits || d.scale < -3) {
    out += d.digits[0];
    if (d.digits.size() > 1) out += "." + d.digits.substr(1);
    out += exponent(d.scale - 1, letter == 'G' ? 'E' : 'e', 2, true);
  } else {
    out = fixed(d, 0, false);
    int fraction = static_cast<int>(d.digits.size()) - d.scale;
    if (fraction > 0) out += '.' + std::string(std::max(0, -d.scale), '0') + d.digits.substr(std::max(0, d.scale));
  }
  return sign(d, out);
}

std::string scientific(Decimal d, int precision, char letter, Ties ties) {
  roundAt(d, precision + 1, ties);
  std::string out(1, d.isZero() ? '0' : d.digits[0]);
  if (precision > 0) {
    out += '.';
    for (int i = 1; i <= precision; ++i) out += d.at(i);
  }
  return sign(d, out + exponent(d.isZero() ? 0 : d.scale - 1, letter, 3, true));
}

// X and B: a negative value as its two's complement, 32 bits when it fits in an Int32 (as PowerShell's int literals), else 64.
std::string radix(int64_t value, int bitsPerDigit, bool upper, int minDigits) {
  uint64_t bits = static_cast<uint64_t>(value);
  if (value < 0 && value >= INT32_MIN) bits &= 0xFFFFFFFFu;
  const char* alphabet = upper ? "0123456789ABCDEF" : "0123456789abcdef";
  std::string out;
  do {
    out.insert(out.begin(), alphabet[bits & ((1u << bitsPerDigit) - 1)]);
    bits >>= bitsPerDigit;
  } while (bits);
  if (static_cast<int>(out.size()) < minDigits) out.insert(0, minDigits - out.size(), '0');
  return out;
}

[[noreturn]] void integersOnly(char letter) {
  throw FormatError(std::string("the format ") + letter + " takes a whole number, not a fraction");
}

std::string standard(const Value& v, char letter, int precision) {
  char upper = static_cast<char>(letter >= 'a' ? letter - 'a' + 'A' : letter);
  Decimal d = v.exact;
  switch (upper) {
    case 'C':
    case 'F':
    case 'N': {
      int decimals = precision < 0 ? 2 : precision;
      roundAt(d, d.scale + decimals, v.ties());
      std::string text = fixed(d, decimals, upper != 'F');
      return d.negative ? (upper == 'C' ? "-$" : "-") + text : (upper == 'C' ? "$" : "") + text;
    }
    case 'P': {
      int decimals = precision < 0 ? 2 : precision;
      if (!d.isZero()) d.scale += 2;
      roundAt(d, d.scale + decimals, v.ties());
      return sign(d, fixed(d, decimals, true) + "%");
    }
    case 'E':
      return scientific(d, precision < 0 ? 6 : precision, letter, v.ties());
    case 'G':
    case 'R': {
      if (upper == 'R' || precision <= 0) {
        if (v.integer) return sign(d, fixed(d, 0, false));
        Decimal shortest = shortestDigits(v.real);
        return general(shortest, std::max(static_cast<int>(shortest.digits.size()), 15), letter == 'r' ? 'g' : letter == 'R' ? 'G' : letter);
      }
      roundAt(d, precision, v.ties());
      return general(d, precision, letter);
    }
    case 'D': {
      if (!v.integer) integersOnly(letter);
      std::string digits = fixed(d, 0, false);
      if (static_cast<int>(digits.size()) < precision) digits.insert(0, precision - digits.size(), '0');
      return sign(d, digits);
    }
    case 'X':
      if (!v.integer) integersOnly(letter);
      return radix(v.whole, 4, letter == 'X', precision);
    case 'B':
      if (!v.integer) integersOnly(letter);
      return radix(v.whole, 1, true, precision);
    default:
      throw FormatError(std::string("'") + letter + "' is not a number format (C D E F G N P R X B, or a custom one such as 0.00)");
  }
}

// ---- custom formats ----

// The sections of "positive;negative;zero", split where a ';' is neither quoted nor escaped.
std::vector<std::string_view> sections(std::string_view format) {
  std::vector<std::string_view> out;
  size_t start = 0;
  for (size_t i = 0; i < format.size(); ++i) {
    char c = format[i];
    if (c == '\'' || c == '"') {
      size_t close = format.find(c, i + 1);
      i = close == std::string_view::npos ? format.size() : close;
    } else if (c == '\\') {
      ++i;
    } else if (c == ';') {
      out.push_back(format.substr(start, i - start));
      start = i + 1;
    }
  }
  out.push_back(format.substr(std::min(start, format.size())));
  return out;
}

// What a section asks for, read in one pass as .NET reads it.
struct Layout {
  int placeholders = 0;    // 0 and # in all
  int decimalPos = -1;     // placeholders before the decimal point
  int firstZero = -1;      // placeholder index of the first 0
  int lastZeroEnd = -1;    // placeholder index just past the last 0
  bool grouping = false;
  int scaleShift = 0;      // % (+2), ‰ (+3), commas just before the point (-3 each)
  bool scientific = false;
};

bool startsExponent(std::string_view s, size_t after) {
  if (after < s.size() && s[after] == '0') return true;
  return after + 1 < s.size() && (s[after] == '+' || s[after] == '-') && s[after + 1] == '0';
}

constexpr std::string_view kPerMille = "\xE2\x80\xB0";  // ‰ in UTF-8

Layout readLayout(std::string_view s) {
  Layout l;
  int commaPos = -1, commaCount = 0;
  for (size_t i = 0; i < s.size(); ++i) {
    char c = s[i];
    if (c == '#' || c == '0') {
      if (c == '0') {
        if (l.firstZero < 0) l.firstZero = l.placeholders;
        l.lastZeroEnd = l.placeholders + 1;
      }
      ++l.placeholders;
    } else if (c == '.') {
      if (l.decimalPos < 0) l.decimalPos = l.placeholders;
    } else if (c == ',') {
      if (l.placeholders > 0 && l.decimalPos < 0) {
        if (commaPos == l.placeholders) {
          ++commaCount;
          continue;
        }
        if (commaPos >= 0) l.grouping = true;
        commaPos = l.placeholders;
        commaCount = 1;
      }
    } else if (c == '%') {
      l.scaleShift += 2;
    } else if (s.compare(i, kPerMille.size(), kPerMille) == 0) {
      l.scaleShift += 3;
      i += kPerMille.size() - 1;
    } else if (c == '\'' || c == '"') {
      size_t close = s.find(c, i + 1);
      i = close == std::string_view::npos ? s.size() : close;
    } else if (c == '\\') {
      ++i;
    } else if ((c == 'E' || c == 'e') && startsExponent(s, i + 1)) {
      l.scientific = true;
      i += s[i + 1] == '0' ? 0 : 1;
      while (i + 1 < s.size() && s[i + 1] == '0') ++i;
    }
  }
  if (l.decimalPos < 0) l.decimalPos = l.placeholders;
  if (commaPos >= 0) {
    if (commaPos == l.decimalPos) l.scaleShift -= 3 * commaCount;
    else l.grouping = true;
  }
  return l;
}

// Writes the section with the number's digits in its placeholders.
class CustomWriter {
 public:
  CustomWriter(std::string_view section, const Layout& layout, const Decimal& d) : s_(section), l_(layout), d_(d) {
    mandatoryInt_ = l_.firstZero >= 0 && l_.firstZero < l_.decimalPos ? l_.decimalPos - l_.firstZero : 0;
    mandatoryFrac_ = l_.lastZeroEnd > l_.decimalPos ? l_.lastZeroEnd - l_.decimalPos : 0;
    if (l_.scientific) {
      position_ = l_.decimalPos;
    } else {
      position_ = std::max(d_.scale, l_.decimalPos);
      excess_ = d_.scale - l_.decimalPos;
    }
  }

  std::string write() {
    for (size_t i = 0; i < s_.size(); ++i) {
      char c = s_[i];
      if (excess_ > 0 && (c == '#' || c == '0' || c == '.')) writeExcess();
      if (c == '#' || c == '0') placeholder();
      else if (c == '.') point();
      else if (c == ',') continue;
      else if (c == '\'' || c == '"') i = quoted(i);
      else if (c == '\\') {
        if (i + 1 < s_.size()) out_ += s_[++i];
      } else if (c == 'E' || c == 'e') i = exponentPart(i);
      else out_ += c;
    }
    return out_;
  }

  bool wroteDigit() const { return wroteDigit_; }

 private:
  void digit(char c) {
    out_ += c;
    wroteDigit_ = true;
    if (l_.grouping && position_ > 1 && (position_ - 1) % 3 == 0) out_ += ',';
  }

  // The number has more integer digits than the format has places: they all go at the first place.
  void writeExcess() {
    while (excess_ > 0) {
      digit(next_ < static_cast<int>(d_.digits.size()) ? d_.digits[next_++] : '0');
      --position_;
      --excess_;
    }
  }

  void placeholder() {
    char c = 0;
    if (excess_ < 0) {
      ++excess_;
      if (position_ <= mandatoryInt_) c = '0';
    } else if (next_ < static_cast<int>(d_.digits.size())) {
      c = d_.digits[next_++];
    } else if (position_ > -mandatoryFrac_) {
      c = '0';
    }
    if (c) digit(c);
    --position_;
  }

  void point() {
    if (position_ != 0 || pointWritten_) return;
    if (mandatoryFrac_ > 0 || (l_.decimalPos < l_.placeholders && next_ < static_cast<int>(d_.digits.size()))) {
      out_ += '.';
      pointWritten_ = true;
    }
  }

  size_t quoted(size_t open) {
    size_t close = s_.find(s_[open], open + 1);
    if (close == std::string_view::npos) close = s_.size();
    out_ += s_.substr(open + 1, close - open - 1);
    return close;
  }

  size_t exponentPart(size_t at) {
    if (!l_.scientific || !startsExponent(s_, at + 1) || exponentWritten_) {
      out_ += s_[at];
      return at;
    }
    size_t i = at + 1;
    bool plus = s_[i] == '+';
    if (s_[i] == '+' || s_[i] == '-') ++i;
    int zeros = 0;
    while (i < s_.size() && s_[i] == '0') ++zeros, ++i;
    out_ += exponent(d_.isZero() ? 0 : d_.scale - l_.decimalPos, s_[at], std::min(zeros, 10), plus);
    exponentWritten_ = true;
    return i - 1;
  }

  std::string_view s_;
  const Layout& l_;
  const Decimal& d_;
  std::string out_;
  int mandatoryInt_ = 0, mandatoryFrac_ = 0;
  int position_ = 0;   // places left before the decimal point (negative: into the fraction)
  int excess_ = 0;     // integer digits beyond the format's places (positive) or places beyond the digits (negative)
  int next_ = 0;       // next digit of the number to write
  bool wroteDigit_ = false, pointWritten_ = false, exponentWritten_ = false;
};

std::string custom(const Value& v, std::string_view format) {
  Decimal d = v.exact;
  if (!v.integer) roundAt(d, kCustomFormatDigits, Ties::Even);
  std::vector<std::string_view> parts = sections(format);
  auto pick = [&](size_t wanted) -> size_t { return wanted < parts.size() && !parts[wanted].empty() ? wanted : 0; };
  bool explicitNegative = parts.size() > 1 && !parts[1].empty();
  size_t section = pick(d.isZero() ? 2 : d.negative ? 1 : 0);
  Layout layout;
  for (;;) {
    layout = readLayout(parts[section]);
    if (d.isZero()) break;
    d.scale += layout.scaleShift;
    roundAt(d, layout.scientific ? layout.placeholders : d.scale + layout.placeholders - layout.decimalPos, Ties::HalfUp);
    if (!d.isZero()) break;
    size_t zeroSection = pick(2);
    if (zeroSection == section) break;
    section = zeroSection;  // rounded to zero: the zero section writes it
  }
  CustomWriter writer(parts[section], layout, d);
  std::string body = writer.write();
  bool minus = d.negative && section == 0 && !explicitNegative && writer.wroteDigit();
  return minus ? "-" + body : body;
}

std::string format(const Value& v, std::string_view fmt) {
  if (!v.integer && std::isnan(v.real)) return "NaN";
  if (!v.integer && std::isinf(v.real)) return v.real < 0 ? "-\xE2\x88\x9E" : "\xE2\x88\x9E";
  if (fmt.empty()) fmt = "G";
  char letter = fmt[0];
  bool isStandard = ((letter >= 'A' && letter <= 'Z') || (letter >= 'a' && letter <= 'z')) && fmt.size() <= 10 &&
                    fmt.substr(1).find_first_not_of("0123456789") == std::string_view::npos;
  if (!isStandard) return custom(v, fmt);
  int precision = fmt.size() > 1 ? std::atoi(std::string(fmt.substr(1)).c_str()) : -1;
  if (precision > kMaxPrecision)
    throw FormatError("the precision of " + std::string(fmt) + " is more than " + std::to_string(kMaxPrecision) + " digits");
  return standard(v, letter, precision);
}

}  // namespace

std::string formatNumber(double value, std::string_view fmt) {
  Value v;
  v.real = value;
  if (std::isfinite(value)) v.exact = exactDigits(value);
  return format(v, fmt);
}

std::string formatInteger(int64_t value, std::string_view fmt) {
  Value v;
  v.integer = true;
  v.whole = value;
  v.exact = integerDigits(value);
  return format(v, fmt);
}

}  // namespace plush::format
