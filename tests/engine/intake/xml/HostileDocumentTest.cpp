#include "engine/intake/xml/XmlDeclaration.h"
#include "tests/support/IntakeFixture.h"
#include "tests/support/Sanitized.h"

#include <boost/test/unit_test.hpp>

#include <algorithm>
#include <chrono>

using namespace profkpi::engine;
using namespace profkpi::tests;

namespace {
double secondsToRead(IntakeFixture& f, const std::string& xml, IntakeResult& result) {
  auto start = std::chrono::steady_clock::now();
  result = f.read(xml);
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}
}  // namespace

BOOST_FIXTURE_TEST_SUITE(HostileDocumentTest, IntakeFixture)

BOOST_AUTO_TEST_CASE(externalEntityIsNeverRead) {
  writeFile(PROFKPI_TEST_TMP "/secret.txt", "TOP-SECRET-CONTENT-4711");
  std::string xml = aggregateDocument();
  xml.insert(xml.find("<Submission"), "<!DOCTYPE Submission [<!ENTITY x SYSTEM \"file://" PROFKPI_TEST_TMP
                                      "/secret.txt\">]>\n");
  xml.replace(xml.find("Hartlepool Borough Council"), 26, "&x;");
  IntakeResult r = read(xml);
  BOOST_TEST(errorCodes(r) == Codes{"XML"});
  BOOST_TEST(allMessages(r).find("DOCTYPE") != std::string::npos);
  BOOST_TEST(allMessages(r).find("TOP-SECRET") == std::string::npos);
  BOOST_TEST(r.submission.header.organisationName.find("TOP-SECRET") == std::string::npos);

  IntakeResult sample = read(readFile(samplesDir() + "/hostile/xxe-local-file.xml"));
  BOOST_TEST(!sample.accepted());
  BOOST_TEST(allMessages(sample).find("root:") == std::string::npos);
}

BOOST_AUTO_TEST_CASE(parameterEntityIsRefused) {
  IntakeResult r = read(readFile(samplesDir() + "/hostile/xxe-parameter-entity.xml"));
  BOOST_TEST(errorCodes(r) == Codes{"XML"});
}

BOOST_AUTO_TEST_CASE(billionLaughsIsRefusedInWellUnderASecond) {
  IntakeResult r;
  double seconds = secondsToRead(*this, readFile(samplesDir() + "/hostile/billion-laughs.xml"), r);
  BOOST_TEST(errorCodes(r) == Codes{"XML"});
  BOOST_TEST(seconds < timeBound(0.5));
}

BOOST_AUTO_TEST_CASE(schemaLocationHintIsIgnored) {
  IntakeResult r = read(readFile(samplesDir() + "/hostile/schema-location-permissive.xml"));
  BOOST_TEST(!r.accepted());
  BOOST_TEST(errorCodes(r).front() == "XSD");
  // A hint on an otherwise valid document changes nothing either.
  std::string xml = aggregateDocument();
  xml.replace(xml.find("schemaVersion"), 13,
              "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" "
              "xsi:schemaLocation=\"urn:profkpi:submission:1 http://127.0.0.1:9/evil.xsd\" schemaVersion");
  BOOST_TEST(read(xml).accepted());
}

