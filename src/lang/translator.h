// The translator's public face: Lua-with-commands text in, plain Lua text with a column map out.
#pragma once

#include <functional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace plush::lang {

enum class Status { Ok, Incomplete, Error };

struct Diagnostic {
  std::string id;       // stable: UnknownCommand, UnterminatedString, UnexpectedToken, ...
  std::string message;
  int line = 1;         // 1-based
  int column = 1;       // 1-based byte column in the line
  int width = 1;        // bytes of the offending token, at least 1
};

// One point of the column map: a generated column and the source column it came from.
// `length` > 0 when that many bytes were copied verbatim, so columns inside them map one to one.
struct ColumnMark {
  int generatedColumn;
  int sourceColumn;
  int length;
};

struct Translation {
  Status status = Status::Ok;
  std::string lua;                       // valid only when status is Ok
  std::vector<Diagnostic> diagnostics;   // the errors (Error) or the reason (Incomplete)
  std::vector<Diagnostic> warnings;
  std::vector<std::string> assignedGlobals;  // globals the text assigns (a prompt session remembers them)
  // Generated Lua keeps the source's line numbers, so the map is per line: columnMap[line - 1].
  std::vector<std::vector<ColumnMark>> columnMap;

  int sourceColumn(int line, int generatedColumn) const;
};

// Why `-parameter` cannot be given to a command (ParameterNotFound, AmbiguousParameter), found
// before anything runs; an empty id when it can.
struct ParameterProblem {
  std::string id;
  std::string message;
};

struct Options {
  std::function<bool(std::string_view)> isCommand;            // registered command or alias? (case-insensitive)
  std::function<ParameterProblem(std::string_view command, std::string_view parameter)> parameterProblem;  // optional
  std::function<std::vector<std::string>()> allCommands;      // optional: names for "Did you mean" suggestions
  std::string chunkName;                                      // file name for messages
  // Globals assigned earlier (at the prompt, by earlier lines): Lua names already, like the text's own.
  std::set<std::string, std::less<>> declaredGlobals;
};

Translation translate(std::string_view source, const Options& options);

// "file:LINE:COL: message", the source line, and a caret line placed and sized by display width.
std::string renderDiagnostic(std::string_view source, const Diagnostic& diagnostic, std::string_view chunkName);

}  // namespace plush::lang
