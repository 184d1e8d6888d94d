// Format tests: the progress line's text (format/progress_line.h).
#include <catch2/catch.hpp>

#include "format/progress_line.h"
#include "format/width.h"

using namespace plush::format;

TEST_CASE("the progress line counts, rates, changes, errors and estimates", "[format][progress]") {
  ProgressState s;
  s.activity = "Set-UserLicense";
  s.done = 412000;
  s.total = 990106;
  s.changes = 403112;
  s.errors = 8888;
  s.seconds = 15;
  CHECK(renderProgressLine(s, 200) ==
        "Set-UserLicense: 412,000 of 990,106 (41%), 27,467/s, 403,112 changed, 8,888 errors, about 21 s left");
}

TEST_CASE("the progress line without a known size estimates from the share of the work done", "[format][progress]") {
  ProgressState s;
  s.activity = "Set-User";
  s.done = 10;
  s.errors = 1;
  s.seconds = 2;
  CHECK(renderProgressLine(s, 200) == "Set-User: 10, 5/s, 1 error");
  s.fraction = 0.25;
  CHECK(renderProgressLine(s, 200) == "Set-User: 10 (25%), 5/s, 1 error, about 6 s left");
  s.secondsLeft = 4000;
  CHECK(renderProgressLine(s, 200) == "Set-User: 10 (25%), 5/s, 1 error, about 1 h 6 min left");
}

TEST_CASE("the progress line fits the terminal", "[format][progress]") {
  ProgressState s;
  s.activity = "Set-UserLicense";
  s.done = 1234567;
  s.total = 2000000;
  s.seconds = 100;
  std::string line = renderProgressLine(s, 30);
  CHECK(displayWidth(line) <= 30);
  CHECK(line.rfind("Set-UserLicense: 1,234,567", 0) == 0);
  CHECK(groupedNumber(-1234) == "-1,234");
  CHECK(groupedNumber(999) == "999");
}
