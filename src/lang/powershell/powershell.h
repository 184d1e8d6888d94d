// The PowerShell front end's public face: PowerShell text in, plain Lua text (on the same line numbers) out.
#pragma once

#include <string_view>

#include "lang/translator.h"

namespace plush::lang::powershell {

// Parse and compile. Status Incomplete when more input could complete the text (an open brace,
// string or here-string, a trailing | or backtick), so the prompt asks for another line.
// `prompt`: the text is a prompt line (its variables live in the session's global scope).
Translation compile(std::string_view source, const Options& options, bool prompt);

}  // namespace plush::lang::powershell
