// What the word before the cursor is: a command, a parameter name, a parameter's value or a Lua name.
#include "repl/line_context.h"

#include <algorithm>
#include <array>
#include <cctype>

namespace plush::repl {

namespace {

enum class TokenKind { Word, Quoted, OpenQuote, Punct, Newline };

struct Token {
  TokenKind kind;
  std::string text;  // the word, the quoted content, or the punctuation character
  size_t start;      // where the text starts (after an opening quote)
  size_t end;        // one past the token
};

bool isPunct(char c) { return std::string_view("|;(){}[],=").find(c) != std::string_view::npos; }

bool isBlank(char c) { return c == ' ' || c == '\t' || c == '\r'; }

bool endsWord(char c) { return isBlank(c) || c == '\n' || isPunct(c) || c == '\'' || c == '"'; }

// A quoted string from its opening quote; OpenQuote when the text ends inside it.
Token scanQuoted(std::string_view text, size_t pos) {
  char q = text[pos];
  std::string content;
  for (size_t i = pos + 1; i < text.size(); ++i) {
    if (text[i] == '\\' && q == '"' && i + 1 < text.size()) {
      content += text[++i];
    } else if (text[i] == q) {
      return {TokenKind::Quoted, content, pos + 1, i + 1};
    } else {
      content += text[i];
    }
  }
  return {TokenKind::OpenQuote, content, pos + 1, text.size()};
}

std::vector<Token> tokenize(std::string_view text) {
  std::vector<Token> tokens;
  size_t pos = 0;
  while (pos < text.size()) {
    char c = text[pos];
    if (isBlank(c)) { ++pos; continue; }
    if (c == '-' && text.substr(pos, 2) == "--") {  // a Lua comment runs to the end of the line
      pos = std::min(text.find('\n', pos), text.size());
      continue;
    }
    if (c == '\n' || isPunct(c)) {
      tokens.push_back({c == '\n' ? TokenKind::Newline : TokenKind::Punct, std::string(1, c), pos, pos + 1});
      ++pos;
      continue;
    }
    if (c == '\'' || c == '"') {
      tokens.push_back(scanQuoted(text, pos));
      pos = tokens.back().end;
      continue;
    }
    size_t end = pos + 1;
    while (end < text.size() && !endsWord(text[end])) ++end;
    if (c == '@' && end == pos + 1) {  // the @ of @{ ... }
      ++pos;
      continue;
    }
    tokens.push_back({TokenKind::Word, std::string(text.substr(pos, end - pos)), pos, end});
    pos = end;
  }
  return tokens;
}

bool isOneOf(std::string_view word, std::initializer_list<std::string_view> words) {
  return std::find(words.begin(), words.end(), word) != words.end();
}

// Lua words after which a statement or an expression (so a pipeline) may start.
bool opensStatement(std::string_view word) {
  return isOneOf(word, {"do", "then", "else", "elseif", "repeat", "return", "and", "or", "not", "in", "end", "until"});
}

// then do end else elseif until and or: bare, they end a pipeline.
bool endsPipeline(std::string_view word) {
  return isOneOf(word, {"then", "do", "end", "else", "elseif", "until", "and", "or"});
}

bool isParameterWord(std::string_view word) {
  return word.size() >= 2 && word[0] == '-' && std::isalpha(static_cast<unsigned char>(word[1]));
}

bool looksLikeCommand(std::string_view word) {
  size_t dash = word.find('-');
  return dash != std::string_view::npos && dash > 0 && std::isalpha(static_cast<unsigned char>(word[0]));
}

// One bracket level of the line: the command being written in it, if any, and what it has bound.
struct Frame {
  char opener = 0;
  bool expectCommand = true;
  bool afterPipe = false;
  const CommandInfo* command = nullptr;
  const ParamInfo* awaiting = nullptr;     // the parameter whose value comes next
  const ParamInfo* lastValueOf = nullptr;  // a `,` continues this parameter's list
  int positionalCount = 0;
  std::vector<const ParamInfo*> named;
  std::vector<std::pair<const ParamInfo*, std::string>> values;

  void startStatement(bool pipe) {
    *this = Frame{opener};
    afterPipe = pipe;
  }

  // The positional parameter the next bare value binds to: named ones are bound first, as the binder does.
  const ParamInfo* nextPositional() const {
    std::vector<const ParamInfo*> open;
    for (const auto& p : command->params) {
      if (p.position > 0 && std::find(named.begin(), named.end(), &p) == named.end()) open.push_back(&p);
    }
    std::stable_sort(open.begin(), open.end(), [](auto* a, auto* b) { return a->position < b->position; });
    return positionalCount < static_cast<int>(open.size()) ? open[positionalCount] : nullptr;
  }

  void value(const std::string& text) {
    const ParamInfo* p = awaiting;
    if (!p) {
      p = nextPositional();
      ++positionalCount;
    }
    if (p) values.emplace_back(p, text);
    lastValueOf = p;
    awaiting = nullptr;
  }

  void parameter(std::string_view word) {
    std::string_view name = word.substr(1);
    size_t colon = name.find(':');
    const ParamInfo* p = command->param(name.substr(0, colon));
    if (p) named.push_back(p);
    awaiting = p && p->type != "switch" ? p : nullptr;
    lastValueOf = nullptr;
    if (colon != std::string_view::npos && colon + 1 < name.size()) value(std::string(name.substr(colon + 1)));
  }
};

class LineReader {
 public:
  explicit LineReader(const CommandCatalog& catalog) : catalog_(catalog) { frames_.push_back(Frame{}); }

