// The one strict JSON reader of plush: nlohmann's parser driving a builder through checks of our own.
#include "format/json_reader.h"

#include <utf8proc.h>

#include <cstring>
#include <iterator>
#include <unordered_map>
#include <vector>

namespace plush::format {

JsonParseError::JsonParseError(JsonError error) : std::runtime_error(error.message), error_(std::move(error)) {}

namespace {

// An input iterator that records how far nlohmann's lexer has read, so that our own checks
// (depth, keys) can name the place: the SAX events themselves carry no position.
struct Cursor {
  using iterator_category = std::input_iterator_tag;
  using value_type = char;
  using difference_type = std::ptrdiff_t;
  using pointer = const char*;
  using reference = const char&;

  const char* at;
  const char** reached;

  reference operator*() const { return *at; }
  Cursor& operator++() {
    *reached = ++at;
    return *this;
  }
  Cursor operator++(int) {
    Cursor before = *this;
    ++*this;
    return before;
  }
  bool operator==(const Cursor& other) const { return at == other.at; }
  bool operator!=(const Cursor& other) const { return at != other.at; }
};

// The key with every code point lower-cased (simple case mapping, as .NET's OrdinalIgnoreCase).
std::string folded(const std::string& key) {
  std::string out;
  out.reserve(key.size());
  size_t i = 0;
  while (i < key.size()) {
    unsigned char c = static_cast<unsigned char>(key[i]);
    if (c < 0x80) {
      out += static_cast<char>(c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c);
      ++i;
      continue;
    }
    utf8proc_int32_t cp = 0;
    auto n = utf8proc_iterate(reinterpret_cast<const utf8proc_uint8_t*>(key.data() + i),
                              static_cast<utf8proc_ssize_t>(key.size() - i), &cp);
    if (n <= 0) {  // not UTF-8 (the lexer refuses it first): compare the byte as it is
      out += key[i++];
      continue;
    }
    utf8proc_uint8_t buffer[4];
    auto length = utf8proc_encode_char(utf8proc_tolower(cp), buffer);
    out.append(reinterpret_cast<const char*>(buffer), static_cast<size_t>(length));
    i += static_cast<size_t>(n);
  }
  return out;
}

JsonError errorAt(std::string_view text, size_t offset, std::string message) {
  JsonError e;
  e.message = std::move(message);
  e.offset = std::min(offset, text.size());
  for (size_t i = 0; i < e.offset; ++i) {
    unsigned char c = static_cast<unsigned char>(text[i]);
    if (c == '\n') {
      ++e.line;
      e.column = 1;
    } else if ((c & 0xC0) != 0x80) {
      ++e.column;
    }
  }
  return e;
}

// The length of the well-formed UTF-8 character at text[i], or 0.
size_t utf8Length(const std::string& text, size_t i) {
  auto byte = [&](size_t k) { return static_cast<unsigned char>(text[k]); };
  unsigned char b = byte(i);
  size_t n = b < 0x80 ? 1 : (b >> 5) == 0x6 && b >= 0xC2 ? 2 : (b >> 4) == 0xE ? 3 : b >= 0xF0 && b <= 0xF4 ? 4 : 0;
  if (n == 0 || i + n > text.size()) return 0;
  for (size_t k = 1; k < n; ++k)
    if ((byte(i + k) & 0xC0) != 0x80) return 0;
  if (n == 3 && ((b == 0xE0 && byte(i + 1) < 0xA0) || (b == 0xED && byte(i + 1) >= 0xA0))) return 0;
  if (n == 4 && ((b == 0xF0 && byte(i + 1) < 0x90) || (b == 0xF4 && byte(i + 1) >= 0x90))) return 0;
  return n;
}

// The bytes nlohmann quotes from the input ("last read: '...'") as text a terminal and a log can
// show: bytes that are not UTF-8 and control characters become \xNN.
std::string printable(const std::string& text) {
  std::string out;
  for (size_t i = 0; i < text.size();) {
    size_t n = utf8Length(text, i);
    auto b = static_cast<unsigned char>(text[i]);
    if (n == 0 || b < 0x20 || b == 0x7F) {
      static const char* hex = "0123456789ABCDEF";
      out += {'\\', 'x', hex[b >> 4], hex[b & 0xF]};
      ++i;
    } else {
      out.append(text, i, n);
      i += n;
    }
  }
  return out;
}

// nlohmann's message without its own prefix and place ("[json.exception.parse_error.101] parse
// error at line 1, column 8: "), which we give ourselves, counted in characters.
std::string parserMessage(const std::string& what) {
  std::string message = what;
  if (message.rfind("[json.exception.", 0) == 0) message.erase(0, message.find(']') + 1);
  if (message.rfind(" ", 0) == 0) message.erase(0, 1);
  size_t place = message.find("parse error at line ");
  if (place == 0) {
    size_t colon = message.find(": ");
    if (colon != std::string::npos) message.erase(0, colon + 2);
  } else if (message.rfind("parse error: ", 0) == 0) {
    message.erase(0, 13);
  } else if (message.rfind("parse error", 0) == 0) {
    message.erase(0, 11);
    if (message.rfind(": ", 0) == 0) message.erase(0, 2);
  }
  return printable(message);
}

class CheckedSax {
 public:
  CheckedSax(std::string_view text, const char** reached, JsonBuilder& out, const std::function<bool()>& interrupted)
      : text_(text), reached_(reached), out_(out), interrupted_(interrupted) {}

