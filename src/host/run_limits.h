// --timeout and --max-memory values: parsing DURATION and SIZE, and the defaults of a script run.
#pragma once
#include <cstddef>
#include <optional>
#include <string>

namespace plush::host {

// What a script may use unless --max-memory or $PLUSH_MAX_MEMORY says otherwise (the prompt: no cap).
// Far above any job's need (a million-user pipeline holds 44 MB), well below what makes a server swap.
constexpr size_t kDefaultScriptMemory = size_t{2} << 30;

// "90", "90s", "1.5m", "2h", "500ms" -> seconds; nullopt when it is not a duration. 0 means none.
std::optional<double> parseDuration(const std::string& text);
// "256M", "256MB", "256MiB", "2G", "512k", "1048576" -> bytes (K, M, G, T are powers of 1024,
// as in PowerShell's 256MB); nullopt when it is not a size. 0 means none.
std::optional<size_t> parseSize(const std::string& text);
// 268435456 -> "256 MiB"; 2.5 -> "2.5 s".
std::string sizeText(size_t bytes);
std::string durationText(double seconds);

}  // namespace plush::host
