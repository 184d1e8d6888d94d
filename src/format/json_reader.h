// The one strict JSON reader of plush: nesting limit, case-insensitive unique keys, NUL, numbers, positions.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <stdexcept>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

namespace plush::format {

// Deeper than this an admin's data never goes (Graph pages nest 5 levels; PowerShell's
// ConvertFrom-Json stops at 1024 too); past it the reader stops with an error, never a crash.
constexpr int kJsonMaxDepth = 1024;

struct JsonError {
  std::string message;  // what is wrong, without a place
  size_t offset = 0;    // 0-based byte offset of the fault
  long line = 1;        // 1-based
  long column = 1;      // 1-based, in characters (code points)
  bool interrupted = false;  // stopped by Ctrl-C or SIGTERM, not by the text
};

class JsonParseError : public std::runtime_error {
 public:
  explicit JsonParseError(JsonError error);
  const JsonError& error() const { return error_; }

 private:
  JsonError error_;
};

// Receives a JSON text's values in document order (a SAX interface). Keys and strings are
// handed over with their length: they may hold NUL bytes.
class JsonBuilder {
 public:
  virtual ~JsonBuilder() = default;
  virtual void null() = 0;
  virtual void boolean(bool value) = 0;
  virtual void integer(int64_t value) = 0;
  virtual void number(double value) = 0;  // also integers beyond int64
  virtual void string(std::string& value) = 0;
  virtual void startObject() = 0;
  virtual void key(std::string& key) = 0;
  virtual void endObject() = 0;
  virtual void startArray() = 0;
  virtual void endArray() = 0;
};

// Reads `text` (RFC 8259) into `out`. Refused, with the place: bad syntax, nesting deeper than
// kJsonMaxDepth, a key given twice in one object or differing from another only in case (as
// PowerShell 7 refuses them), a raw NUL byte (nlohmann would take it for the end), a number
// beyond double's range. Integers beyond int64 arrive as doubles. `interrupted` is polled as it
// reads. Throws JsonParseError.
void readJson(std::string_view text, JsonBuilder& out, const std::function<bool()>& interrupted = {});

// The same reader building a document, for the tenant imports.
nlohmann::json parseJsonDocument(std::string_view text, const std::function<bool()>& interrupted = {});

}  // namespace plush::format
