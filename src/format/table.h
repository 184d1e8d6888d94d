// PowerShell-like table and list views of values that are already text.
#pragma once

#include <functional>
#include <string>
#include <utility>
#include <vector>

namespace plush::format {

enum class Align { Left, Right };

struct Column {
  std::string header;
  Align align = Align::Left;  // Right for numbers
};

struct Style {
  bool color = false;     // bold green headers and property names (ANSI)
  int terminalWidth = 0;  // 0 = unlimited (a file or a pipe)
};

// A blank line, the header line, a line of dashes under each header, one line per row and a
// blank line, each line ending in "\n" without trailing spaces. Columns are as wide as their
// widest header or cell (in display cells) and one space apart. Only the first line of a
// multi-line cell shows, followed by "…"; control characters are dropped so tenant data
// cannot drive the terminal. When the table is wider than terminalWidth, the widest columns
// shrink (not below min(6 cells, natural width) nor their header) and cells are cut with "…";
// columns that still do not fit are left out from the right, as PowerShell does. Missing
// cells are empty, extra cells ignored. No columns gives "". `stopped` is polled every so many
// rows (Ctrl-C on a table of a million rows); once it answers true the text is cut short.
std::string renderTable(const std::vector<Column>& columns,
                        const std::vector<std::vector<std::string>>& rows, const Style& style,
                        const std::function<bool()>& stopped = {});

// One object as "Name : value" lines, names padded to the widest, with a blank line before and
// after. Lines of a multi-line value, and pieces of a value wider than the terminal, continue
// indented under the value column.
std::string renderList(const std::vector<std::pair<std::string, std::string>>& props,
                       const Style& style);

}  // namespace plush::format
