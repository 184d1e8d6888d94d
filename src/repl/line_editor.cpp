// The line editor: libedit with plush's bindings (Tab completes, Ctrl-C clears the line, Ctrl-R searches history).
#include "repl/line_editor.h"

#include <sys/ioctl.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>

#include "format/width.h"
#include "repl/candidate_columns.h"

namespace plush::repl {

namespace {

constexpr size_t kListLimit = 200;  // beyond this a listing scrolls away what it should show
constexpr int kDefaultWidth = 80;

// libedit counts characters, not bytes, when it deletes.
int characterCount(std::string_view utf8) {
  int n = 0;
  for (unsigned char c : utf8)
    if ((c & 0xC0) != 0x80) ++n;
  return n;
}

int terminalWidth() {
  winsize size{};
  if (ioctl(STDOUT_FILENO, TIOCGWINSZ, &size) == 0 && size.ws_col > 0) return size.ws_col;
  return kDefaultWidth;
}

}  // namespace

LineEditor::LineEditor(HistoryFile& history, Completer completer)
    : el_(el_init("plush", stdin, stdout, stderr)), completer_(std::move(completer)) {
  el_set(el_, EL_CLIENTDATA, this);
  el_set(el_, EL_EDITOR, "emacs");
  el_set(el_, EL_SIGNAL, 1);
  el_set(el_, EL_PROMPT, &LineEditor::promptText);
  el_set(el_, EL_HIST, ::history, history.handle());
  el_source(el_, nullptr);  // the admin's ~/.editrc, before plush's own keys so these always work
  bindKeys();
}

LineEditor::~LineEditor() { el_end(el_); }

void LineEditor::bindKeys() {
  // Ctrl-C reaches the editor as a key while a line is edited (the terminal's ISIG is off then),
  // so it clears the line; while a pipeline runs it is a signal again and stops it.
  el_set(el_, EL_SETTY, "-d", "-isig", nullptr);
  el_set(el_, EL_ADDFN, "plush-complete", "Complete the word before the cursor", &LineEditor::onTab);
  el_set(el_, EL_ADDFN, "plush-cancel", "Abandon the line", &LineEditor::onCancel);
  el_set(el_, EL_BIND, "^I", "plush-complete", nullptr);
  el_set(el_, EL_BIND, "^C", "plush-cancel", nullptr);
  el_set(el_, EL_BIND, "^R", "em-inc-search-prev", nullptr);
  el_set(el_, EL_BIND, "\\e[H", "ed-move-to-beg", nullptr);
  el_set(el_, EL_BIND, "\\e[F", "ed-move-to-end", nullptr);
  el_set(el_, EL_BIND, "\\e[1~", "ed-move-to-beg", nullptr);
  el_set(el_, EL_BIND, "\\e[4~", "ed-move-to-end", nullptr);
  el_set(el_, EL_BIND, "\\e[3~", "ed-delete-next-char", nullptr);
  el_set(el_, EL_BIND, "\\e[1;5C", "em-next-word", nullptr);
  el_set(el_, EL_BIND, "\\e[1;5D", "ed-prev-word", nullptr);
}

LineEditor::Read LineEditor::read(const std::string& prompt, std::string& line, std::optional<std::string> before) {
  prompt_ = prompt;
  before_ = std::move(before);
  cancelled_ = false;
  int count = 0;
  const char* raw = el_gets(el_, &count);
  if (cancelled_) return Read::Cancelled;
  if (!raw || count <= 0) {
    // A signal (not a key) interrupted the read: treat it as Ctrl-C, not as the end.
    if (count < 0 && errno == EINTR) {
      std::fputs("\n", stdout);
      return Read::Cancelled;
    }
    return Read::End;
  }
  line.assign(raw, static_cast<size_t>(count));
  while (!line.empty() && (line.back() == '\n' || line.back() == '\r')) line.pop_back();
  return Read::Line;
}

LineEditor& LineEditor::of(EditLine* el) {
  void* self = nullptr;
  el_get(el, EL_CLIENTDATA, &self);
  return *static_cast<LineEditor*>(self);
}

char* LineEditor::promptText(EditLine* el) { return const_cast<char*>(of(el).prompt_.c_str()); }

unsigned char LineEditor::onTab(EditLine* el, int) { return of(el).completeWord(); }

unsigned char LineEditor::onCancel(EditLine* el, int) {
  const LineInfo* li = el_line(el);
  el_cursor(el, characterCount(std::string_view(li->cursor, static_cast<size_t>(li->lastchar - li->cursor))));
  el_insertstr(el, "^C");
  of(el).cancelled_ = true;
  // Ending the line through the newline key lets libedit leave the display as Enter would.
  el_push(el, "\n");
  return CC_REFRESH;
}

unsigned char LineEditor::completeWord() {
  if (!before_) return CC_REFRESH_BEEP;
  const LineInfo* li = el_line(el_);
  std::string_view typed(li->buffer, static_cast<size_t>(li->cursor - li->buffer));
  std::string text = *before_ + std::string(typed);
  Completion c = completer_(text);
  int cursorRow = (format::displayWidth(prompt_) + format::displayWidth(typed)) / terminalWidth();
  size_t from = std::max(c.replaceFrom, before_->size());
  std::string_view replaced = std::string_view(text).substr(std::min(from, text.size()));
  if (!c.insert.empty() && c.insert != replaced) {
    el_deletestr(el_, characterCount(replaced));
    el_insertstr(el_, c.insert.c_str());
  }
  if (c.candidates.size() > 1 || c.truncated) {
    listCandidates(c, cursorRow);
    return CC_REDISPLAY;
  }
  return c.candidates.empty() && c.insert.empty() ? CC_REFRESH_BEEP : CC_REFRESH;
}

// The redisplay that follows climbs as many rows as the cursor was below the prompt's first row
// (a long line wraps), so that many blank rows after the list keep it from being drawn over.
void LineEditor::listCandidates(const Completion& c, int cursorRow) const {
  std::vector<std::string> shown(c.labels.begin(), c.labels.begin() + std::min(c.labels.size(), kListLimit));
  std::string text = "\n" + candidateColumns(shown, terminalWidth());
  if (c.labels.size() > shown.size())
    text += "(" + std::to_string(c.labels.size() - shown.size()) + " more; type more of the name)\n";
  else if (c.truncated)
    text += "(the first " + std::to_string(shown.size()) + "; type more of the name)\n";
  text += std::string(static_cast<size_t>(cursorRow), '\n');
  std::fputs(text.c_str(), stdout);
  std::fflush(stdout);
}

}  // namespace plush::repl
