// The PowerShell front end's public face: parse, tell incomplete input from errors, compile.
#include "lang/powershell/powershell.h"

#include <algorithm>

#include "lang/powershell/compiler.h"
#include "lang/powershell/parser.h"

namespace plush::lang::powershell {

namespace {

Diagnostic diagnosticAt(std::string_view source, const ParseError& e) {
  Diagnostic d;
  d.id = e.id;
  d.message = e.message;
  size_t at = std::min(e.begin, source.size());
  size_t lineStart = source.rfind('\n', at == 0 ? 0 : at - 1);
  lineStart = (lineStart == std::string_view::npos || at == 0) ? 0 : lineStart + 1;
  if (at > 0 && source[at - 1] == '\n') lineStart = at;
  d.line = static_cast<int>(std::count(source.begin(), source.begin() + static_cast<long>(lineStart), '\n')) + 1;
  d.column = static_cast<int>(at - lineStart) + 1;
  size_t lineEnd = source.find('\n', at);
  if (lineEnd == std::string_view::npos) lineEnd = source.size();
  d.width = static_cast<int>(std::max<size_t>(1, std::min(e.end, lineEnd) - std::min(at, lineEnd)));
  return d;
}

}  // namespace

Translation compile(std::string_view source, const Options& options, bool prompt) {
  ParseResult parsed = parse(source);
  if (!parsed.ok) {
    Translation t;
    t.status = parsed.error.incomplete ? Status::Incomplete : Status::Error;
    t.diagnostics.push_back(diagnosticAt(source, parsed.error));
    return t;
  }
  return Compiler(source, parsed, options, prompt).run();
}

}  // namespace plush::lang::powershell
