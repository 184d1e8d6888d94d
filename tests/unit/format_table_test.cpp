// Unit tests: table and list views, alignment by display width, fitting to the terminal.
#include <catch2/catch.hpp>

#include <sstream>
#include <string>
#include <vector>

#include "format/table.h"
#include "format/width.h"

using namespace plush::format;

namespace {

std::vector<std::string> linesOf(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}

// Display column at which the first occurrence of marker starts in line, or -1.
int cellStart(const std::string& line, const std::string& marker) {
  auto at = line.find(marker);
  return at == std::string::npos ? -1 : displayWidth(line.substr(0, at));
}

// Display columns where each run of dashes starts in the dashes line.
std::vector<int> dashStarts(const std::string& line) {
  std::vector<int> starts;
  for (size_t i = 0; i < line.size(); ++i) {
    if (line[i] == '-' && (i == 0 || line[i - 1] == ' ')) starts.push_back(static_cast<int>(i));
  }
  return starts;
}

void checkNoTrailingSpaces(const std::string& text) {
  for (const auto& line : linesOf(text)) {
    INFO(line);
    CHECK((line.empty() || line.back() != ' '));
  }
}

}  // namespace

TEST_CASE("a plain table is a header, dashes and rows between blank lines", "[table]") {
  std::vector<Column> columns{{"SkuPartNumber"}, {"Total", Align::Right}, {"Available", Align::Right}};
  std::vector<std::vector<std::string>> rows{{"POWER_BI_PRO", "25", "3"}, {"SPE_E3", "100", "-2"}};
  CHECK(renderTable(columns, rows, {}) ==
        "\n"
        "SkuPartNumber Total Available\n"
        "------------- ----- ---------\n"
        "POWER_BI_PRO     25         3\n"
        "SPE_E3          100        -2\n"
        "\n");
}

TEST_CASE("right-aligned headers sit over the right edge of their numbers", "[table]") {
  std::vector<Column> columns{{"Name"}, {"Count", Align::Right}};
  std::vector<std::vector<std::string>> rows{{"a", "1234567"}, {"b", "5"}};
  auto lines = linesOf(renderTable(columns, rows, {}));
  REQUIRE(lines.size() == 6);
  CHECK(lines[1] == "Name   Count");
  CHECK(lines[2] == "----   -----");
  CHECK(lines[3] == "a    1234567");
  CHECK(lines[4] == "b          5");
}

TEST_CASE("columns line up by display width with CJK and emoji", "[table]") {
  std::vector<Column> columns{{"DisplayName"}, {"Department"}, {"Licenses", Align::Right}, {"Note"}};
  std::vector<std::vector<std::string>> rows{
      {"Alice Smith", "<Sales", "3", "|ok"},
      {"山田太郎", "<営業部", "12", "|東京"},
      {"Zoë Ünïcödé", "<Dev 👩‍💻", "1", "|🇯🇵 flag"},
      {"José 👍🏽", "<R&D", "7", "|"},
      {"\u1100\u1161\u11A8 Kim", "<e\u0301quipe", "100", "|❤\uFE0F"},
  };
  std::string text = renderTable(columns, rows, {});
  checkNoTrailingSpaces(text);
  auto lines = linesOf(text);
  REQUIRE(lines.size() == 9);
  auto starts = dashStarts(lines[2]);
  REQUIRE(starts.size() == 4);
  int rightEdge = displayWidth(lines[3].substr(0, lines[3].find(" |")));
  for (size_t r = 3; r < 3 + rows.size(); ++r) {
    INFO(lines[r]);
    CHECK(cellStart(lines[r], "<") == starts[1]);
    CHECK(cellStart(lines[r], "|") == starts[3]);
    CHECK(displayWidth(lines[r].substr(0, lines[r].find(" |"))) == rightEdge);
  }
}

TEST_CASE("a table wider than the terminal shrinks its widest column and cuts with an ellipsis", "[table]") {
  std::vector<Column> columns{{"SkuPartNumber"}, {"DisplayName"}, {"Total", Align::Right}};
  std::vector<std::vector<std::string>> rows{
      {"ENTERPRISEPACK", "Office 365 E3 with a rather long display name", "25"},
      {"SPE_E5", "Microsoft 365 E5", "5"},
      {"VIRTUAL_AGENT_BASE", "日本語の製品名がとても長い場合", "1"},
  };
  Style style;
  style.terminalWidth = 40;
  std::string text = renderTable(columns, rows, style);
  checkNoTrailingSpaces(text);
  auto lines = linesOf(text);
  REQUIRE(lines.size() == 7);
  for (const auto& line : lines) {
    INFO(line);
    CHECK(displayWidth(line) <= 40);
  }
  CHECK(lines[1].rfind("SkuPartNumber", 0) == 0);
  CHECK(lines[3].find("…") != std::string::npos);
  CHECK(lines[5].find("…") != std::string::npos);
  CHECK(lines[3].substr(lines[3].size() - 3) == " 25");  // numbers keep their right edge
  CHECK(lines[4].substr(lines[4].size() - 2) == " 5");
  CHECK(displayWidth(lines[3]) == displayWidth(lines[5]));
}