  const JsonError& failure() const { return failure_; }

  bool null() { return step() && (out_.null(), true); }
  bool boolean(bool v) { return step() && (out_.boolean(v), true); }
  bool number_integer(int64_t v) { return step() && (out_.integer(v), true); }
  bool number_unsigned(uint64_t v) {
    if (!step()) return false;
    if (v <= static_cast<uint64_t>(INT64_MAX)) out_.integer(static_cast<int64_t>(v));
    else out_.number(static_cast<double>(v));
    return true;
  }
  bool number_float(double v, const std::string&) { return step() && (out_.number(v), true); }
  bool string(std::string& v) { return step() && (out_.string(v), true); }
  bool binary(nlohmann::json::binary_t&) { return false; }  // never produced by the text parser

  bool start_object(size_t) {
    if (!open()) return false;
    if (keys_.size() < static_cast<size_t>(depth_)) keys_.resize(static_cast<size_t>(depth_));
    keys_[static_cast<size_t>(depth_ - 1)].clear();
    out_.startObject();
    return true;
  }
  bool key(std::string& k) {
    if (!step()) return false;
    auto& seen = keys_[static_cast<size_t>(depth_ - 1)];
    auto [it, fresh] = seen.emplace(folded(k), k);
    if (!fresh) {
      std::string what = it->second == k
          ? "the key '" + printable(k) + "' is given twice in one object"
          : "the key '" + printable(k) + "' differs only in case from the key '" + printable(it->second) +
                "' (property names are case-insensitive, as in PowerShell)";
      return stop(keyStart(), what);
    }
    out_.key(k);
    return true;
  }
  bool end_object() {
    --depth_;
    out_.endObject();
    return true;
  }
  bool start_array(size_t) {
    if (!open()) return false;
    out_.startArray();
    return true;
  }
  bool end_array() {
    --depth_;
    out_.endArray();
    return true;
  }

  bool parse_error(size_t position, const std::string& token, const nlohmann::detail::exception& ex) {
    if (ex.id == 406) {  // number overflow: name the number where it starts
      size_t start = position >= token.size() ? position - token.size() : 0;
      return stop(start, "the number " + token + " is beyond the range of a double");
    }
    return stop(position > 0 ? position - 1 : 0, parserMessage(ex.what()));
  }

