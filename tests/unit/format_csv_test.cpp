// Unit tests: RFC 4180 reading (quotes, line breaks, BOM, errors with positions) and writing.
#include <catch2/catch.hpp>

#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "format/csv.h"
#include "format/csv_table.h"

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

TEST_CASE("a UTF-8 BOM is skipped; leading bytes that are no BOM must be UTF-8 too", "[csv]") {
  CHECK(readAll("\xEF\xBB\xBFString_Id,GUID\nSPE_E3,05e9a617\n") ==
        std::vector<Record>{{"String_Id", "GUID"}, {"SPE_E3", "05e9a617"}});
  CHECK(errorOf("\xEF\xBB" "x\n").message == "not UTF-8 text: the bytes 0xEF 0xBB 0x78 are not UTF-8");
  CHECK(readAll("日本,語\n") == std::vector<Record>{{"日本", "語"}});
}

TEST_CASE("UTF-16 with a BOM is decoded, little and big endian, surrogate pairs too", "[csv][encoding]") {
  // "a,é\n😀,b\n" in UTF-16
  const std::string le = std::string("\xFF\xFE" "a\0,\0\xE9\0\n\0", 10) + std::string("\x3D\xD8\x00\xDE,\0b\0\n\0", 10);
  const std::string be = std::string("\xFE\xFF\0a\0,\0\xE9\0\n", 10) + std::string("\xD8\x3D\xDE\x00\0,\0b\0\n", 10);
  const std::vector<Record> want{{"a", "é"}, {"😀", "b"}};
  CHECK(readAll(le) == want);
  CHECK(readAll(be) == want);
  CsvReader reader(le);
  Record r;
  reader.next(r);
  CHECK(reader.encoding() == "UTF-16LE");
}

TEST_CASE("bytes that are not text are refused at their line and column", "[csv][encoding]") {
  CsvError latin1 = errorOf("Name,City\nann,Paris\nbob,K\xF6ln\n");
  CHECK(latin1.line == 3);
  CHECK(latin1.column == 6);
  CHECK(latin1.message == "not UTF-8 text: the byte 0xF6 is not UTF-8");
  CHECK_FALSE(latin1.fix.empty());
  CHECK(errorOf("a\n\xC0\xAF\n").message == "not UTF-8 text: the byte 0xC0 is not UTF-8");  // overlong '/'
  CHECK(errorOf("a\n\xED\xA0\x80\n").message == "not UTF-8 text: the bytes 0xED 0xA0 are not UTF-8");  // a surrogate
  CHECK(errorOf("a\n\xF4\x90\x80\x80\n").line == 2);  // past U+10FFFF
  CHECK(errorOf("ok,\xE6\x97").message == "not UTF-8 text: the bytes 0xE6 0x97 are not UTF-8");  // cut at the end
  CHECK(errorOf(std::string("\xFF\xFE" "a\0b", 5)).message ==
        "not UTF-16LE text: an odd number of bytes: the last UTF-16 character is cut off");
  CHECK(errorOf(std::string("\xFF\xFE\x00\xDC", 4)).message == "not UTF-16LE text: a lone UTF-16 low surrogate");
  CHECK(errorOf(std::string("\xFF\xFE\0\0" "a\0\0\0", 8)).message ==
        "not UTF-16LE text: a UTF-32 byte order mark; save the file as UTF-8 or UTF-16");
}

TEST_CASE("a field starting with U+FEFF survives a round trip (it is not taken for a BOM)", "[csv][encoding]") {
  // The fuzzer's input: a BOM, then a field that is U+FEFF itself.
  std::vector<Record> first = readAll("\xEF\xBB\xBF\xEF\xBB\xBF");
  REQUIRE(first == std::vector<Record>{{"\xEF\xBB\xBF"}});
  CHECK(csvField("\xEF\xBB\xBF") == "\"\xEF\xBB\xBF\"");
  CHECK(readAll(csvLine(first[0])) == first);
  CHECK(readAll("\xEF\xBB\xBF" + csvLine(first[0])) == first);
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

TEST_CASE("a quoted field that runs over lines into a bad close names the line where it opened", "[csv]") {
  CsvError e = errorOf("a,b\n\"never closed,1\nfine,2\nthen \"quoted\" text,3\n");
  CHECK(e.line == 2);
  CHECK(e.column == 1);
  CHECK(e.message.find("runs on to line 4") != std::string::npos);
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

TEST_CASE("-UseQuotes: Always quotes every field, Never none, AsNeeded what must be", "[csv]") {
  CHECK(csvLine({"a", "", "x,y"}, ',', Quoting::Always) == "\"a\",\"\",\"x,y\"\n");
  CHECK(csvLine({"a", "", "say \"hi\""}, ';', Quoting::Always) == "\"a\";\"\";\"say \"\"hi\"\"\"\n");
  CHECK(csvLine({"a", "x;y"}, ';', Quoting::AsNeeded) == "a;\"x;y\"\n");
  CHECK(csvLine({"a", "x,y"}, ';', Quoting::AsNeeded) == "a;x,y\n");
  CHECK(csvLine({"a", "b c"}, ',', Quoting::Never) == "a,b c\n");
  CHECK(csvNeedsQuotes("x;y", ';'));
  CHECK_FALSE(csvNeedsQuotes("x;y", ','));
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

TEST_CASE("a table: #TYPE skipped, blank names H<n>, a duplicate name refused in any case", "[csv][table]") {
  CsvTable typed(std::string("#TYPE System.Management.Automation.PSCustomObject\r\n\"a\",\"b\"\r\n\"1\",\"2\"\r\n"), ',');
  CHECK(typed.header() == Record{"a", "b"});
  Record row;
  REQUIRE(typed.next(row));
  CHECK(row == Record{"1", "2"});
  CHECK(typed.line() == 3);
  CHECK_FALSE(typed.next(row));

  CsvTable hash(std::string("#Fields,b\n1,2\n"), ',');  // only "#TYPE" marks a type line
  CHECK(hash.header() == Record{"#Fields", "b"});

  CsvTable blank(std::string("a,,c\n1,2,3\n"), ',');
  CHECK(blank.header() == Record{"a", "H2", "c"});
  CHECK(blank.warnings().size() == 1);

  for (const char* text : {"a,b,a\n1,2,3\n", "Name,NAME\n1,2\n", "Émile,ÉMILE\n1,2\n"}) {
    CsvTable dup{std::string(text), ','};
    try {
      dup.header();
      FAIL("no error for " << text);
    } catch (const CsvParseError& e) {
      CHECK(e.error().line == 1);
      CHECK(e.error().message.find("is already present.") != std::string::npos);
    }
  }
  CsvTable empty(std::string(""), ',');
  CHECK(empty.header().empty());
  CHECK_FALSE(empty.next(row));
}

TEST_CASE("checkCsv reads a whole input and throws its first error", "[csv][table]") {
  CsvTable good(std::string("a,b\n1,2\n3,4\n"), ',');
  CHECK_NOTHROW(checkCsv(good));
  CsvTable bad(std::string("a,b\n1,2\n3,\"4\n5,6\n"), ',');
  try {
    checkCsv(bad);
    FAIL("no error");
  } catch (const CsvParseError& e) {
    CHECK(e.error().line == 3);
    CHECK(e.error().column == 3);
  }
}