BOOST_AUTO_TEST_CASE(unknownNamespaceIsNamedInTheRefusal) {
  std::string xml = aggregateDocument();
  xml.replace(xml.find("urn:profkpi:submission:1"), 24, "urn:example:other");
  IntakeResult r = read(xml);
  BOOST_TEST(errorCodes(r) == Codes{"XSD"});
  BOOST_TEST(r.diagnostics[0].message.find("urn:example:other") != std::string::npos);
  BOOST_TEST(r.diagnostics[0].message.find("urn:profkpi:submission:1") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(unsupportedSchemaVersionIsNamedInTheRefusal) {
  for (const char* version : {"2.0", "1.2", "1.01", ""}) {
    std::string xml = aggregateDocument();
    xml.replace(xml.find("schemaVersion=\"1.0\""), 19, std::string("schemaVersion=\"") + version + "\"");
    IntakeResult r = read(xml);
    BOOST_TEST(errorCodes(r) == Codes{"XSD"}, version);
    BOOST_TEST(r.diagnostics[0].message.find(std::string("\"") + version + "\"") != std::string::npos);
    BOOST_TEST(r.diagnostics[0].message.find("supported: 1.0, 1.1") != std::string::npos);
  }
  std::string missing = aggregateDocument();
  missing.replace(missing.find("schemaVersion=\"1.0\""), 19, "");
  BOOST_TEST(read(missing).diagnostics.at(0).message.find("missing") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(truncatedDocumentIsNotWellFormed) {
  std::string xml = aggregateDocument();
  for (std::size_t cut : {xml.size() / 3, xml.size() / 2, xml.size() - 3}) {
    IntakeResult r = read(xml.substr(0, cut));
    BOOST_TEST(errorCodes(r).back() == "XML");
  }
  BOOST_TEST(errorCodes(read("")) == Codes{"XML"});
}

BOOST_AUTO_TEST_CASE(invalidUtf8IsNotWellFormed) {
  IntakeResult r = read(readFile(samplesDir() + "/hostile/invalid-utf8.xml"));
  BOOST_TEST(errorCodes(r) == Codes{"XML"});
  std::string xml = aggregateDocument();
  xml.replace(xml.find("Hartlepool"), 1, "\xff\xfe");
  BOOST_TEST(errorCodes(read(xml)) == Codes{"XML"});
}

BOOST_AUTO_TEST_CASE(trailingContentAfterRootIsNotWellFormed) {
  for (const char* trailer : {"<Submission/>", "text", "<!-- fine -->x"}) {
    IntakeResult r = read(aggregateDocument() + trailer);
    BOOST_TEST(errorCodes(r) == Codes{"XML"}, trailer);
  }
  BOOST_TEST(read(aggregateDocument() + "<!-- a comment is fine -->\n").accepted());
}

BOOST_AUTO_TEST_CASE(deepNestingIsCutOffQuickly) {
  std::string xml = "<Submission xmlns=\"urn:profkpi:submission:1\" schemaVersion=\"1.0\">";
  std::string open, close;
  for (int i = 0; i < 200000; ++i) open += "<a>";
  for (int i = 0; i < 200000; ++i) close += "</a>";
  IntakeResult r;
  double seconds = secondsToRead(*this, xml + open + close + "</Submission>", r);
  BOOST_TEST(!r.accepted());
  BOOST_TEST(allMessages(r).find("nested deeper") != std::string::npos);
  BOOST_TEST(seconds < timeBound(1.0));
}

BOOST_AUTO_TEST_CASE(manyAttributesAreCutOff) {
  std::string attributes;
  for (int i = 0; i < 5000; ++i) attributes += " a" + std::to_string(i) + "=\"x\"";
  std::string xml = aggregateDocument();
  xml.replace(xml.find("<Header>"), 8, "<Header" + attributes + ">");
  IntakeResult r = read(xml);
  BOOST_TEST(!r.accepted());
  BOOST_TEST(r.diagnostics.size() <= 1001u);  // each undeclared attribute is a schema fault

  xml::ReaderLimits patient;
  patient.maxDiagnostics = 100000;
  xml::SubmissionReader lenient(sharedSchemas(), shippedRegistry(), shippedCatalogue(), clock, patient);
  IntakeResult capped = lenient.read(xml.data(), xml.size());
  BOOST_TEST(allMessages(capped).find("more than 32 attributes") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(floodOfFaultsIsCapped) {
  std::vector<MemberFields> members = plainMembers(5000, "2");  // every fte invalid
  IntakeResult r = read(workforceDocument({}, {{}}, members));
  BOOST_TEST(r.diagnostics.size() <= 1001u);
  BOOST_TEST(allMessages(r).find("reading stopped") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(utf16WithByteOrderMarkIsAccepted) {
  IntakeResult r = read(readFile(samplesDir() + "/hostile/utf16-bom-valid.xml"));
  BOOST_TEST(r.accepted(), allMessages(r));
  BOOST_TEST(r.submission.measures.itHeadcount > 0);
}

// Xerces tells a LexicalHandler of a DOCTYPE only when it has a subset or an
// external identifier; SUBMISSION.md section 1 refuses every DOCTYPE.
BOOST_AUTO_TEST_CASE(bareDoctypeIsRefused) {
  for (const char* doctype : {"<!DOCTYPE Submission>\n", "<!DOCTYPE Submission >\n", "<!DOCTYPE x>"}) {
    std::string xml = aggregateDocument();
    xml.insert(xml.find("<Submission"), doctype);
    IntakeResult r = read(xml);
    BOOST_TEST_CONTEXT(doctype) {
      BOOST_TEST(errorCodes(r) == Codes{"XML"});
      BOOST_TEST(allMessages(r).find("a DOCTYPE is not allowed") != std::string::npos, allMessages(r));
      BOOST_TEST(!r.accepted());
    }
  }
}

// Xerces reports a bad UTF-8 byte where its decoding block starts (1:39, the end
// of the XML declaration); the finding is placed at the bad sequence itself.
BOOST_AUTO_TEST_CASE(invalidUtf8IsReportedWhereTheBadByteIs) {
  std::string path = samplesDir() + "/hostile/invalid-utf8.xml";
  std::string bytes = readFile(path);
  std::size_t bad = bytes.find("\xC3\x28");
  BOOST_REQUIRE(bad != std::string::npos);
  long column = static_cast<long>(bad - bytes.rfind('\n', bad));
  for (const IntakeResult& r : {read(bytes), reader.readFile(path)}) {
    BOOST_TEST(errorCodes(r) == Codes{"XML"});
    BOOST_REQUIRE(!r.diagnostics.empty());
    BOOST_TEST(r.diagnostics[0].line == 10);
    BOOST_TEST(r.diagnostics[0].column == column);
  }
  // Far from the declaration, on another line and after non-ASCII text.
  HeaderFields h;
  h.extra = "    <PreparedBy>Gw\xC5\xB5r \xE2\x82\xAC \xF0\x9F\x98\x80 \xE0\x80\xAF</PreparedBy>\n";
  std::string xml = aggregateDocument(h);
  std::size_t at = xml.find("\xE0\x80\xAF");
  long line = 1 + static_cast<long>(std::count(xml.begin(), xml.begin() + static_cast<long>(at), '\n'));
  IntakeResult overlong = read(xml);
  BOOST_TEST(errorCodes(overlong) == Codes{"XML"});
  BOOST_REQUIRE(!overlong.diagnostics.empty());
  BOOST_TEST(overlong.diagnostics[0].line == line);
  // "    <PreparedBy>" is 16, then G w ŵ r space € space 😀 (two units) space.
  BOOST_TEST(overlong.diagnostics[0].column == 16 + 10 + 1);
}

BOOST_AUTO_TEST_CASE(firstInvalidUtf8SequenceIsFound) {
  using xml::firstInvalidUtf8;
  BOOST_TEST(!firstInvalidUtf8("plain\nGw\xC5\xB5r \xF0\x9F\x98\x80"));
  auto at = firstInvalidUtf8("\xEF\xBB\xBF" "a\r\nb\rc\n\xC3\xA9\xED\xA0\x80");  // a UTF-8-encoded surrogate
  BOOST_REQUIRE(at.has_value());
  BOOST_TEST(at->line == 4);
  BOOST_TEST(at->column == 2);
  for (const char* bad : {"\x80", "\xC0\xAF", "\xC3", "\xF4\x90\x80\x80", "\xF5\x80\x80\x80", "\xE2\x82"}) {
    BOOST_TEST(firstInvalidUtf8(std::string("ab") + bad).has_value(), bad);
  }
}

BOOST_AUTO_TEST_SUITE_END()
