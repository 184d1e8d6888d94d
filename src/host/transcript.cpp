// --log FILE: a timestamped transcript of each pipeline run, its output and its errors.
#include "host/transcript.h"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <ctime>
#include <iostream>
#include <memory>
#include <sstream>
#include <vector>

namespace plush::host {

namespace {

struct Transcript {
  std::FILE* file = nullptr;
  std::vector<std::string> lines;  // the source, to quote statements
  std::string pendingOutput;       // output not yet ended by a newline
};

Transcript transcript;

std::string timestamp() {
  std::time_t now = std::time(nullptr);
  std::tm utc{};
  gmtime_r(&now, &utc);
  char text[32];
  std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%SZ", &utc);
  return text;
}

void record(const std::string& kind, const std::string& text) {
  if (!transcript.file) return;
  std::fprintf(transcript.file, "%s %s %s\n", timestamp().c_str(), kind.c_str(), text.c_str());
  std::fflush(transcript.file);
}

// Output arrives in pieces; log it a line at a time.
void recordOutput(std::string_view text) {
  transcript.pendingOutput.append(text);
  size_t end;
  while ((end = transcript.pendingOutput.find('\n')) != std::string::npos) {
    record("out  ", transcript.pendingOutput.substr(0, end));
    transcript.pendingOutput.erase(0, end + 1);
  }
}

std::string sourceLine(long line) {
  if (line < 1 || line > static_cast<long>(transcript.lines.size())) return {};
  return transcript.lines[static_cast<size_t>(line - 1)];
}

// __plush.transcript_write(text): what io.write and print send to stdout.
int logOutput(lua_State* L) {
  size_t len = 0;
  const char* text = luaL_checklstring(L, 1, &len);
  recordOutput(std::string_view(text, len));
  return 0;
}

// __plush.transcript_statement(position "file:line:col")
int logStatement(lua_State* L) {
  std::string position = luaL_optstring(L, 1, "");
  if (position.empty()) return 0;  // typed at the prompt: recorded as typed
  long line = 0;
  size_t colon = position.find(':');
  if (colon != std::string::npos) line = std::strtol(position.c_str() + colon + 1, nullptr, 10);
  record("run  ", position + "  " + sourceLine(line));
  return 0;
}

// __plush.transcript_error(text)
int logError(lua_State* L) {
  record("error", luaL_checkstring(L, 1));
  return 0;
}

// Wrap print, io.write and the runtime's hooks so everything shown is also recorded.
const char* kHooks = R"lua(
local P = __plush
local write, print_, stdout = io.write, print, io.stdout
io.write = function(...)
  for i = 1, select("#", ...) do P.transcript_write(tostring((select(i, ...)))) end
  return write(...)
end
print = function(...)
  local parts = {}
  for i = 1, select("#", ...) do parts[i] = tostring((select(i, ...))) end
  P.transcript_write(table.concat(parts, "\t") .. "\n")
  return print_(...)
end
local previousStart, previousError = P.hook_pipeline_start, P.hook_error
P.hook_pipeline_start = function(stages)
  P.transcript_statement(stages[1] and stages[1].position)
  return previousStart(stages)
end
P.hook_error = function(rec)
  P.transcript_error((rec.Id or "Error") .. ": " .. (rec.Message or "") ..
    (rec.Position and (" at " .. rec.Position) or ""))
  return previousError(rec)
end
)lua";

}  // namespace

bool startTranscript(lua_State* L, const std::string& file, const std::string& runName, std::string_view source) {
  transcript.file = std::fopen(file.c_str(), "a");
  if (!transcript.file) {
    std::cerr << "plush: cannot open the log " << file << ": " << std::strerror(errno) << "\n";
    return false;
  }
  std::istringstream lines{std::string(source)};
  for (std::string line; std::getline(lines, line);) transcript.lines.push_back(line);
  record("start", runName);
  lua_getglobal(L, "__plush");
  lua_pushcfunction(L, logOutput);
  lua_setfield(L, -2, "transcript_write");
  lua_pushcfunction(L, logStatement);
  lua_setfield(L, -2, "transcript_statement");
  lua_pushcfunction(L, logError);
  lua_setfield(L, -2, "transcript_error");
  lua_pop(L, 1);
  if (luaL_loadbufferx(L, kHooks, std::strlen(kHooks), "=transcript", "t") != LUA_OK || lua_pcall(L, 0, 0, 0) != LUA_OK) {
    std::cerr << "plush: transcript: " << lua_tostring(L, -1) << "\n";
    lua_pop(L, 1);
    return false;
  }
  return true;
}

void transcriptStatement(std::string_view statement) {
  std::istringstream lines{std::string(statement)};
  for (std::string line; std::getline(lines, line);) record("run  ", line);
}

void endTranscript(lua_State*, int exitStatus) {
  if (!transcript.file) return;
  if (!transcript.pendingOutput.empty()) recordOutput("\n");
  record("end  ", "exit status " + std::to_string(exitStatus));
  std::fclose(transcript.file);
  transcript.file = nullptr;
}

}  // namespace plush::host
