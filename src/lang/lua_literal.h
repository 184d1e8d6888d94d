// Writing a byte string as a Lua string literal that keeps the source's line breaks.
#pragma once

#include <string>
#include <string_view>

namespace plush::lang {

// A double-quoted Lua literal. A newline is written as a backslash and a real newline,
// so the generated chunk keeps the same line numbers as the text it came from.
std::string luaQuote(std::string_view text);

}  // namespace plush::lang
