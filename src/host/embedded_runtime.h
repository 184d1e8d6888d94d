// plush's own Lua (src/shell/*.lua, stdlib/*.lua), compiled to bytecode at build time and carried in the binary.
#pragma once
#include <cstddef>
#include <vector>

namespace plush::host {

// Lua bytecode named "@shell/<name>" (precompile_lua): loading it skips parsing, a sixth of start-up.
struct EmbeddedChunk {
  const char* name;
  const char* code;
  size_t size;
  const char* text;  // the source it was compiled from, where kept (stdlib), else null
  size_t textSize;
};

// In load order: objects, operators, errors, registry, binder, pipeline, output.
const std::vector<EmbeddedChunk>& embeddedRuntime();

// The PowerShell dialect's runtime (src/shell/ps/*.lua), loaded when the dialect is first used.
const std::vector<EmbeddedChunk>& embeddedPowerShellRuntime();

// stdlib/*.lua as built, with their text: a stdlib file read at start-up that is still this text
// runs as this bytecode; any other is compiled from its text.
const std::vector<EmbeddedChunk>& embeddedStdlib();

}  // namespace plush::host
