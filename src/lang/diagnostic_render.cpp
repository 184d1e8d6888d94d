// Diagnostics as people read them: "file:LINE:COL: message", the line, and a caret sized by display width.
#include <utf8proc.h>

#include <algorithm>
#include <string>

#include "lang/translator.h"

namespace plush::lang {

namespace {

std::string_view lineOf(std::string_view source, int line) {
  size_t start = 0;
  for (int i = 1; i < line; ++i) {
    size_t newline = source.find('\n', start);
    if (newline == std::string_view::npos) return {};
    start = newline + 1;
  }
  size_t end = std::min(source.find('\n', start), source.size());
  std::string_view text = source.substr(start, end - start);
  if (!text.empty() && text.back() == '\r') text.remove_suffix(1);
  return text;
}

// Terminal cells each code point of `text` takes; a tab stays a tab so the caret lines up under it.
std::string padFor(std::string_view text) {
  std::string pad;
  size_t i = 0;
  while (i < text.size()) {
    if (text[i] == '\t') {
      pad += '\t';
      ++i;
      continue;
    }
    utf8proc_int32_t codepoint = 0;
    auto bytes = utf8proc_iterate(reinterpret_cast<const utf8proc_uint8_t*>(text.data() + i),
                                  static_cast<utf8proc_ssize_t>(text.size() - i), &codepoint);
    int width = 1;
    if (bytes <= 0) {
      bytes = 1;  // an invalid byte shows as one replacement cell
    } else {
      width = utf8proc_charwidth(codepoint);
    }
    pad.append(static_cast<size_t>(std::max(width, 0)), ' ');
    i += static_cast<size_t>(bytes);
  }
  return pad;
}

size_t cellsOf(std::string_view text) {
  std::string pad = padFor(text);
  return std::count(pad.begin(), pad.end(), ' ') + std::count(pad.begin(), pad.end(), '\t');
}

}  // namespace

std::string renderDiagnostic(std::string_view source, const Diagnostic& d, std::string_view chunkName) {
  std::string out = std::string(chunkName) + ":" + std::to_string(d.line) + ":" + std::to_string(d.column) + ": " +
                    d.message + (d.id.empty() ? "" : " (" + d.id + ")") + "\n";
  std::string_view line = lineOf(source, d.line);
  size_t column = std::min(static_cast<size_t>(std::max(d.column, 1) - 1), line.size());
  std::string_view token = line.substr(column, static_cast<size_t>(std::max(d.width, 1)));
  size_t cells = std::max<size_t>(cellsOf(token), 1);
  out += std::string(line) + "\n";
  out += padFor(line.substr(0, column)) + "^" + std::string(cells - 1, '~') + "\n";
  return out;
}

}  // namespace plush::lang
