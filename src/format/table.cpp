// PowerShell-like table and list views of values that are already text.
#include "format/table.h"

#include <utf8proc.h>

#include <algorithm>
#include <numeric>
#include <string_view>

#include "format/width.h"

namespace plush::format {

namespace {

constexpr std::string_view kBoldGreen = "\x1b[1;32m";
constexpr std::string_view kReset = "\x1b[0m";
constexpr std::string_view kEllipsis = "…";
constexpr int kNarrowestShrunkColumn = 6;
constexpr int kNarrowestWrap = 10;  // below this a wrapped list value is harder to read than a long line

std::string paint(std::string_view text, const Style& style) {
  if (!style.color || text.empty()) return std::string(text);
  return std::string(kBoldGreen) + std::string(text) + std::string(kReset);
}

bool isControl(utf8proc_int32_t cp) { return cp < 0x20 || (cp >= 0x7F && cp <= 0x9F); }

// A tab becomes a space and other control characters go, since an escape sequence in a
// display name must not recolor or move the admin's cursor. Invalid bytes are kept: the
// width code counts them as one cell each, as a terminal shows a replacement glyph.
std::string printable(std::string_view line) {
  // Printable ASCII, nearly every cell of a table, is kept as it is without decoding.
  if (std::all_of(line.begin(), line.end(), [](char c) { return c >= 0x20 && c < 0x7F; })) return std::string(line);
  std::string out;
  out.reserve(line.size());
  size_t pos = 0;
  while (pos < line.size()) {
    utf8proc_int32_t cp = 0;
    auto* bytes = reinterpret_cast<const utf8proc_uint8_t*>(line.data() + pos);
    utf8proc_ssize_t len = utf8proc_iterate(bytes, static_cast<utf8proc_ssize_t>(line.size() - pos), &cp);
    size_t step = len > 0 ? static_cast<size_t>(len) : 1;
    if (len > 0 && cp == '\t') {
      out += ' ';
    } else if (len <= 0 || !isControl(cp)) {
      out.append(line.substr(pos, step));
    }
    pos += step;
  }
  return out;
}

std::vector<std::string_view> splitLines(std::string_view text) {
  std::vector<std::string_view> lines;
  size_t start = 0;
  for (;;) {
    size_t nl = text.find('\n', start);
    std::string_view line = text.substr(start, nl == std::string_view::npos ? nl : nl - start);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    lines.push_back(line);
    if (nl == std::string_view::npos) return lines;
    start = nl + 1;
  }
}

// A cell shows the value's first line, and an ellipsis when more lines follow.
std::string cellText(std::string_view value) {
  size_t nl = value.find('\n');
  std::string_view line = value.substr(0, nl);
  if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
  std::string first = printable(line);
  if (nl != std::string_view::npos) first += kEllipsis;
  return first;
}

void appendLine(std::string& out, std::string line) {
  line.erase(line.find_last_not_of(' ') + 1);
  out += line;
  out += '\n';
}

int tableWidth(const std::vector<int>& widths) {
  if (widths.empty()) return 0;
  return std::accumulate(widths.begin(), widths.end(), 0) + static_cast<int>(widths.size()) - 1;
}

// Column widths that fit the terminal: first leave out the rightmost columns that cannot fit
// even shrunk, then take one cell at a time from the widest column still above its floor,
// which shrinks long free-text columns before short codes.
std::vector<int> fitColumns(std::vector<int> widths, const std::vector<int>& headerWidths, int terminalWidth) {
  if (terminalWidth <= 0) return widths;
  std::vector<int> floors(widths.size());
  for (size_t i = 0; i < widths.size(); ++i) {
    floors[i] = std::min(widths[i], std::max(kNarrowestShrunkColumn, headerWidths[i]));
  }
  while (widths.size() > 1 && tableWidth(floors) > terminalWidth) {
    floors.pop_back();
    widths.pop_back();
  }
  if (widths.size() == 1) {
    widths[0] = std::min(widths[0], std::max(terminalWidth, 1));
    return widths;
  }
  for (int excess = tableWidth(widths) - terminalWidth; excess > 0; --excess) {
    size_t widest = widths.size();
    for (size_t i = 0; i < widths.size(); ++i) {
      if (widths[i] > floors[i] && (widest == widths.size() || widths[i] > widths[widest])) widest = i;
    }
    if (widest == widths.size()) break;
    --widths[widest];
  }
  return widths;
}

std::string alignedCell(std::string_view text, int width, Align align, const Style& style) {
  std::string shown = fitToWidth(text, width);
  std::string pad(static_cast<size_t>(std::max(width - displayWidth(shown), 0)), ' ');
  std::string painted = paint(shown, style);
  return align == Align::Right ? pad + painted : painted + pad;
}

std::string tableLine(const std::vector<std::string>& texts, const std::vector<Column>& columns,
                      const std::vector<int>& widths, const Style& style) {
  std::string line;
  for (size_t i = 0; i < widths.size(); ++i) {
    if (i > 0) line += ' ';
    line += alignedCell(texts[i], widths[i], columns[i].align, style);
  }
  return line;
}

}  // namespace

std::string renderTable(const std::vector<Column>& columns,
                        const std::vector<std::vector<std::string>>& rows, const Style& style,
                        const std::function<bool()>& stopped) {
  if (columns.empty()) return {};
  size_t polled = 0;
  auto stopping = [&] { return stopped && (++polled & 0x3FF) == 0 && stopped(); };
  std::vector<std::string> headers;
  std::vector<int> headerWidths, widths;
  for (const auto& column : columns) {
    headers.push_back(cellText(column.header));
    headerWidths.push_back(displayWidth(headers.back()));
  }
  widths = headerWidths;
  std::vector<std::vector<std::string>> cells;
  cells.reserve(rows.size());
  for (const auto& row : rows) {
    if (stopping()) return {};
    std::vector<std::string> texts(columns.size());
    for (size_t i = 0; i < columns.size() && i < row.size(); ++i) {
      texts[i] = cellText(row[i]);
      widths[i] = std::max(widths[i], displayWidth(texts[i]));
    }
    cells.push_back(std::move(texts));
  }
  widths = fitColumns(widths, headerWidths, style.terminalWidth);

  std::vector<std::string> dashes;
  for (size_t i = 0; i < widths.size(); ++i) {
    dashes.emplace_back(static_cast<size_t>(displayWidth(fitToWidth(headers[i], widths[i]))), '-');
  }
  Style plain = style;
  plain.color = false;
  std::string out = "\n";
  appendLine(out, tableLine(headers, columns, widths, style));
  appendLine(out, tableLine(dashes, columns, widths, style));
  for (const auto& texts : cells) {
    if (stopping()) return {};
    appendLine(out, tableLine(texts, columns, widths, plain));
  }
  out += '\n';
  return out;
}

std::string renderList(const std::vector<std::pair<std::string, std::string>>& props,
                       const Style& style) {
  int nameWidth = 0;
  for (const auto& [name, value] : props) nameWidth = std::max(nameWidth, displayWidth(printable(name)));
  const std::string indent(static_cast<size_t>(nameWidth) + 3, ' ');
  const int valueWidth = style.terminalWidth > 0 ? style.terminalWidth - static_cast<int>(indent.size()) : 0;

  std::string out = "\n";
  for (const auto& [name, value] : props) {
    std::string clean = printable(name);
    std::string prefix = paint(clean, style) + std::string(static_cast<size_t>(nameWidth - displayWidth(clean)), ' ') + " : ";
    for (auto line : splitLines(value)) {
      auto pieces = valueWidth >= kNarrowestWrap ? wrapToWidth(printable(line), valueWidth)
                                                 : std::vector<std::string>{printable(line)};
      for (auto& piece : pieces) {
        appendLine(out, prefix + piece);
        prefix = indent;
      }
    }
  }
  out += '\n';
  return out;
}

}  // namespace plush::format
