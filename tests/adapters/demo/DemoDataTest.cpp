#include <algorithm>
#include <boost/test/unit_test.hpp>
#include <set>

#include "adapters/demo/DemoData.h"
#include "tests/support/IntakeFixture.h"

using namespace profkpi::adapters::demo;
using namespace profkpi::engine;

namespace {

Organisation organisation(const char* code, const char* name, const char* type, const char* welshName = "") {
  return Organisation{code, name, welshName, type, "kpi@example.org"};
}

Registry smallRegistry() {
  return Registry(
      {organisation("E06000001", "Hartlepool Borough Council", "unitary"),
       organisation("E06000015", "Brighton & Hove City Council", "unitary"),
       organisation("E07000008", "Cambridge City Council", "district"),
       organisation("E09000001", "City of London Corporation", "london-borough"),
       organisation("W06000001", "Isle of Anglesey County Council", "welsh-unitary", "Cyngor Sir Ynys Môn")});
}

std::string codeOf(const std::string& fileName) {
  std::size_t slash = fileName.find('/');
  return fileName.substr(slash + 1, fileName.find('.', slash) - slash - 1);
}

}  // namespace

BOOST_AUTO_TEST_SUITE(DemoDataTest)

BOOST_AUTO_TEST_CASE(sameOptionsGiveTheSameBytes) {
  Registry registry = smallRegistry();
  std::vector<DemoDocument> first = DemoData(registry, {}).generateAll();
  std::vector<DemoDocument> second = DemoData(registry, {}).generateAll();
  BOOST_REQUIRE(first.size() == second.size());
  for (std::size_t i = 0; i < first.size(); ++i) {
    BOOST_TEST(first[i].fileName == second[i].fileName);
    BOOST_TEST(first[i].xml == second[i].xml);
  }
}

BOOST_AUTO_TEST_CASE(anotherSeedGivesOtherFigures) {
  Registry registry = smallRegistry();
  DemoOptions other;
  other.seed = 2;
  BOOST_TEST(DemoData(registry, {}).generateAll()[0].xml != DemoData(registry, other).generateAll()[0].xml);
}

BOOST_AUTO_TEST_CASE(everyRegistryOrganisationSubmits) {
  Registry registry = smallRegistry();
  std::set<std::string> seen;
  for (const DemoDocument& d : DemoData(registry, {}).generateAll()) seen.insert(codeOf(d.fileName));
  for (const Organisation& o : registry.all()) BOOST_TEST(seen.count(o.code) == 1u, o.code);
}

BOOST_AUTO_TEST_CASE(documentsComeInChronologicalOrder) {
  DemoData demo(smallRegistry(), {});
  BOOST_REQUIRE(demo.periods().size() == 8u);
  BOOST_TEST(demo.periods().front().code() == "2023-24-Q3");
  BOOST_TEST(demo.periods().back().code() == "2025-26-Q2");
  std::vector<DemoDocument> documents = demo.generateAll();
  BOOST_TEST(std::is_sorted(documents.begin(), documents.end(),
                            [](const DemoDocument& a, const DemoDocument& b) { return a.fileName < b.fileName; }));
  for (std::size_t i = 0; i < documents.size(); ++i) {
    const std::string& name = documents[i].fileName;
    std::string period = name.substr(0, name.find('/'));
    BOOST_TEST(documents[i].xml.find("<Period>" + period + "</Period>") != std::string::npos, name);
  }
}

BOOST_AUTO_TEST_CASE(resubmissionFollowsItsOriginal) {
  DemoOptions options;
  options.quarters = 40;
  std::vector<DemoDocument> documents = DemoData(smallRegistry(), options).generateAll();
  std::size_t resubmissions = 0;
  for (std::size_t i = 0; i < documents.size(); ++i) {
    const std::string& name = documents[i].fileName;
    if (name.find(".r2.xml") == std::string::npos) continue;
    ++resubmissions;
    BOOST_REQUIRE(i > 0);
    BOOST_TEST(documents[i - 1].fileName == name.substr(0, name.size() - 7) + ".r1.xml");
  }
  BOOST_TEST(resubmissions > 0u);
}

BOOST_AUTO_TEST_CASE(scaleAddsSyntheticOrganisations) {
  Registry registry = smallRegistry();
  DemoOptions options;
  options.scale = 30;
  options.quarters = 2;
  DemoData demo(registry, options);
  BOOST_TEST(demo.organisations().size() == 30u);
  BOOST_TEST(demo.hasSyntheticOrganisations());
  std::set<std::string> seen;
  DemoSummary summary = demo.generate([&seen](const DemoDocument& d) { seen.insert(codeOf(d.fileName)); });
  BOOST_TEST(summary.documents >= seen.size());
  BOOST_TEST(seen.size() + 2 >= 30u);  // at most a couple missing in both quarters
  std::string registryXml = demo.registryXml();
  BOOST_TEST(registryXml.find("code=\"E06000001\"") != std::string::npos);
  BOOST_TEST(registryXml.find("code=\"E99000001\"") != std::string::npos);
  BOOST_TEST(registryXml.find("<Name>Demo Borough Council 0001</Name>") != std::string::npos);
  std::size_t listed = 0;
  for (std::size_t at = registryXml.find("<Organisation "); at != std::string::npos;
       at = registryXml.find("<Organisation ", at + 1)) {
    ++listed;
  }
  BOOST_TEST(listed == 30u);
}

