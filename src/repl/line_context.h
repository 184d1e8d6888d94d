// What the word before the cursor is: a command, a parameter name, a parameter's value or a Lua name.
#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "repl/command_catalog.h"

namespace plush::repl {

enum class WordKind { None, Command, Parameter, Value, Lua };

struct LineContext {
  WordKind kind = WordKind::None;
  std::string word;        // the partial word, without an opening quote or a `-Name:` head
  size_t wordStart = 0;    // byte offset in the analysed text where `word` starts
  char quote = 0;          // ' or " when the word is inside a quote left open
  bool afterPipe = false;  // Command: after `|`, where the short aliases are recognised too
  const CommandInfo* command = nullptr;     // Parameter and Value
  const ParamInfo* param = nullptr;         // Value; nullptr when no parameter takes it
  std::vector<std::string> productsNamed;   // values of -Add -Product -From -To earlier in the command
};

// Reads the text up to the cursor (earlier continuation lines included). The catalog must
// outlive the answer, which points into it.
LineContext analyzeLine(std::string_view text, const CommandCatalog& catalog);

}  // namespace plush::repl
