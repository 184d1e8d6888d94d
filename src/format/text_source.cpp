// The bytes of a text file as checked UTF-8: BOM detection, UTF-16 decoding, UTF-8 validation.
#include "format/text_source.h"

#include <cstdio>

namespace plush::format {

namespace {

constexpr int kEof = std::char_traits<char>::eof();

std::string hexBytes(const std::string& bytes) {
  std::string out;
  for (unsigned char b : bytes) {
    char hex[8];
    std::snprintf(hex, sizeof hex, "%s0x%02X", out.empty() ? "" : " ", b);
    out += hex;
  }
  return out;
}

bool isContinuation(int b) { return b >= 0x80 && b <= 0xBF; }

}  // namespace

TextSource::TextSource(std::istream& in) : in_(in) { detectBom(); }

constexpr size_t kChunk = 1 << 16;

// Reads the first bytes and looks for a BOM; what is not a BOM is decoded as UTF-8 like the rest.
void TextSource::detectBom() {
  detecting_ = true;
  struct Done {
    bool& flag;
    ~Done() { flag = false; }
  } done{detecting_};
  int b0 = rawByte(), b1 = b0 == kEof ? kEof : rawByte();
  if (b0 == 0xEF && b1 == 0xBB) {
    if (rawByte() == 0xBF) return;
    --rawNext_;
  } else if ((b0 == 0xFF && b1 == 0xFE) || (b0 == 0xFE && b1 == 0xFF)) {
    encoding_ = b0 == 0xFF ? "UTF-16LE" : "UTF-16BE";
    return;
  }
  rawNext_ = 0;  // not a BOM: every byte read so far is still in raw_, from its start
}

int TextSource::rawByte() {
  if (rawNext_ == raw_.size()) {
    if (rawNext_ > 0 && !detecting_) {  // everything decoded: start the buffer over
      raw_.clear();
      rawNext_ = 0;
    }
    char chunk[kChunk];
    in_.read(chunk, kChunk);
    if (in_.gcount() <= 0) return kEof;
    raw_.append(chunk, static_cast<size_t>(in_.gcount()));
  }
  return static_cast<unsigned char>(raw_[rawNext_++]);
}

bool TextSource::invalid(std::string what) {
  problem_ = std::move(what);
  stopped_ = true;
  return false;
}

void TextSource::putUtf8(char32_t c) {
  if (c < 0x80) {
    ready_ += static_cast<char>(c);
  } else if (c < 0x800) {
    ready_ += static_cast<char>(0xC0 | (c >> 6));
    ready_ += static_cast<char>(0x80 | (c & 0x3F));
  } else if (c < 0x10000) {
    ready_ += static_cast<char>(0xE0 | (c >> 12));
    ready_ += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
    ready_ += static_cast<char>(0x80 | (c & 0x3F));
  } else {
    ready_ += static_cast<char>(0xF0 | (c >> 18));
    ready_ += static_cast<char>(0x80 | ((c >> 12) & 0x3F));
    ready_ += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
    ready_ += static_cast<char>(0x80 | (c & 0x3F));
  }
}

// One character: its bytes are passed on only once all of them are known to be well-formed
// (no overlong forms, surrogates or code points past U+10FFFF), as RFC 3629 defines UTF-8.
bool TextSource::fillUtf8() {
  int b = rawByte();
  if (b == kEof) return false;
  if (b < 0x80) {  // and the ASCII that follows it, in one piece: most of a CSV file
    size_t from = rawNext_ - 1, to = rawNext_;
    while (to < raw_.size() && static_cast<unsigned char>(raw_[to]) < 0x80) ++to;
    ready_.append(raw_, from, to - from);
    rawNext_ = to;
    return true;
  }
  int need = b >= 0xC2 && b <= 0xDF ? 1 : b >= 0xE0 && b <= 0xEF ? 2 : b >= 0xF0 && b <= 0xF4 ? 3 : 0;
  std::string seq(1, static_cast<char>(b));
  if (need == 0) return invalid("the byte " + hexBytes(seq) + " is not UTF-8");
  int low = 0x80, high = 0xBF;  // the second byte's range, narrower after E0, ED, F0 and F4
  if (b == 0xE0) low = 0xA0;
  if (b == 0xED) high = 0x9F;
  if (b == 0xF0) low = 0x90;
  if (b == 0xF4) high = 0x8F;
  for (int k = 0; k < need; ++k) {
    int c = rawByte();
    if (c != kEof) seq += static_cast<char>(c);
    bool ok = k == 0 ? c >= low && c <= high : isContinuation(c);
    if (!ok) return invalid("the bytes " + hexBytes(seq) + " are not UTF-8");
  }
  ready_ += seq;
  return true;
}

bool TextSource::fillUtf16() {
  auto unit = [&](bool& cut) -> int {
    int a = rawByte();
    if (a == kEof) return -1;
    int b = rawByte();
    if (b == kEof) {
      cut = true;
      return -1;
    }
    return encoding_ == "UTF-16LE" ? a | (b << 8) : (a << 8) | b;
  };
  bool cut = false;
  int u = unit(cut);
  if (cut) return invalid("an odd number of bytes: the last UTF-16 character is cut off");
  if (u < 0) return false;
  if (u == 0 && firstUnit_ && encoding_ == "UTF-16LE")  // FF FE 00 00: UTF-32's byte order mark
    return invalid("a UTF-32 byte order mark; save the file as UTF-8 or UTF-16");
  firstUnit_ = false;
  if (u >= 0xDC00 && u <= 0xDFFF) return invalid("a lone UTF-16 low surrogate");
  if (u >= 0xD800 && u <= 0xDBFF) {
    int low = unit(cut);
    if (low < 0xDC00 || low > 0xDFFF) return invalid("a UTF-16 high surrogate without its low surrogate");
    putUtf8(0x10000 + ((static_cast<char32_t>(u) - 0xD800) << 10) + (static_cast<char32_t>(low) - 0xDC00));
    return true;
  }
  putUtf8(static_cast<char32_t>(u));
  return true;
}

bool TextSource::fill() {
  if (stopped_) return false;
  bool more = encoding_ == "UTF-8" ? fillUtf8() : fillUtf16();
  if (!more) stopped_ = true;
  return more;
}

int TextSource::peekSlow(size_t ahead) {
  if (next_ > 0) {  // drop what was taken, so the buffer holds only what is ahead
    ready_.erase(0, next_);
    next_ = 0;
  }
  while (ready_.size() <= ahead) {
    if (!fill()) return problem_.empty() ? kEnd : kInvalid;
  }
  return static_cast<unsigned char>(ready_[ahead]);
}

}  // namespace plush::format
