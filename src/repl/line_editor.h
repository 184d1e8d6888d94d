// The line editor: libedit with plush's bindings (Tab completes, Ctrl-C clears the line, Ctrl-R searches history).
#pragma once
#include <histedit.h>

#include <functional>
#include <optional>
#include <string>
#include <string_view>

#include "repl/completion.h"
#include "repl/history_file.h"

namespace plush::repl {

class LineEditor {
 public:
  enum class Read { Line, Cancelled, End };
  // Completes the last word of the text it is given (earlier continuation lines, then the line up to the cursor).
  using Completer = std::function<Completion(std::string_view)>;

  LineEditor(HistoryFile& history, Completer completer);
  ~LineEditor();
  LineEditor(const LineEditor&) = delete;
  LineEditor& operator=(const LineEditor&) = delete;

  // One line, without its newline. `before` is the text that precedes it (earlier continuation
  // lines) for completion; without it, Tab completes nothing (a yes/no question).
  Read read(const std::string& prompt, std::string& line, std::optional<std::string> before);

 private:
  static char* promptText(EditLine* el);
  static unsigned char onTab(EditLine* el, int key);
  static unsigned char onCancel(EditLine* el, int key);
  static LineEditor& of(EditLine* el);
  void bindKeys();
  unsigned char completeWord();
  void listCandidates(const Completion& completion, int cursorRow) const;

  EditLine* el_;
  Completer completer_;
  std::string prompt_;
  std::optional<std::string> before_;
  bool cancelled_ = false;
};

}  // namespace plush::repl
