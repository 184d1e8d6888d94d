// A one-line progress report for long work, redrawn in place on a terminal; for any caller.
#include "format/progress_line.h"

#include <sys/ioctl.h>
#include <unistd.h>

#include <algorithm>
#include <cmath>
#include <vector>

#include "format/width.h"

namespace plush::format {

namespace {

std::string duration(double seconds) {
  long s = std::lround(std::max(0.0, seconds));
  if (s < 60) return std::to_string(s) + " s";
  if (s < 3600) return std::to_string(s / 60) + " min " + std::to_string(s % 60) + " s";
  return std::to_string(s / 3600) + " h " + std::to_string(s % 3600 / 60) + " min";
}

int terminalWidth(int fd) {
  winsize size{};
  if (ioctl(fd, TIOCGWINSZ, &size) == 0 && size.ws_col > 0) return size.ws_col;
  return 80;
}

}  // namespace

std::string groupedNumber(int64_t n) {
  std::string digits = std::to_string(n < 0 ? -n : n), out;
  for (size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out += ',';
    out += digits[i];
  }
  return n < 0 ? "-" + out : out;
}

std::string renderProgressLine(const ProgressState& s, int width) {
  std::vector<std::string> parts;
  // Write-Progress counts nothing: it gives a status and a share done
  std::string count = s.done > 0 || s.total ? groupedNumber(s.done) : "";
  std::optional<double> fraction = s.fraction;
  if (s.total && *s.total > 0) {
    count += " of " + groupedNumber(*s.total);
    if (!fraction) fraction = static_cast<double>(s.done) / static_cast<double>(*s.total);
  }
  if (fraction) fraction = std::clamp(*fraction, 0.0, 1.0);
  if (fraction) count += (count.empty() ? "" : " ") + ("(" + std::to_string(static_cast<int>(*fraction * 100)) + "%)");
  if (!count.empty()) parts.push_back(count);
  double rate = s.seconds > 0 ? s.done / s.seconds : 0;
  if (rate > 0) parts.push_back(groupedNumber(std::llround(rate)) + "/s");
  if (s.changes) parts.push_back(groupedNumber(*s.changes) + " changed");
  if (s.errors) parts.push_back(groupedNumber(*s.errors) + (*s.errors == 1 ? " error" : " errors"));
  std::optional<double> left = s.secondsLeft;
  if (!left && fraction && *fraction > 0) left = s.seconds * (1 - *fraction) / *fraction;
  if (left) parts.push_back("about " + duration(*left) + " left");
  std::string line = s.activity;
  if (!s.status.empty()) line += (line.empty() ? "" : " ") + s.status;
  line += line.empty() ? "" : ": ";
  for (size_t i = 0; i < parts.size(); ++i) line += (i ? ", " : "") + parts[i];
  return fitToWidth(line, width);
}

ProgressDisplay::ProgressDisplay(int fd, Clock::duration showAfter, Clock::duration every)
    : fd_(fd), enabled_(isatty(fd) == 1), showAfter_(showAfter), every_(every), started_(Clock::now()) {}

ProgressDisplay::~ProgressDisplay() { clear(); }

void ProgressDisplay::disable() {
  clear();
  enabled_ = false;
}

void ProgressDisplay::start() {
  clear();
  started_ = Clock::now();
  drawn_ = {};
}

void ProgressDisplay::update(ProgressState state) {
  if (!enabled_) return;
  Clock::time_point now = Clock::now();
  if (now - started_ < showAfter_ || (shown_ && now - drawn_ < every_)) return;
  state.seconds = std::chrono::duration<double>(now - started_).count();
  // One cell short of the width: a line that fills the last column makes some terminals wrap.
  write("\r" + renderProgressLine(state, terminalWidth(fd_) - 1) + "\x1b[K");
  shown_ = true;
  drawn_ = now;
}

void ProgressDisplay::clear() {
  if (!shown_) return;
  write("\r\x1b[K");
  shown_ = false;
}

// Straight to the descriptor: the line is not output, so neither stdio buffers nor a transcript see it.
void ProgressDisplay::write(const std::string& text) const {
  size_t at = 0;
  while (at < text.size()) {
    ssize_t n = ::write(fd_, text.data() + at, text.size() - at);
    if (n <= 0) return;
    at += static_cast<size_t>(n);
  }
}

}  // namespace plush::format
