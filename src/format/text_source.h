// The bytes of a text file as checked UTF-8: BOM detection, UTF-16 decoding, UTF-8 validation.
#pragma once

#include <istream>
#include <string>

namespace plush::format {

// Reads a text file one UTF-8 byte at a time with any lookahead. A UTF-8 BOM is dropped; a UTF-16
// BOM (LE or BE) makes the rest UTF-16, decoded to UTF-8. Without a BOM the file must be UTF-8:
// a byte sequence that is not (Latin-1, Windows-1252, a lone surrogate, a cut-off character) is
// never passed on; peek() gives kInvalid there, and problem() says what was found.
class TextSource {
 public:
  static constexpr int kEnd = -1;
  static constexpr int kInvalid = -2;

  explicit TextSource(std::istream& in);
  int peek(size_t ahead = 0) {
    if (next_ + ahead < ready_.size()) return static_cast<unsigned char>(ready_[next_ + ahead]);
    return peekSlow(ahead);
  }
  int get() {
    int c = peek();
    if (c >= 0) ++next_;
    return c;
  }
  const std::string& encoding() const { return encoding_; }  // UTF-8 or UTF-16LE or UTF-16BE
  const std::string& problem() const { return problem_; }    // set once kInvalid was met

 private:
  int peekSlow(size_t ahead);
  void detectBom();
  bool fill();  // decodes more characters into ready_; false at the end or at a bad sequence
  bool fillUtf8();
  bool fillUtf16();
  int rawByte();
  void putUtf8(char32_t c);
  bool invalid(std::string what);

  std::istream& in_;
  std::string raw_;  // bytes read from the stream and not yet decoded, from rawNext_
  size_t rawNext_ = 0;
  bool detecting_ = false;  // looking for a BOM: raw_ keeps its first bytes
  std::string encoding_ = "UTF-8";
  bool firstUnit_ = true;
  std::string ready_;  // decoded bytes not yet taken, from next_
  size_t next_ = 0;
  std::string problem_;
  bool stopped_ = false;  // at the end or at a bad sequence: nothing more is decoded
};

}  // namespace plush::format