  void feed(const Token& t) {
    Frame& f = frames_.back();
    switch (t.kind) {
      case TokenKind::Newline:
        if (!continuesLine_) f.startStatement(false);
        break;
      case TokenKind::Punct: punct(t.text[0]); break;
      case TokenKind::Quoted:
      case TokenKind::OpenQuote:
        if (f.command) f.value(t.text);
        f.expectCommand = false;
        break;
      case TokenKind::Word: word(t.text); break;
    }
    continuesLine_ = (t.kind == TokenKind::Punct && t.text == "|") || (t.kind == TokenKind::Word && t.text.back() == '`');
  }

  Frame& top() { return frames_.back(); }

 private:
  void punct(char c) {
    Frame& f = frames_.back();
    if (c == '|' || c == ';') {
      f.startStatement(c == '|');
    } else if (c == '(' || c == '{' || c == '[') {
      Frame inner;
      inner.opener = c;
      inner.expectCommand = c != '[';
      frames_.push_back(inner);
    } else if (c == ')' || c == '}' || c == ']') {
      if (frames_.size() > 1) frames_.pop_back();
      Frame& outer = frames_.back();
      if (outer.command && c != ']') outer.value("");
    } else if (c == ',') {
      if (f.command && f.lastValueOf) f.awaiting = f.lastValueOf;
    } else if (c == '=' && !f.command) {
      f.expectCommand = true;
    }
  }

  void word(const std::string& w) {
    Frame& f = frames_.back();
    if (f.expectCommand) {
      // Verb-Noun names start a pipeline anywhere; the short aliases only after `|`.
      const CommandInfo* c = looksLikeCommand(w) || f.afterPipe ? catalog_.find(w) : nullptr;
      if (c) {
        f.startStatement(false);
        f.command = c;
        f.expectCommand = false;
        return;
      }
      f.expectCommand = opensStatement(w);
      return;
    }
    if (f.command) {
      if (endsPipeline(w)) f.startStatement(false);
      else if (isParameterWord(w)) f.parameter(w);
      else f.value(w);
      return;
    }
    f.expectCommand = opensStatement(w);
  }

  const CommandCatalog& catalog_;
  std::vector<Frame> frames_;
  bool continuesLine_ = false;
};

std::vector<std::string> productsNamed(const Frame& f) {
  std::vector<std::string> out;
  for (const auto& [p, text] : f.values) {
    for (std::string_view name : {"Add", "Product", "From", "To"}) {
      if (equalsIgnoringCase(p->name, name) && !text.empty()) out.push_back(text);
    }
  }
  return out;
}

LineContext valueContext(const Frame& f, const ParamInfo* p, std::string word, size_t start) {
  LineContext c;
  c.kind = WordKind::Value;
  c.command = f.command;
  c.param = p;
  c.word = std::move(word);
  c.wordStart = start;
  c.productsNamed = productsNamed(f);
  return c;
}

// The partial word inside a command: a parameter name, `-Name:value`, a value, or a $variable.
LineContext commandWord(Frame& f, const std::string& word, size_t start) {
  if (word == "-" || isParameterWord(word)) {
    size_t colon = word.find(':');
    if (colon == std::string::npos) {
      LineContext c;
      c.kind = WordKind::Parameter;
      c.command = f.command;
      c.word = word;
      c.wordStart = start;
      return c;
    }
    const ParamInfo* p = f.command->param(std::string_view(word).substr(1, colon - 1));
    return valueContext(f, p, word.substr(colon + 1), start + colon + 1);
  }
  if (!word.empty() && word[0] == '$') return LineContext{WordKind::Lua, word, start};
  const ParamInfo* p = f.awaiting ? f.awaiting : f.nextPositional();
  return valueContext(f, p, word, start);
}

}  // namespace

LineContext analyzeLine(std::string_view text, const CommandCatalog& catalog) {
  std::vector<Token> tokens = tokenize(text);
  bool partial = !tokens.empty() && tokens.back().end == text.size() &&
                 (tokens.back().kind == TokenKind::Word || tokens.back().kind == TokenKind::OpenQuote);
  Token last = partial ? tokens.back() : Token{TokenKind::Word, "", text.size(), text.size()};
  if (partial) tokens.pop_back();
  LineReader reader(catalog);
  for (const Token& t : tokens) reader.feed(t);
  Frame& f = reader.top();
  if (last.kind == TokenKind::OpenQuote) {
    if (!f.command) return {};
    LineContext c = valueContext(f, f.awaiting ? f.awaiting : f.nextPositional(), last.text, last.start);
    c.quote = text[last.start - 1];
    return c;
  }
  if (f.expectCommand) {
    bool lua = last.text.find_first_of(".:$") != std::string::npos;
    LineContext c{lua ? WordKind::Lua : WordKind::Command, last.text, last.start};
    c.afterPipe = f.afterPipe;
    return c;
  }
  if (f.command) return commandWord(f, last.text, last.start);
  if (last.text.empty()) return {};
  return LineContext{WordKind::Lua, last.text, last.start};
}

}  // namespace plush::repl
