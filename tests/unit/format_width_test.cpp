// Unit tests: display width by grapheme cluster, cutting to a width, padding.
#include <catch2/catch.hpp>

#include "format/width.h"

using plush::format::displayWidth;
using plush::format::fitToWidth;
using plush::format::padLeft;
using plush::format::padRight;
using plush::format::wrapToWidth;

TEST_CASE("ASCII is one cell per character", "[width]") {
  CHECK(displayWidth("") == 0);
  CHECK(displayWidth("POWER_BI_PRO") == 12);
  CHECK(displayWidth("alice@contoso.com") == 17);
}

TEST_CASE("CJK characters are two cells", "[width]") {
  CHECK(displayWidth("日本語") == 6);
  CHECK(displayWidth("営業部 Sales") == 12);
  CHECK(displayWidth("한국") == 4);
  CHECK(displayWidth("\u1100\u1161\u11A8") == 2);  // one Hangul syllable spelled as jamo
}

TEST_CASE("combining marks take no cell", "[width]") {
  CHECK(displayWidth("e\u0301") == 1);  // é decomposed
  CHECK(displayWidth("\u00e9") == 1);   // é precomposed
  CHECK(displayWidth("U\u0308ni\u0308co\u0308de\u0301") == 7);  // Ünïcödé, decomposed
  CHECK(displayWidth("Ünïcödé") == 7);                             // precomposed
  CHECK(displayWidth("\u0301") == 0);   // a mark with nothing to combine with
}

TEST_CASE("emoji are two cells, sequences included", "[width]") {
  CHECK(displayWidth("👩‍💻") == 2);              // ZWJ sequence
  CHECK(displayWidth("👨‍👩‍👧‍👦") == 2);            // family
  CHECK(displayWidth("🇯🇵") == 2);               // flag
  CHECK(displayWidth("🇯🇵🇺🇸") == 4);             // two flags
  CHECK(displayWidth("👍🏽") == 2);               // skin tone
  CHECK(displayWidth("\u2764\uFE0F") == 2);     // ❤️ with emoji presentation
  CHECK(displayWidth("1\uFE0F\u20E3") == 2);    // keycap
  CHECK(displayWidth("ok 👍") == 5);
}

TEST_CASE("control characters take no cell, invalid bytes one each", "[width]") {
  CHECK(displayWidth("a\tb") == 2);
  CHECK(displayWidth("a\r\nb") == 2);
  CHECK(displayWidth("\x1b") == 0);
  CHECK(displayWidth("a\xff\xfe") == 3);
  CHECK(displayWidth("\xe6\x97") == 2);          // a CJK character cut short
  CHECK(displayWidth("\xed\xa0\x80") == 3);      // an encoded surrogate is not UTF-8
}

TEST_CASE("fitToWidth keeps text that fits and cuts the rest with an ellipsis", "[width]") {
  CHECK(fitToWidth("Sales", 5) == "Sales");
  CHECK(fitToWidth("Sales", 9) == "Sales");
  CHECK(fitToWidth("Marketing", 5) == "Mark…");
  CHECK(fitToWidth("Marketing", 1) == "…");
  CHECK(fitToWidth("Marketing", 0).empty());
}

TEST_CASE("fitToWidth never splits or overflows a wide character", "[width]") {
  const std::string cjk = "日本語テキスト";  // 14 cells
  for (int width = 1; width <= 15; ++width) {
    std::string cut = fitToWidth(cjk, width);
    INFO("width " << width << " gave " << cut);
    CHECK(displayWidth(cut) <= width);
    CHECK(displayWidth(cut) >= width - 1);
  }
  CHECK(fitToWidth(cjk, 5) == "日本…");
  CHECK(fitToWidth(cjk, 4) == "日…");
  CHECK(fitToWidth(cjk, 3) == "日…");
  CHECK(fitToWidth(cjk, 2) == "…");
  CHECK(fitToWidth("👩‍💻👩‍💻👩‍💻", 4) == "👩‍💻…");
  CHECK(fitToWidth("e\u0301e\u0301e\u0301", 2) == "e\u0301…");
}

TEST_CASE("padding counts display cells", "[width]") {
  CHECK(padRight("日本", 6) == "日本  ");
  CHECK(padLeft("日本", 6) == "  日本");
  CHECK(padRight("e\u0301", 3) == "e\u0301  ");
  CHECK(padRight("toolong", 3) == "toolong");
  CHECK(padLeft("42", 0) == "42");
}

TEST_CASE("wrapToWidth cuts at grapheme boundaries", "[width]") {
  auto pieces = wrapToWidth("日本語abc", 3);
  REQUIRE(pieces.size() == 4);
  CHECK(pieces[0] == "日");
  CHECK(pieces[1] == "本");
  CHECK(pieces[2] == "語a");
  CHECK(pieces[3] == "bc");
  CHECK(wrapToWidth("", 5) == std::vector<std::string>{""});
}
