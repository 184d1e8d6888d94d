// Display width of UTF-8 text in terminal cells, measured by grapheme cluster.
#include "format/width.h"

#include <utf8proc.h>

#include <algorithm>

namespace plush::format {

namespace {

constexpr utf8proc_int32_t kEmojiPresentation = 0xFE0F;
constexpr std::string_view kEllipsis = "…";

bool isRegionalIndicator(utf8proc_int32_t cp) { return cp >= 0x1F1E6 && cp <= 0x1F1FF; }

// What the cluster's code points add up to on screen. The widest code point wins rather than
// the sum, because a Hangul syllable spelled as jamo or an emoji ZWJ sequence is drawn as one
// glyph. Two regional indicators form a flag, and VS16 asks for the wide emoji glyph of a
// character that is narrow as text (❤️, 1️⃣); utf8proc rates both members narrow.
struct ClusterWidth {
  int widest = 0;
  int regionalIndicators = 0;
  bool emojiPresentation = false;

  void add(utf8proc_int32_t cp) {
    widest = std::max(widest, utf8proc_charwidth(cp));
    regionalIndicators += isRegionalIndicator(cp) ? 1 : 0;
    emojiPresentation = emojiPresentation || cp == kEmojiPresentation;
  }
  int cells() const {
    if (regionalIndicators >= 2) return 2;
    if (emojiPresentation && widest == 1) return 2;
    return std::min(widest, 2);
  }
};

// Decodes one code point at text[pos]; returns its byte length, or 0 when the bytes are invalid.
size_t decodeAt(std::string_view text, size_t pos, utf8proc_int32_t& cp) {
  auto* bytes = reinterpret_cast<const utf8proc_uint8_t*>(text.data() + pos);
  utf8proc_ssize_t len = utf8proc_iterate(bytes, static_cast<utf8proc_ssize_t>(text.size() - pos), &cp);
  return len > 0 ? static_cast<size_t>(len) : 0;
}

std::string spaces(int count) { return std::string(static_cast<size_t>(std::max(count, 0)), ' '); }

}  // namespace

bool GraphemeCursor::next(Grapheme& out) {
  if (pos_ >= text_.size()) return false;
  const size_t start = pos_;
  utf8proc_int32_t previous = 0;
  size_t len = decodeAt(text_, pos_, previous);
  if (len == 0) {
    out = {text_.substr(start, 1), 1};
    pos_ = start + 1;
    return true;
  }
  ClusterWidth width;
  width.add(previous);
  pos_ += len;
  utf8proc_int32_t state = 0;
  while (pos_ < text_.size()) {
    utf8proc_int32_t cp = 0;
    len = decodeAt(text_, pos_, cp);
    if (len == 0 || utf8proc_grapheme_break_stateful(previous, cp, &state)) break;
    width.add(cp);
    previous = cp;
    pos_ += len;
  }
  out = {text_.substr(start, pos_ - start), width.cells()};
  return true;
}

int displayWidth(std::string_view utf8) {
  // Printable ASCII is one cell a byte, and it is nearly every cell of a table: no decoding then.
  if (std::all_of(utf8.begin(), utf8.end(), [](char c) { return c >= 0x20 && c < 0x7F; }))
    return static_cast<int>(utf8.size());
  GraphemeCursor cursor(utf8);
  Grapheme g;
  int total = 0;
  while (cursor.next(g)) total += g.width;
  return total;
}

std::string fitToWidth(std::string_view utf8, int width) {
  if (displayWidth(utf8) <= width) return std::string(utf8);
  if (width <= 0) return {};
  const int budget = width - 1;  // one cell is kept for the ellipsis
  GraphemeCursor cursor(utf8);
  Grapheme g;
  int used = 0;
  size_t end = 0;
  while (cursor.next(g) && used + g.width <= budget) {
    used += g.width;
    end = static_cast<size_t>(g.text.data() + g.text.size() - utf8.data());
  }
  return std::string(utf8.substr(0, end)) + std::string(kEllipsis);
}

std::string padRight(std::string_view utf8, int width) {
  return std::string(utf8) + spaces(width - displayWidth(utf8));
}

std::string padLeft(std::string_view utf8, int width) {
  return spaces(width - displayWidth(utf8)) + std::string(utf8);
}

std::vector<std::string> wrapToWidth(std::string_view utf8, int width) {
  if (width < 2) return {std::string(utf8)};
  std::vector<std::string> pieces(1);
  int used = 0;
  GraphemeCursor cursor(utf8);
  Grapheme g;
  while (cursor.next(g)) {
    if (used + g.width > width) {
      pieces.emplace_back();
      used = 0;
    }
    pieces.back() += g.text;
    used += g.width;
  }
  return pieces;
}

}  // namespace plush::format
