// Regular expressions for both dialects: PCRE2 (close to .NET syntax) with match limits, JIT and Ctrl-C.
#pragma once
#include <lua.hpp>

#include <string>
#include <string_view>

namespace plush::host {

// The Lua-facing builtins, added to the table on top of the stack (__plush). This interface is
// stable: -match, -replace, -split, Select-String, switch -regex and Where-Object -Match of
// both dialects call it. `icase` true is PowerShell's default (-match); false is -cmatch.
//
//   regex(text, pattern, icase) -> boolean
//       Does pattern match anywhere in text?
//   regex_match(text, pattern, icase[, init]) -> match | nil
//       The first match at or after byte init (1-based, default 1). A match is a table:
//       [0] the whole match, [1..n] the numbered groups, [name] the named groups (a group that
//       took no part is absent, as in $Matches), and start/stop, the 1-based byte positions of
//       the whole match (stop < start for an empty match). Groups are numbered as .NET numbers
//       them: unnamed groups first, left to right, then named ones.
//   regex_matches(text, pattern, icase) -> List of matches
//       Every non-overlapping match, left to right (Select-String -AllMatches, [regex]::Matches).
//   regex_replace(text, pattern, replacement, icase) -> string
//       Every match replaced, with .NET's substitutions: $1 ${1} ${name} $0 $& $` $' $+ $_ $$;
//       any other `$` is literal.
//   regex_split(text, pattern, icase[, max]) -> List of strings
//       .NET Regex.Split: the pieces between matches, with each match's captured groups in
//       between; at most max pieces when max > 0.
//   regex_escape(text) -> string
//       text with every regex metacharacter escaped ([regex]::Escape).
//
// Errors are terminating error records: InvalidRegularExpression (the pattern does not compile;
// the message names it and the place) and RegexTooComplex (a match needed more backtracking than
// the limits allow: a pattern such as (a*)*b on text it cannot match). Those limits keep every
// match to tens of milliseconds, so Ctrl-C, SIGTERM and --timeout are seen promptly; loops over
// many matches poll the interrupt flag between matches.
void registerRegex(lua_State* L);

}  // namespace plush::host
