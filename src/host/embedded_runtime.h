// The shell's Lua runtime (src/shell/*.lua), compiled into the binary.
#pragma once
#include <vector>

namespace plush::host {

struct EmbeddedChunk {
  const char* name;
  const char* text;
};

// In load order: objects, operators, errors, registry, binder, pipeline, output.
const std::vector<EmbeddedChunk>& embeddedRuntime();

// The PowerShell dialect's runtime (src/shell/ps/*.lua), loaded when the dialect is first used.
const std::vector<EmbeddedChunk>& embeddedPowerShellRuntime();

}  // namespace plush::host
