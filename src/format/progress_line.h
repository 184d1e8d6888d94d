// A one-line progress report for long work, redrawn in place on a terminal; for any caller.
//
// Shared on purpose: a changing pipeline's progress (shell/progress.cpp) and Write-Progress both
// describe their work in a ProgressState and let a ProgressDisplay decide when and whether to draw:
// only on a terminal, not before the work has run a while, a few times a second at most, and
// cleared before other output and when the work ends.
#pragma once

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>

namespace plush::format {

struct ProgressState {
  std::string activity;              // what runs: "Set-UserLicense"
  std::string status;                // free text after the activity (Write-Progress -Status)
  int64_t done = 0;                  // objects finished
  std::optional<int64_t> total;      // objects in all, when the input says
  std::optional<int64_t> changes;    // changes made so far
  std::optional<int64_t> errors;     // errors reported so far
  std::optional<double> fraction;    // share of the work done (0 to 1), when known; else done / total
  std::optional<double> secondsLeft; // given; else estimated from the time taken for the fraction done
  double seconds = 0;                // since the work started: gives the rate
};

// "Set-UserLicense: 412,000 of 990,106 (41%), 27,500/s, 403,112 changed, 8,888 errors, about 21 s left",
// cut with … to `width` cells.
std::string renderProgressLine(const ProgressState& state, int width);

// "1,234,567"
std::string groupedNumber(int64_t n);

class ProgressDisplay {
 public:
  using Clock = std::chrono::steady_clock;
  // Draws on `fd` if it is a terminal, once the work has run `showAfter`, at most every `every`.
  explicit ProgressDisplay(int fd = 2, Clock::duration showAfter = std::chrono::seconds(2),
                           Clock::duration every = std::chrono::milliseconds(200));
  ~ProgressDisplay();
  ProgressDisplay(const ProgressDisplay&) = delete;
  ProgressDisplay& operator=(const ProgressDisplay&) = delete;

  bool enabled() const { return enabled_; }
  void disable();  // e.g. --output json: stderr is for records then
  // The work (re)starts: its clock starts now.
  void start();
  // Draws the state when due; seconds is filled in from the clock.
  void update(ProgressState state);
  // Removes the line, if one is shown (before other output, and when the work ends).
  void clear();
  bool shown() const { return shown_; }

 private:
  int fd_;
  bool enabled_;
  bool shown_ = false;
  Clock::duration showAfter_, every_;
  Clock::time_point started_, drawn_;
  void write(const std::string& text) const;
};

}  // namespace plush::format