 private:
  // Every event polls the interrupt now and then: a 100 MB file takes a while.
  bool step() {
    if ((++events_ & 0x3FF) == 0 && interrupted_ && interrupted_()) {
      failure_ = errorAt(text_, offset(), "the read was interrupted");
      failure_.interrupted = true;
      return false;
    }
    return true;
  }

  bool open() {
    if (!step()) return false;
    if (++depth_ > kJsonMaxDepth)
      return stop(offset() - 1, "the value nests deeper than " + std::to_string(kJsonMaxDepth) + " levels");
    return true;
  }

  bool stop(size_t at, std::string message) {
    if (!failure_.message.empty()) return false;  // the first fault is the one to report
    failure_ = errorAt(text_, at, std::move(message));
    return false;
  }

  size_t offset() const { return static_cast<size_t>(*reached_ - text_.data()); }

  // The opening quote of the key just read: the nearest quote before its closing one that is not
  // escaped (inside a key every quote is preceded by an odd number of backslashes).
  size_t keyStart() const {
    size_t closing = offset() - 1;
    for (size_t i = closing; i-- > 0;) {
      if (text_[i] != '"') continue;
      size_t slashes = 0;
      while (i > slashes && text_[i - 1 - slashes] == '\\') ++slashes;
      if (slashes % 2 == 0) return i;
    }
    return closing;
  }

  static std::string printable(const std::string& key) {
    std::string out;
    for (char c : key) out += c == '\0' ? std::string("\\u0000") : std::string(1, c);
    return out;
  }

  std::string_view text_;
  const char** reached_;
  JsonBuilder& out_;
  const std::function<bool()>& interrupted_;
  JsonError failure_;
  int depth_ = 0;
  unsigned events_ = 0;
  std::vector<std::unordered_map<std::string, std::string>> keys_;  // folded -> as written, per open object
};

// Builds an nlohmann document; containers under construction are kept on an explicit stack.
class DocumentBuilder : public JsonBuilder {
 public:
  nlohmann::json result;

  void null() override { put(nullptr); }
  void boolean(bool v) override { put(v); }
  void integer(int64_t v) override { put(v); }
  void number(double v) override { put(v); }
  void string(std::string& v) override { put(std::move(v)); }
  void startObject() override { open(nlohmann::json::object()); }
  void key(std::string& k) override { key_ = std::move(k); }
  void endObject() override { open_.pop_back(); }
  void startArray() override { open(nlohmann::json::array()); }
  void endArray() override { open_.pop_back(); }

 private:
  nlohmann::json* put(nlohmann::json value) {
    if (open_.empty()) {
      result = std::move(value);
      return &result;
    }
    nlohmann::json& parent = *open_.back();
    if (parent.is_array()) {
      parent.push_back(std::move(value));
      return &parent.back();
    }
    return &(parent[key_] = std::move(value));
  }
  void open(nlohmann::json container) { open_.push_back(put(std::move(container))); }

  std::vector<nlohmann::json*> open_;
  std::string key_;
};

}  // namespace

void readJson(std::string_view text, JsonBuilder& out, const std::function<bool()>& interrupted) {
  if (const void* nul = std::memchr(text.data(), '\0', text.size())) {
    size_t at = static_cast<size_t>(static_cast<const char*>(nul) - text.data());
    throw JsonParseError(errorAt(text, at, "a NUL byte is not allowed in JSON text (write \\u0000 inside a string)"));
  }
  const char* reached = text.data();
  CheckedSax sax(text, &reached, out, interrupted);
  Cursor first{text.data(), &reached};
  Cursor last{text.data() + text.size(), &reached};
  if (!nlohmann::json::sax_parse(first, last, &sax)) throw JsonParseError(sax.failure());
}

nlohmann::json parseJsonDocument(std::string_view text, const std::function<bool()>& interrupted) {
  DocumentBuilder builder;
  readJson(text, builder, interrupted);
  return std::move(builder.result);
}

}  // namespace plush::format
