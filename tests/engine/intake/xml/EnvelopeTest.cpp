// SUBMISSION.md section 1: XML 1.0, UTF-8, or UTF-16 with a byte order mark.
// Xerces alone reads Latin-1, windows-1252, UTF-32, UTF-16 without a mark and XML 1.1.
#include "engine/intake/xml/XmlDeclaration.h"
#include "tests/support/IntakeFixture.h"
#include "tests/support/Process.h"

#include <boost/test/unit_test.hpp>

#include <fstream>

using namespace profkpi::engine;
using namespace profkpi::tests;

namespace {

const std::string DECLARATION = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>";

// The shipped-style Aggregate with another XML declaration in front.
std::string withDeclaration(const std::string& declaration) {
  std::string xml = aggregateDocument();
  BOOST_REQUIRE(xml.compare(0, DECLARATION.size(), DECLARATION) == 0);
  return declaration + xml.substr(DECLARATION.size());
}

// UTF-16 of an ASCII document, with or without a byte order mark.
std::string utf16(const std::string& ascii, bool littleEndian, bool byteOrderMark) {
  std::string out;
  if (byteOrderMark) out += littleEndian ? "\xFF\xFE" : "\xFE\xFF";
  for (char c : ascii) {
    out += littleEndian ? std::string{c, '\0'} : std::string{'\0', c};
  }
  return out;
}

// An ASCII rendering of the shipped document (its names are ASCII already).
std::string asciiDocument(const std::string& declaration) { return withDeclaration(declaration); }

}  // namespace

BOOST_FIXTURE_TEST_SUITE(EnvelopeTest, IntakeFixture)

BOOST_AUTO_TEST_CASE(utf8WithOrWithoutMarkOrDeclarationIsRead) {
  BOOST_TEST(read(aggregateDocument()).accepted());
  BOOST_TEST(read("\xEF\xBB\xBF" + aggregateDocument()).accepted());
  BOOST_TEST(read(withDeclaration("")).accepted());
  BOOST_TEST(read(withDeclaration("<?xml version='1.0' encoding='utf-8'?>")).accepted());
  BOOST_TEST(read(withDeclaration("<?xml version=\"1.0\"?>")).accepted());
  BOOST_TEST(read(withDeclaration("<?xml version=\"1.0\" standalone=\"yes\"?>")).accepted());
  // What lxml writes by default: ASCII is UTF-8 byte for byte.
  BOOST_TEST(read(withDeclaration("<?xml version='1.0' encoding='ASCII'?>")).accepted());
}

BOOST_AUTO_TEST_CASE(utf16WithAByteOrderMarkIsRead) {
  std::string declared = asciiDocument("<?xml version=\"1.0\" encoding=\"UTF-16\"?>");
  BOOST_TEST(read(utf16(declared, true, true)).accepted());
  BOOST_TEST(read(utf16(declared, false, true)).accepted());
  BOOST_TEST(read(utf16(withDeclaration(""), true, true)).accepted());
}

BOOST_AUTO_TEST_CASE(otherEncodingsAreRefusedNamingWhatWasDeclared) {
  for (const char* encoding : {"ISO-8859-1", "windows-1252", "UTF-32", "EBCDIC-CP-US"}) {
    IntakeResult r = read(withDeclaration(std::string("<?xml version=\"1.0\" encoding=\"") + encoding + "\"?>"));
    BOOST_TEST(errorCodes(r) == Codes{"XML"}, encoding);
    BOOST_TEST(r.diagnostics.at(0).message.find(encoding) != std::string::npos, r.diagnostics.at(0).message);
    BOOST_TEST(r.diagnostics.at(0).message.find("UTF-8") != std::string::npos);
    BOOST_TEST(r.diagnostics.at(0).line == 1);
  }
}

BOOST_AUTO_TEST_CASE(utf16WithoutAByteOrderMarkIsRefused) {
  std::string declared = asciiDocument("<?xml version=\"1.0\" encoding=\"UTF-16\"?>");
  BOOST_TEST(errorCodes(read(utf16(declared, true, false))) == Codes{"XML"});
  BOOST_TEST(errorCodes(read(utf16(declared, false, false))) == Codes{"XML"});
  // Declared UTF-16 but written in UTF-8.
  IntakeResult mislabelled = read(declared);
  BOOST_TEST(errorCodes(mislabelled) == Codes{"XML"});
  BOOST_TEST(mislabelled.diagnostics.at(0).message.find("byte order mark") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(utf32IsRefused) {
  std::string doc = withDeclaration("");
  std::string utf32 = "\xFF\xFE";
  utf32 += std::string(2, '\0');
  for (char c : doc) utf32 += std::string{c, '\0', '\0', '\0'};
  IntakeResult r = read(utf32);
  BOOST_TEST(errorCodes(r) == Codes{"XML"});
  BOOST_TEST(r.diagnostics.at(0).message.find("UTF-32") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(xmlOneDotOneIsRefused) {
  IntakeResult r = read(withDeclaration("<?xml version=\"1.1\" encoding=\"UTF-8\"?>"));
  BOOST_TEST(errorCodes(r) == Codes{"XML"});
  BOOST_TEST(r.diagnostics.at(0).message.find("\"1.1\"") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(filesAreCheckedAsBuffersAre) {
  TempDir dir;
  std::string path = dir.file("latin1.xml");
  std::ofstream(path, std::ios::binary) << withDeclaration("<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>");
  BOOST_TEST(errorCodes(reader.readFile(path)) == Codes{"XML"});
  std::string good = dir.file("utf8.xml");
  std::ofstream(good, std::ios::binary) << aggregateDocument();
  BOOST_TEST(reader.readFile(good).accepted());
  std::string empty = dir.file("empty.xml");
  std::ofstream(empty, std::ios::binary).flush();
  BOOST_TEST(errorCodes(reader.readFile(empty)) == Codes{"XML"});
}

BOOST_AUTO_TEST_CASE(declarationParsingFollowsTheXmlGrammar) {
  using xml::envelopeRefusal;
  BOOST_TEST(!envelopeRefusal("<?xml version = '1.0'  encoding = 'UTF-8' ?><a/>"));
  BOOST_TEST(envelopeRefusal("<?xml version = '1.0'  encoding = 'latin1' ?><a/>").has_value());
  // Not a declaration: left to the parser.
  BOOST_TEST(!envelopeRefusal("<?xml-stylesheet href='x'?><a/>"));
  BOOST_TEST(!envelopeRefusal(""));
  BOOST_TEST(!envelopeRefusal("<?xml version='1.0' encoding='latin1'"));  // unterminated
  // An attribute named like a pseudo-attribute further on is not the declaration's.
  BOOST_TEST(!envelopeRefusal("<?xml version='1.0'?><a encoding='latin1'/>"));
}

BOOST_AUTO_TEST_SUITE_END()
