// The words the grammar knows: Verb-Noun command names, pipeline aliases, pipeline-ending Lua words, PowerShell operators.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace plush::lang {

std::string lowerAscii(std::string_view text);
bool isVerb(std::string_view word);

// One past a `Verb-Noun[-More]` word starting at pos, or pos when none starts there.
size_t commandWordEnd(std::string_view text, size_t pos);

bool isPipelineAlias(std::string_view word);

// Blanks and `| ; , ( ) { } [ ]` end a bare word (after its first byte).
bool endsBareWord(char c);

// then do end else elseif until and or: Lua words that end a pipeline when bare.
bool endsPipeline(std::string_view word);

// `eq`, `ceq`, `ilike`, `notin`, ...: the runtime's name for a comparison operator word, or "" when none.
std::string comparisonOperator(std::string_view word);

// The name nearest to `typed` (ignoring case), or "" when none is near enough to suggest.
std::string closestName(std::string_view typed, const std::vector<std::string>& names);

}  // namespace plush::lang
