// Display width of UTF-8 text in terminal cells, measured by grapheme cluster.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace plush::format {

// One user-perceived character: its bytes and the cells a terminal gives it (0, 1 or 2).
struct Grapheme {
  std::string_view text;
  int width = 0;
};

// Walks text one grapheme cluster at a time. An invalid UTF-8 byte is a cluster of its own,
// one cell wide, so broken data still lines up instead of vanishing.
class GraphemeCursor {
 public:
  explicit GraphemeCursor(std::string_view utf8) : text_(utf8) {}
  bool next(Grapheme& out);

 private:
  std::string_view text_;
  size_t pos_ = 0;
};

// CJK and emoji (ZWJ sequences, flags, skin tones, VS16) are 2 cells; combining marks and
// control characters 0; an invalid byte 1.
int displayWidth(std::string_view utf8);

// The text itself when it fits, else its longest grapheme prefix that leaves room for "…"
// (1 cell) followed by "…". Never pads, so the result may be narrower than width.
std::string fitToWidth(std::string_view utf8, int width);

// Pads with spaces to width cells; text already as wide or wider is returned unchanged.
std::string padRight(std::string_view utf8, int width);
std::string padLeft(std::string_view utf8, int width);

// Cuts one line into pieces of at most width cells, at grapheme boundaries. A width below 2
// cannot hold a wide character, so the text is then returned whole.
std::vector<std::string> wrapToWidth(std::string_view utf8, int width);

}  // namespace plush::format
