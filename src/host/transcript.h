// --log FILE: a timestamped transcript of each pipeline run, its output and its errors.
#pragma once
#include <lua.hpp>

#include <string>
#include <string_view>

namespace plush::host {

// Open FILE for appending and start recording this run. The source is kept to quote each
// statement's line. Returns false (with a message on stderr) when the file cannot be opened.
bool startTranscript(lua_State* L, const std::string& file, const std::string& runName, std::string_view source);

// At the prompt: record the statement typed, as a script's statements are recorded when they run.
void transcriptStatement(std::string_view statement);

// Write the closing line with the exit status.
void endTranscript(lua_State* L, int exitStatus);

}  // namespace plush::host
