// The shell's Lua runtime (src/shell/*.lua), compiled to bytecode at build time and carried in the binary.
#pragma once
#include <cstddef>
#include <vector>

namespace plush::host {

// Lua bytecode named "@shell/<name>" (precompile_lua): loading it skips parsing, a sixth of start-up.
struct EmbeddedChunk {
  const char* name;
  const char* code;
  size_t size;
};

// In load order: objects, operators, errors, registry, binder, pipeline, output.
const std::vector<EmbeddedChunk>& embeddedRuntime();

// The PowerShell dialect's runtime (src/shell/ps/*.lua), loaded when the dialect is first used.
const std::vector<EmbeddedChunk>& embeddedPowerShellRuntime();

}  // namespace plush::host
