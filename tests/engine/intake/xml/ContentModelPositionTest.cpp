// Content-model faults (issue 22 item 6) are reported at the element that
// breaks the model, naming what was expected there, for any complex type;
// Xerces alone reports them at the parent's end tag.
#include "tests/support/IntakeFixture.h"

#include <boost/test/unit_test.hpp>

using namespace profkpi::engine;
using namespace profkpi::tests;

namespace {

std::string sample(const char* name) { return readFile(samplesDir() + "/valid/" + name); }

std::string replaced(std::string document, const std::string& from, const std::string& to) {
  std::size_t at = document.find(from);
  BOOST_REQUIRE_MESSAGE(at != std::string::npos, from);
  return document.replace(at, from.size(), to);
}

// The one error of a document with one fault.
Diagnostic onlyError(const std::string& document) {
  ManualClock clock;
  xml::SubmissionReader reader(sharedSchemas(), shippedRegistry(), shippedCatalogue(), clock);
  IntakeResult r = reader.read(document.data(), document.size());
  std::vector<Diagnostic> errors;
  for (const Diagnostic& d : r.diagnostics) {
    if (d.isError()) errors.push_back(d);
  }
  BOOST_REQUIRE_MESSAGE(errors.size() == 1u, IntakeFixture::allMessages(r));
  return errors[0];
}

bool says(const Diagnostic& d, const std::string& text) { return d.message.find(text) != std::string::npos; }

const char* AGGREGATE = "aggregate-hartlepool-2009-10-Q2.xml";
const char* WORKFORCE = "workforce-anglesey-2009-10-Q2.xml";
const char* EXPLAINED = "workforce-explained-warning.xml";

}  // namespace

BOOST_AUTO_TEST_SUITE(ContentModelPositionTest)

BOOST_AUTO_TEST_CASE(outOfOrderIsReportedAtTheFirstChildOutOfPlace) {
  // ItFte (line 26) moved before ItHeadcount (line 25): ItFte now stands on line 25.
  std::string doc = replaced(sample(AGGREGATE), "    <ItHeadcount>41</ItHeadcount>\n    <ItFte>38.5</ItFte>\n",
                             "    <ItFte>38.5</ItFte>\n    <ItHeadcount>41</ItHeadcount>\n");
  Diagnostic d = onlyError(doc);
  BOOST_TEST(d.code == "XSD");
  BOOST_TEST(d.line == 25);
  BOOST_TEST(says(d, "element 'ItFte' is not allowed here: expected ItHeadcount"), d.message);
}

BOOST_AUTO_TEST_CASE(aDuplicateIsReportedAtTheSecond) {
  std::string doc = replaced(sample(AGGREGATE), "    <ItFte>38.5</ItFte>\n",
                             "    <ItFte>38.5</ItFte>\n    <ItFte>38.5</ItFte>\n");
  Diagnostic d = onlyError(doc);
  BOOST_TEST(d.line == 27);
  BOOST_TEST(says(d, "element 'ItFte' is not allowed here: expected RolesTotal"), d.message);
}

BOOST_AUTO_TEST_CASE(oneMissingAtTheEndIsReportedAtTheParent) {
  Diagnostic d = onlyError(replaced(sample(AGGREGATE), "    <CpdDays>48.5</CpdDays>\n", ""));
  BOOST_TEST(d.line == 24);  // <Aggregate>
  BOOST_TEST(says(d, "element 'Aggregate' is incomplete: expected CpdDays"), d.message);
}

BOOST_AUTO_TEST_CASE(anElementWithNoChildrenIsReportedAtItsStartTag) {
  std::string doc = sample(EXPLAINED);
  std::size_t from = doc.find("    <Explanation ");
  doc.erase(from, doc.find("</Explanation>\n", from) + 15 - from);
  Diagnostic d = onlyError(doc);
  BOOST_TEST(d.line == 67);  // <Explanations>
  BOOST_TEST(says(d, "expected Explanation"), d.message);
}

BOOST_AUTO_TEST_CASE(aMembersChildrenArePlacedToo) {
  // Cpd (line 56) moved before Assessment (line 52, now 53): Cpd may come first, as the others are
  // optional, but nothing may follow it.
  std::string doc = replaced(sample(WORKFORCE), "        <Cpd days=\"5\"/>\n", "");
  doc = replaced(doc, "        <Assessment date=\"2009-03-12\"/>\n",
                 "        <Cpd days=\"5\"/>\n        <Assessment date=\"2009-03-12\"/>\n");
  Diagnostic d = onlyError(doc);
  BOOST_TEST(d.line == 53);
  BOOST_TEST(says(d, "element 'Assessment' is not allowed here: nothing more may follow in 'Member'"), d.message);
}

BOOST_AUTO_TEST_CASE(aChoiceTakenTwiceIsReportedAtTheSecond) {
  // A Workforce after the Aggregate (line 34): the choice is made once.
  std::string doc = replaced(sample(AGGREGATE), "  </Aggregate>\n",
                             "  </Aggregate>\n  <Workforce><Roles><Role id=\"R1\" mapped=\"true\">x</Role></Roles>"
                             "<Staff/></Workforce>\n");
  Diagnostic d = onlyError(doc);
  BOOST_TEST(d.line == 34);
  BOOST_TEST(says(d, "element 'Workforce' is not allowed here: expected Explanations"), d.message);
}

// Xerces does not hand such text over, and finds it where it ends: the finding is
// placed at the parent (as libxml2 places it) and says where the text ends.
BOOST_AUTO_TEST_CASE(textInElementOnlyContentIsReportedAtItsParent) {
  Diagnostic d = onlyError(replaced(sample(AGGREGATE), "    <ItFte>", "    stray\n    <ItFte>"));
  BOOST_TEST(d.line == 24);  // <Aggregate>
  BOOST_TEST(says(d, "text is not allowed in 'Aggregate', whose content is elements only (the text ends at line 27"),
             d.message);
}

BOOST_AUTO_TEST_SUITE_END()