TEST_CASE("columns that cannot fit even shrunk are left out from the right", "[table]") {
  std::vector<Column> columns{{"UserPrincipalName"}, {"Department"}, {"UsageLocation"}};
  std::vector<std::vector<std::string>> rows{{"alice@contoso.com", "Sales", "US"}};
  Style style;
  style.terminalWidth = 30;
  auto lines = linesOf(renderTable(columns, rows, style));
  REQUIRE(lines.size() == 5);
  CHECK(lines[1] == "UserPrincipalName Department");
  CHECK(lines[3] == "alice@contoso.com Sales");

  style.terminalWidth = 10;
  lines = linesOf(renderTable(columns, rows, style));
  CHECK(lines[1] == "UserPrinc…");
  CHECK(lines[2] == "----------");
  CHECK(lines[3] == "alice@con…");
}

TEST_CASE("a multi-line cell shows its first line and an ellipsis", "[table]") {
  std::vector<Column> columns{{"Name"}, {"Detail"}};
  std::vector<std::vector<std::string>> rows{{"x", "first line\r\nsecond line"}, {"y", "one"}};
  auto lines = linesOf(renderTable(columns, rows, {}));
  CHECK(lines[3] == "x    first line…");
  CHECK(lines[4] == "y    one");
}

TEST_CASE("control characters in cells cannot reach the terminal", "[table]") {
  std::vector<Column> columns{{"Name"}};
  std::vector<std::vector<std::string>> rows{{"evil\x1b[2Jname\ttab"}, {"\xc2\x9b" "c1"}};
  auto lines = linesOf(renderTable(columns, rows, {}));
  CHECK(lines[3] == "evil[2Jname tab");
  CHECK(lines[4] == "c1");
}

TEST_CASE("missing cells are empty and extra cells ignored", "[table]") {
  std::vector<Column> columns{{"A"}, {"B"}};
  std::vector<std::vector<std::string>> rows{{"1"}, {"2", "3", "4"}};
  auto lines = linesOf(renderTable(columns, rows, {}));
  CHECK(lines[3] == "1");
  CHECK(lines[4] == "2 3");
  CHECK(renderTable({}, rows, {}).empty());
}

TEST_CASE("color makes only the header lines bold green", "[table]") {
  std::vector<Column> columns{{"Name"}, {"Total", Align::Right}};
  std::vector<std::vector<std::string>> rows{{"POWER_BI_PRO", "25"}};
  Style style;
  style.color = true;
  auto lines = linesOf(renderTable(columns, rows, style));
  CHECK(lines[1] == "\x1b[1;32mName\x1b[0m         \x1b[1;32mTotal\x1b[0m");
  CHECK(lines[2].find("\x1b[1;32m-----") != std::string::npos);
  CHECK(lines[3] == "POWER_BI_PRO    25");
}

TEST_CASE("a list pads names to the longest and indents multi-line values", "[list]") {
  std::vector<std::pair<std::string, std::string>> props{
      {"UserPrincipalName", "alice@contoso.com"},
      {"DisplayName", "山田 太郎"},
      {"Department", ""},
      {"Licenses", "POWER_BI_PRO\nSPE_E3"},
  };
  CHECK(renderList(props, {}) ==
        "\n"
        "UserPrincipalName : alice@contoso.com\n"
        "DisplayName       : 山田 太郎\n"
        "Department        :\n"
        "Licenses          : POWER_BI_PRO\n"
        "                    SPE_E3\n"
        "\n");
}

TEST_CASE("a list value wider than the terminal wraps under the value column", "[list]") {
  std::vector<std::pair<std::string, std::string>> props{{"Id", "x"}, {"Message", "日本語のとても長いメッセージ"}};
  Style style;
  style.terminalWidth = 24;
  auto lines = linesOf(renderList(props, style));
  REQUIRE(lines.size() == 5);
  CHECK(lines[2] == "Message : 日本語のとても");
  CHECK(lines[3] == "          長いメッセージ");
  for (const auto& line : lines) CHECK(displayWidth(line) <= 24);
}

TEST_CASE("color makes list names bold green, padding outside the color", "[list]") {
  Style style;
  style.color = true;
  CHECK(renderList({{"Id", "1"}, {"Name", "n"}}, style) ==
        "\n\x1b[1;32mId\x1b[0m   : 1\n\x1b[1;32mName\x1b[0m : n\n\n");
}
