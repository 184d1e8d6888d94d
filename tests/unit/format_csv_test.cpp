// Unit tests: RFC 4180 reading (quotes, line breaks, BOM, errors with positions) and writing.
#include <catch2/catch.hpp>

#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "format/csv.h"

using namespace plush::format;
using Record = std::vector<std::string>;

namespace {

std::vector<Record> readAll(const std::string& text) {
  CsvReader reader(text);
  std::vector<Record> records;
  for (Record fields; reader.next(fields);) records.push_back(fields);
  return records;
}

CsvError errorOf(const std::string& text) {
  CsvReader reader(text);
  Record fields;
  try {
    while (reader.next(fields)) {
    }
  } catch (const CsvParseError& e) {
    return e.error();
  }
  FAIL("no CsvParseError for: " << text);
  return {};
}

}  // namespace

TEST_CASE("plain records, with and without a final line break", "[csv]") {
  CHECK(readAll("a,b,c\n1,2,3\n") == std::vector<Record>{{"a", "b", "c"}, {"1", "2", "3"}});
  CHECK(readAll("a,b,c\n1,2,3") == std::vector<Record>{{"a", "b", "c"}, {"1", "2", "3"}});
  CHECK(readAll("a,b\r\n1,2\r\n") == std::vector<Record>{{"a", "b"}, {"1", "2"}});
  CHECK(readAll("").empty());
}

TEST_CASE("empty fields are kept, blank lines skipped", "[csv]") {
  CHECK(readAll(",a,,\n") == std::vector<Record>{{"", "a", "", ""}});
  CHECK(readAll("\"\",x\n") == std::vector<Record>{{"", "x"}});
  CHECK(readAll("a\n\n\r\nb\n") == std::vector<Record>{{"a"}, {"b"}});
}

TEST_CASE("quoted fields hold delimiters, quotes and line breaks", "[csv]") {
  CHECK(readAll("\"Smith, Alice\",\"say \"\"hi\"\"\"\n") == std::vector<Record>{{"Smith, Alice", "say \"hi\""}});
  CHECK(readAll("id,note\n1,\"two\nlines\"\n2,x\n") ==
        std::vector<Record>{{"id", "note"}, {"1", "two\nlines"}, {"2", "x"}});
  CHECK(readAll("id,note\r\n1,\"two\r\nlines\"\r\n") == std::vector<Record>{{"id", "note"}, {"1", "two\r\nlines"}});
  CHECK(readAll("\"\"\"\"") == std::vector<Record>{{"\""}});
}

TEST_CASE("line() names the line where each record starts", "[csv]") {
  CsvReader reader(std::string("h1,h2\n\"a\nb\nc\",1\r\n\nlast,2"));
  Record fields;
  REQUIRE(reader.next(fields));
  CHECK(reader.line() == 1);
  REQUIRE(reader.next(fields));
  CHECK(reader.line() == 2);
  REQUIRE(reader.next(fields));
  CHECK(reader.line() == 6);
  CHECK(fields == Record{"last", "2"});
  CHECK_FALSE(reader.next(fields));
}

TEST_CASE("a UTF-8 BOM is skipped, other leading bytes kept", "[csv]") {
  CHECK(readAll("\xEF\xBB\xBFString_Id,GUID\nSPE_E3,05e9a617\n") ==
        std::vector<Record>{{"String_Id", "GUID"}, {"SPE_E3", "05e9a617"}});
  CHECK(readAll("\xEF\xBB" "x\n") == std::vector<Record>{{"\xEF\xBB" "x"}});
  CHECK(readAll("日本,語\n") == std::vector<Record>{{"日本", "語"}});
}

TEST_CASE("another delimiter", "[csv]") {
  std::istringstream in("a;\"b;c\";d\n");
  CsvReader reader(in, ';');
  Record fields;
  REQUIRE(reader.next(fields));
  CHECK(fields == Record{"a", "b;c", "d"});
  CHECK(csvLine({"a", "b;c", "d,e"}, ';') == "a;\"b;c\";d,e\n");
}

TEST_CASE("an unterminated quote names the line where the field opened", "[csv]") {
  auto e = errorOf("a,b\n1,\"open\n2,3\n4,5\n");
  CHECK(e.line == 2);
  CHECK(e.column == 3);
  CHECK(e.message.find("unterminated") != std::string::npos);
}

TEST_CASE("a quote inside an unquoted field is an error at that quote", "[csv]") {
  auto e = errorOf("a,b\nx,ab\"c\n");
  CHECK(e.line == 2);
  CHECK(e.column == 5);
}

TEST_CASE("text after a closing quote is an error at that text", "[csv]") {
  auto e = errorOf("name\n\"日本\"x\n");
  CHECK(e.line == 2);
  CHECK(e.column == 5);  // columns count characters, not bytes
  auto spaced = errorOf("a\r\n\"q\" ,b\r\n");
  CHECK(spaced.line == 2);
  CHECK(spaced.column == 4);
}

TEST_CASE("the error text carries line and column", "[csv]") {
  try {
    CsvReader reader(std::string("\"x"));
    Record fields;
    reader.next(fields);
    FAIL("expected CsvParseError");
  } catch (const CsvParseError& e) {
    CHECK(std::string(e.what()).rfind("line 1, column 1: ", 0) == 0);
  }
}

TEST_CASE("fields are quoted only when they must be", "[csv]") {
  CHECK(csvField("SPE_E3") == "SPE_E3");
  CHECK(csvField("") == "");
  CHECK(csvField("Smith, Alice") == "\"Smith, Alice\"");
  CHECK(csvField("say \"hi\"") == "\"say \"\"hi\"\"\"");
  CHECK(csvField("two\nlines") == "\"two\nlines\"");
  CHECK(csvField("cr\rhere") == "\"cr\rhere\"");
  CHECK(csvField(" padded") == "\" padded\"");
  CHECK(csvField("padded ") == "\"padded \"");
  CHECK(csvField("a b") == "a b");
  CHECK(csvLine({"a", "", "c"}) == "a,,c\n");
}

TEST_CASE("what is written reads back the same", "[csv]") {
  const std::vector<Record> records{
      {"UserPrincipalName", "DisplayName", "Note"},
      {"alice@contoso.com", "Smith, Alice", "said \"yes\""},
      {"bob@contoso.com", "山田 太郎 👩‍💻", "line one\r\nline two\nthree"},
      {"", " lead", "trail "},
      {"\"", ",", ""},
  };
  std::string text;
  for (const auto& r : records) text += csvLine(r);
  CHECK(readAll(text) == records);
}

TEST_CASE("the published product and service-plan list reads as records", "[csv]") {
  std::ifstream file(PLUSH_SOURCE_DIR "/../shared/data/product-service-plans.csv", std::ios::binary);
  if (!file) {
    WARN("product-service-plans.csv not present; skipped");
    return;
  }
  CsvReader reader(file);
  Record header, fields;
  REQUIRE(reader.next(header));
  CHECK(header.front() == "Product_Display_Name");
  long records = 0;
  while (reader.next(fields)) {
    ++records;
    INFO("record at line " << reader.line());
    CHECK(fields.size() == header.size());
  }
  CHECK(records > 100);
}