BOOST_AUTO_TEST_CASE(theDemoRegistryKeepsReportLanguagesAndGivesSyntheticWelshCouncilsBoth) {
  Organisation anglesey = organisation("W06000001", "Isle of Anglesey County Council", "welsh-unitary", "Cyngor Sir Ynys Môn");
  anglesey.reportLanguages = {"cy", "en"};
  Registry registry({organisation("E06000001", "Hartlepool Borough Council", "unitary"), anglesey});
  DemoOptions options;
  options.scale = 4;
  DemoData demo(registry, options);
  std::string xml = demo.registryXml();
  BOOST_TEST(xml.find("code=\"W06000001\" type=\"welsh-unitary\" reportLanguages=\"cy en\">") != std::string::npos, xml);
  BOOST_TEST(xml.find("code=\"E06000001\" type=\"unitary\">") != std::string::npos, xml);
  std::size_t synthetic = 0;
  for (const Organisation& o : demo.organisations()) {
    if (o.code.rfind("W99", 0) != 0) continue;
    ++synthetic;
    BOOST_TEST(o.reportLanguages == (std::vector<std::string>{"cy", "en"}), boost::test_tools::per_element());
    BOOST_TEST(xml.find("code=\"" + o.code + "\" type=\"welsh-unitary\" reportLanguages=\"cy en\">") != std::string::npos);
  }
  BOOST_TEST(synthetic == 1u);
}

BOOST_AUTO_TEST_CASE(namesAreEscaped) {
  DemoOptions options;
  options.scale = 2;
  std::size_t escaped = 0;
  for (const DemoDocument& d : DemoData(smallRegistry(), options).generateAll()) {
    BOOST_TEST(d.xml.find("Brighton & Hove") == std::string::npos);
    escaped += d.xml.find(">Brighton &amp; Hove City Council</Organisation>") != std::string::npos ? 1 : 0;
  }
  BOOST_TEST(escaped > 0u);
}

BOOST_AUTO_TEST_CASE(smallerScaleTakesTheFirstOrganisations) {
  DemoOptions options;
  options.scale = 2;
  DemoData demo(smallRegistry(), options);
  BOOST_REQUIRE(demo.organisations().size() == 2u);
  BOOST_TEST(demo.organisations()[1].code == "E06000015");
  BOOST_TEST(!demo.hasSyntheticOrganisations());
}

BOOST_AUTO_TEST_CASE(optionsOutOfRangeAreRefused) {
  Registry registry = smallRegistry();
  DemoOptions yearly;
  yearly.last = "2025-26";
  BOOST_CHECK_THROW(DemoData(registry, yearly), std::invalid_argument);
  DemoOptions none;
  none.quarters = 0;
  BOOST_CHECK_THROW(DemoData(registry, none), std::invalid_argument);
  DemoOptions unfinished;
  unfinished.notAfter = Period::parse("2025-26-Q2")->lastDay();
  BOOST_CHECK_THROW(DemoData(registry, unfinished), std::invalid_argument);
}

// Some councils send notes for their board (format 1.1), some with an Action
// already overdue; every document, 1.0 or 1.1, is accepted by the reader.
BOOST_AUTO_TEST_CASE(someCouncilsSendBoardNotesAndEveryDocumentValidates) {
  Registry registry = smallRegistry();
  profkpi::tests::ManualClock clock{"2030-01-01T00:00:00Z"};
  xml::SubmissionReader reader(profkpi::tests::sharedSchemas(), registry, profkpi::tests::shippedCatalogue(), clock);
  std::size_t withNotes = 0, overdue = 0, total = 0;
  for (const DemoDocument& d : DemoData(registry, {}).generateAll()) {
    ++total;
    IntakeResult r = reader.read(d.xml.data(), d.xml.size());
    BOOST_TEST(r.accepted(), d.fileName << ": " << profkpi::tests::IntakeFixture::allMessages(r));
    bool v11 = d.xml.find("schemaVersion=\"1.1\"") != std::string::npos;
    BOOST_TEST(v11 == r.submission.boardNotes.has_value(), d.fileName);
    if (!r.submission.boardNotes) continue;
    ++withNotes;
    Date periodEnd = r.submission.header.period->lastDay();
    for (const BoardAction& a : r.submission.boardNotes->actions) {
      if (a.overdueOn(periodEnd)) ++overdue;
    }
  }
  BOOST_TEST(withNotes > 0u);
  BOOST_TEST(withNotes < total / 2);
  BOOST_TEST(overdue > 0u);
}

BOOST_AUTO_TEST_SUITE_END()
