// The Lua text being generated from PowerShell, kept on the source's line numbers, with a column mark per piece.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "lang/generated_text.h"

namespace plush::lang::powershell {

// Every piece of Lua is written on the line of the PowerShell it came from: line breaks are only
// ever added to catch up with the source, so a Lua line number is a .ps1 line number and the
// runtime's own positions (debug.getinfo) name the user's line.
class Emitter {
 public:
  explicit Emitter(std::string_view source);

  // Write `text` for the construct at source offset `at` (on that line, or later if already past it).
  void emit(std::string_view text, size_t at);
  // Write glue on the current line.
  void emit(std::string_view text);

  size_t lineOf(size_t offset) const;    // 1-based
  size_t columnOf(size_t offset) const;  // 1-based
  // line * 2^32 + column * 2^16 + width: a position passed to the runtime for its errors.
  long long position(size_t begin, size_t end) const;

  const std::string& text() const { return out_.text(); }
  const GeneratedText& generated() const { return out_; }

 private:
  void sync(size_t at);
  std::string_view src_;
  std::vector<size_t> lineStarts_;
  GeneratedText out_;
  size_t line_ = 1;
};

// A Lua string literal on one line: line breaks and control bytes are escaped.
std::string luaString(std::string_view text);

// A Lua name for a field: `name` when it is a Lua identifier and no keyword, else `["name"]` form is needed.
bool isLuaName(std::string_view name);

}  // namespace plush::lang::powershell
