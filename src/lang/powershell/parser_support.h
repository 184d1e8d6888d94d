// Small helpers the parser's files share: the nesting guard, keyword words, blank stretches.
#pragma once

#include <string>
#include <string_view>

#include "lang/command_words.h"
#include "lang/powershell/parser.h"

namespace plush::lang::powershell {

// Every recursive step counts itself, so no input can overflow the stack.
class DepthGuard {
 public:
  DepthGuard(int& depth, size_t at) : depth_(depth) {
    if (++depth_ > kMaxDepth) {
      throw ParseError{"NestingTooDeep", "The text nests too deeply (more than 200 levels).", at, at + 1, false};
    }
  }
  ~DepthGuard() { --depth_; }
  DepthGuard(const DepthGuard&) = delete;
  DepthGuard& operator=(const DepthGuard&) = delete;

 private:
  static constexpr int kMaxDepth = 200;
  int& depth_;
};

// A keyword ends where a command name could not go on: `foreach(` is the keyword, `foreach-object` a command.
bool isKeywordEnd(std::string_view src, size_t end);

bool isStatementKeyword(const std::string& word);

// The refusal for a keyword plush does not support (class, enum, using, workflow, ...).
std::string notSupportedKeyword(const std::string& word);

// Only blanks, line breaks (at most `maxNewlines`) and line comments in [begin, end)?
bool onlyBlanksBetween(std::string_view src, size_t begin, size_t end, int maxNewlines);

}  // namespace plush::lang::powershell
