// Receipts and stored warnings are written by JsonWriter; what it writes must be
// what Poco::JSON printed before, byte for byte (integrators compare receipts).
#include "adapters/json/DiagnosticJson.h"
#include "adapters/json/JsonWriter.h"
#include "adapters/json/ReceiptJson.h"
#include "engine/intake/xml/CatalogueLoader.h"
#include "engine/intake/xml/Schemas.h"
#include "tests/support/Records.h"

#include <boost/test/unit_test.hpp>

using namespace profkpi::engine;
namespace json = profkpi::adapters::json;
using profkpi::engine::xml::loadCatalogue;
using profkpi::engine::xml::Schemas;

namespace {

// Every character class the escaping treats differently.
const std::string AWKWARD = std::string("\"quoted\" back\\slash a/b tab\tnl\nbell\x07 vt\x0b nul") + '\0' +
                            " \x1f del\x7f Ynys Môn ŵŷ — €😀 </script>";

Diagnostic finding(Severity severity, std::string code, std::string message, std::string kpi, bool explained) {
  Diagnostic d;
  d.severity = severity;
  d.code = std::move(code);
  d.message = std::move(message);
  d.kpi = std::move(kpi);
  d.line = 12;
  d.column = 345678;
  d.explained = explained;
  if (explained) d.explanation = AWKWARD;
  return d;
}

Diagnostics findings() {
  return {finding(Severity::Warning, "PQ101", "K2 moved by +30.0 %", "K2", true),
          finding(Severity::Warning, "PQ104", AWKWARD, "", false),
          finding(Severity::Error, "XSD", "", "", false)};
}

struct Fixture {
  Schemas schemas;
  Catalogue catalogue = loadCatalogue(schemas);
  KpiCalculator calculator{catalogue};

  Receipt receipt(Measures m, Diagnostics warnings) const {
    SubmissionRecord r = profkpi::tests::aggregateRecord("0a1b2c3d-0000-4000-8000-00000000000f", "W06000001");
    r.sha256 = std::string(64, 'f');
    r.revision = 7;
    r.measures = m;
    r.warnings = std::move(warnings);
    return receiptFor(r, calculator);
  }
};

// The worked example, but 48.57 CPD days.
Measures everyKpi() {
  Measures m = profkpi::tests::hartlepoolMeasures();
  m.cpdDays = Amount::fromHundredths(4857);
  return m;
}

}  // namespace

BOOST_FIXTURE_TEST_SUITE(JsonWriterTest, Fixture)

BOOST_AUTO_TEST_CASE(writtenReceiptIsWhatPocoPrinted) {
  for (const Receipt& r : {receipt(everyKpi(), findings()), receipt(Measures{}, {}), receipt(everyKpi(), {})}) {
    BOOST_TEST(json::receiptText(r) == json::stringify(json::receiptToJson(r)));
  }
  BOOST_TEST(json::receiptText(receipt(Measures{}, {})).find("\"index\":null") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(writtenFindingsAreWhatPocoPrintedAndReadBack) {
  Diagnostics all = findings();
  std::string text = json::diagnosticsToText(all);
  BOOST_TEST(text == json::stringify(json::diagnosticsToJson(all)));
  BOOST_TEST(json::diagnosticsToText({}) == "[]");
  Diagnostics back = json::diagnosticsFromText(text);
  BOOST_REQUIRE(back.size() == all.size());
  BOOST_TEST(back[0].explanation == AWKWARD);
  BOOST_TEST(back[1].message == AWKWARD);
  BOOST_TEST(back[0].column == 345678);
}

// Stored warnings are read back by a reader of the writer's own text; any other
// JSON (spacing, \u escapes of letters) goes to Poco's parser, with the same result.
BOOST_AUTO_TEST_CASE(storedFindingsReadBackTheSameByEitherReader) {
  std::string spaced = "[ {\"severity\": \"warning\", \"code\": \"PQ104\", \"line\": 3, \"column\": 4,"
                       " \"message\": \"caf\\u00e9 \\/\", \"explained\": true, \"explanation\": \"ok\"} ]";
  BOOST_TEST(!json::readWrittenDiagnostics(spaced));
  BOOST_TEST(json::readWrittenDiagnostics(json::diagnosticsToText(findings())).has_value());
  Diagnostics fromPoco = json::diagnosticsFromText(spaced);
  BOOST_REQUIRE(fromPoco.size() == 1u);
  BOOST_TEST(fromPoco[0].message == "café /");
  BOOST_TEST(fromPoco[0].explained);
  BOOST_TEST(fromPoco[0].line == 3);
  Diagnostics written = json::diagnosticsFromText(json::diagnosticsToText(fromPoco));
  BOOST_REQUIRE(written.size() == 1u);
  BOOST_TEST(written[0].message == fromPoco[0].message);
  BOOST_TEST(written[0].explanation == "ok");
  BOOST_TEST(written[0].column == 4);
  BOOST_TEST((written[0].severity == Severity::Warning));
  BOOST_TEST(json::diagnosticsFromText("[]").empty());
  Diagnostics error = json::diagnosticsFromText(json::diagnosticsToText(findings()));
  BOOST_TEST((error[2].severity == Severity::Error));
  BOOST_TEST(!error[2].explained);
  BOOST_TEST(error[0].kpi == "K2");
  BOOST_TEST(error[1].kpi.empty());
  BOOST_CHECK_THROW(json::diagnosticsFromText("[{\"severity\":\"warning\"}"), Poco::Exception);
}

BOOST_AUTO_TEST_CASE(commasOnlyBetweenMembers) {
  json::JsonWriter w;
  w.beginObject().key("a").beginArray().integer(1).null().boolean(false).beginObject().endObject().endArray();
  w.key("b").number(0.5).key("c").string("").endObject();
  BOOST_TEST(w.take() == R"({"a":[1,null,false,{}],"b":0.5,"c":""})");
  BOOST_TEST(w.take().empty());
}

BOOST_AUTO_TEST_SUITE_END()
