// The CSV reader on real files: RFC 4180 quoting, byte order marks, line ends,
// and the physical line numbers messages depend on.
#include "adapters/convert/CsvReader.h"
#include "tests/support/Process.h"

#include <boost/test/unit_test.hpp>

#include <fstream>

using namespace profkpi::adapters::convert;
using profkpi::tests::TempDir;

namespace {

struct Fixture {
  TempDir dir;

  std::string write(const std::string& bytes) {
    std::string path = dir.file("in.csv");
    std::ofstream(path, std::ios::binary) << bytes;
    return path;
  }

  std::vector<CsvRecord> readAll(const std::string& bytes, CsvDialect dialect = {}) {
    CsvReader reader(write(bytes), dialect);
    std::vector<CsvRecord> records;
    for (CsvRecord r; reader.next(r);) records.push_back(r);
    return records;
  }
};

using Fields = std::vector<std::string>;

}  // namespace

BOOST_FIXTURE_TEST_SUITE(CsvReaderTest, Fixture)

BOOST_AUTO_TEST_CASE(plainRecordsSplitOnTheDelimiter) {
  auto records = readAll("a,b,c\n1,,3\n4,5,\n");
  BOOST_REQUIRE_EQUAL(records.size(), 3u);
  BOOST_TEST(records[1].fields == (Fields{"1", "", "3"}));
  BOOST_TEST(records[2].fields == (Fields{"4", "5", ""}));
  BOOST_TEST(records[2].line == 3);
}

BOOST_AUTO_TEST_CASE(quotedFieldsHoldDelimitersDoubledQuotesAndLineBreaks) {
  auto records = readAll("id,title\n1,\"Analyst, \"\"Senior\"\"\"\n2,\"two\nlines\r\nhere\"\n3,after\n");
  BOOST_REQUIRE_EQUAL(records.size(), 4u);
  BOOST_TEST(records[1].fields == (Fields{"1", "Analyst, \"Senior\""}));
  BOOST_TEST(records[2].fields == (Fields{"2", "two\nlines\nhere"}));
  BOOST_TEST(records[2].line == 3);
  // The record after a field with two line breaks starts on physical line 6.
  BOOST_TEST(records[3].line == 6);
  BOOST_TEST(records[3].fieldLines == (std::vector<long>{6, 6}));
}

BOOST_AUTO_TEST_CASE(fieldsRememberTheLineTheyStartOn) {
  auto records = readAll("a,\"x\ny\",b\n");
  BOOST_REQUIRE_EQUAL(records.size(), 1u);
  BOOST_TEST(records[0].fieldLines == (std::vector<long>{1, 1, 2}));
}

BOOST_AUTO_TEST_CASE(aByteOrderMarkIsSkipped) {
  auto records = readAll("\xEF\xBB\xBFid,name\n1,x\n");
  BOOST_REQUIRE_EQUAL(records.size(), 2u);
  BOOST_TEST(records[0].fields[0] == "id");
}

BOOST_AUTO_TEST_CASE(crlfLfAndLoneCrAllEndLines) {
  auto records = readAll("a\r\nb\nc\rd");
  BOOST_REQUIRE_EQUAL(records.size(), 4u);
  BOOST_TEST(records[3].fields == (Fields{"d"}));
  BOOST_TEST(records[3].line == 4);
}

BOOST_AUTO_TEST_CASE(emptyLinesAreSkippedButCounted) {
  auto records = readAll("a\n\n\r\nb\n\n");
  BOOST_REQUIRE_EQUAL(records.size(), 2u);
  BOOST_TEST(records[1].line == 4);
}

BOOST_AUTO_TEST_CASE(anEmptyFileHasNoRecords) {
  BOOST_TEST(readAll("").empty());
  BOOST_TEST(readAll("\xEF\xBB\xBF").empty());
}

BOOST_AUTO_TEST_CASE(otherDelimitersAndQuotes) {
  auto records = readAll("a;'b;c';d\n", CsvDialect{';', '\''});
  BOOST_REQUIRE_EQUAL(records.size(), 1u);
  BOOST_TEST(records[0].fields == (Fields{"a", "b;c", "d"}));
}

BOOST_AUTO_TEST_CASE(aQuoteInsideAnUnquotedFieldIsLiteral) {
  auto records = readAll("24\" monitor,x\n");
  BOOST_TEST(records[0].fields == (Fields{"24\" monitor", "x"}));
}

BOOST_AUTO_TEST_CASE(textAfterAClosingQuoteMarksTheRecordAndReadingGoesOn) {
  auto records = readAll("\"a\"b,c\nd,e\n");
  BOOST_REQUIRE_EQUAL(records.size(), 2u);
  BOOST_TEST(records[0].problem.find("after the closing quote") != std::string::npos);
  BOOST_TEST(records[1].problem.empty());
}

BOOST_AUTO_TEST_CASE(anUnclosedQuoteNamesTheLineItOpensOn) {
  CsvReader reader(write("a,b\n1,\"never\nclosed\n"), {});
  CsvRecord r;
  BOOST_TEST(reader.next(r));
  try {
    reader.next(r);
    BOOST_FAIL("an unclosed quote was accepted");
  } catch (const CsvError& e) {
    BOOST_TEST(e.line() == 2);
    BOOST_TEST(std::string(e.what()).find("never closed") != std::string::npos);
  }
}

BOOST_AUTO_TEST_CASE(utf16IsRefusedWithAHint) {
  std::string path = write(std::string("\xFF\xFEi\0d\0", 6));
  try {
    CsvReader reader(path, {});
    BOOST_FAIL("UTF-16 was accepted");
  } catch (const CsvError& e) {
    BOOST_TEST(std::string(e.what()).find("UTF-16") != std::string::npos);
  }
}

BOOST_AUTO_TEST_CASE(aMissingFileIsAnIoErrorAtLineZero) {
  try {
    CsvReader reader(dir.file("absent.csv"), {});
    BOOST_FAIL("opened a missing file");
  } catch (const CsvError& e) {
    BOOST_TEST(e.line() == 0);
  }
}

BOOST_AUTO_TEST_CASE(recordsSpanningTheReadBufferAreWhole) {
  std::string bytes;
  for (int i = 0; i < 20000; ++i) bytes += std::to_string(i) + ",\"v," + std::to_string(i) + "\"\n";
  auto records = readAll(bytes);
  BOOST_REQUIRE_EQUAL(records.size(), 20000u);
  BOOST_TEST(records[12345].fields == (Fields{"12345", "v,12345"}));
  BOOST_TEST(records[19999].line == 20000);
}

BOOST_AUTO_TEST_SUITE_END()
