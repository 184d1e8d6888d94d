// --timeout and --max-memory values: parsing DURATION and SIZE, and the defaults of a script run.
#include "host/run_limits.h"

#include <cctype>
#include <cmath>
#include <cstdlib>
#include <sstream>

namespace plush::host {

namespace {

std::string lowered(const std::string& text) {
  std::string out;
  for (char c : text) out += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

// The leading decimal number of text, and the unit after it.
bool splitNumber(const std::string& text, double& number, std::string& unit) {
  size_t end = 0;
  while (end < text.size() && (std::isdigit(static_cast<unsigned char>(text[end])) || text[end] == '.')) ++end;
  if (end == 0 || text.find('.') != text.rfind('.')) return false;
  char* stop = nullptr;
  std::string digits = text.substr(0, end);
  number = std::strtod(digits.c_str(), &stop);
  if (*stop != '\0' || !std::isfinite(number)) return false;
  unit = lowered(text.substr(end));
  return true;
}

}  // namespace

std::optional<double> parseDuration(const std::string& text) {
  double n = 0;
  std::string unit;
  if (!splitNumber(text, n, unit)) return std::nullopt;
  if (unit.empty() || unit == "s") return n;
  if (unit == "ms") return n / 1000;
  if (unit == "m" || unit == "min") return n * 60;
  if (unit == "h") return n * 3600;
  return std::nullopt;
}

std::optional<size_t> parseSize(const std::string& text) {
  double n = 0;
  std::string unit;
  if (!splitNumber(text, n, unit)) return std::nullopt;
  if (unit.size() > 1 && unit.back() == 'b') unit.pop_back();       // MB, MiB
  if (unit.size() > 1 && unit.back() == 'i') unit.pop_back();       // Mi
  static const std::string units = "bkmgt";
  size_t power = unit.empty() ? 0 : units.find(unit);
  if (unit.size() > 1 || power == std::string::npos) return std::nullopt;
  double bytes = n * std::pow(1024.0, static_cast<double>(power));
  if (bytes >= 1.8e19) return std::nullopt;
  return static_cast<size_t>(bytes);
}

std::string sizeText(size_t bytes) {
  static const char* names[] = {"bytes", "KiB", "MiB", "GiB", "TiB"};
  double value = static_cast<double>(bytes);
  int i = 0;
  while (value >= 1024 && i < 4) value /= 1024, ++i;
  std::ostringstream out;
  out << std::round(value * 10) / 10 << " " << names[i];
  return out.str();
}

std::string durationText(double seconds) {
  std::ostringstream out;
  out << seconds << " s";
  return out.str();
}

}  // namespace plush::host
