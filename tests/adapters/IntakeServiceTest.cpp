// The intake path end to end inside one process: real reader, real store.
#include "adapters/intake/IntakeGateway.h"
#include "engine/intake/xml/CatalogueLoader.h"
#include "tests/support/IntakeFixture.h"
#include "tests/support/StoreFixture.h"

#include <boost/test/unit_test.hpp>

using namespace profkpi::engine;
using namespace profkpi::tests;

namespace {

struct Fixture : StoreFixture {
  ManualClock clock{"2010-06-01T12:00:00Z"};
  Catalogue catalogue = xml::loadCatalogue(sharedSchemas());
  KpiCalculator calculator{catalogue};
  IntakeService service{*store, calculator, clock};
  profkpi::adapters::intake::IntakeGateway gateway{sharedSchemas(), shippedRegistry(), shippedCatalogue(), clock, {}, service};

  Receipt submit(const std::string& xml) { return gateway.submit(xml, "cli", "test", "test.xml"); }

  static std::vector<std::string> codes(const Receipt& r) {
    std::vector<std::string> out;
    for (const auto& d : r.diagnostics) out.push_back(d.code);
    return out;
  }
};

HeaderFields withId(const std::string& id, const std::string& period = "2009-10-Q2") {
  HeaderFields h;
  h.submissionId = id;
  h.period = period;
  h.preparedAt = period == "2009-10-Q1" ? "2009-07-05T09:00:00+01:00" : "2009-10-05T09:00:00+01:00";
  return h;
}

const std::string ID1 = "aaaaaaaa-0000-4000-8000-000000000001";
const std::string ID2 = "aaaaaaaa-0000-4000-8000-000000000002";

}  // namespace

BOOST_FIXTURE_TEST_SUITE(IntakeServiceTest, Fixture)

BOOST_AUTO_TEST_CASE(acceptedSubmissionIsStoredWithItsReceipt) {
  std::string xml = aggregateDocument(withId(ID1));
  Receipt r = submit(xml);
  BOOST_TEST((r.outcome == IntakeOutcome::Accepted));
  BOOST_TEST(r.record.sha256.size() == 64u);
  BOOST_TEST(r.scorecard.find("K2")->shown() == "73.2");
  BOOST_TEST(*r.scorecard.index == 95);
  BOOST_TEST(*store->originalBytes(ID1) == xml);
  BOOST_TEST(store->recentAudit(1).front().action == "accepted");
}

BOOST_AUTO_TEST_CASE(identicalResendAnswersTheFirstReceipt) {
  std::string xml = aggregateDocument(withId(ID1));
  Receipt first = submit(xml);
  clock.set("2010-06-02T12:00:00Z");
  Receipt again = submit(xml);
  BOOST_TEST((again.outcome == IntakeOutcome::Duplicate));
  BOOST_TEST((again.record.receivedAt == first.record.receivedAt));
  BOOST_TEST(again.record.sequence == first.record.sequence);
  BOOST_TEST(store->revisions("E06000001", "2009-10-Q2").size() == 1u);
}

BOOST_AUTO_TEST_CASE(upperCaseIdIsTheSameSubmission) {
  submit(aggregateDocument(withId(ID1)));
  std::string upper = ID1;
  for (char& c : upper) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  Receipt r = submit(aggregateDocument(withId(upper)));
  BOOST_TEST((r.outcome == IntakeOutcome::Conflict));  // same id, other bytes
}

BOOST_AUTO_TEST_CASE(reusedIdWithOtherContentIsAConflict) {
  submit(aggregateDocument(withId(ID1)));
  AggregateFields changed;
  changed.itHeadcount = "42";
  Receipt r = submit(aggregateDocument(withId(ID1), changed));
  BOOST_TEST((r.outcome == IntakeOutcome::Conflict));
  BOOST_TEST(codes(r) == std::vector<std::string>{"CONFLICT"});
  BOOST_TEST(store->findBySubmissionId(ID1)->measures.itHeadcount == 41);
  BOOST_TEST(store->recentAudit(1).front().action == "conflict");
}

BOOST_AUTO_TEST_CASE(refusedSubmissionStoresNothingButIsAudited) {
  HeaderFields h = withId(ID1);
  h.period = "2009-11-Q2";
  Receipt r = submit(aggregateDocument(h));
  BOOST_TEST((r.outcome == IntakeOutcome::Refused));
  BOOST_TEST(r.wellFormed);
  BOOST_TEST(!store->findBySubmissionId(ID1));
  BOOST_TEST(store->recentAudit(1).front().action == "refused");
  BOOST_TEST(store->recentAudit(1).front().detail == "PK001");
  BOOST_TEST(!submit("<Submission").wellFormed);
}

// The documented order of checks (docs/openapi.yaml): well-formedness (400), then
// the schema and business rules (422), then the organisation against the key
// (PK007, 403). A body that is not XML names no organisation to compare.
BOOST_AUTO_TEST_CASE(organisationIsComparedWithTheKeyOnlyInAnOtherwiseValidDocument) {
  auto asKeyOf = [&](const std::string& xml) { return gateway.submit(xml, "http", "key", "127.0.0.1", "E06000002"); };
  std::string valid = aggregateDocument(withId(ID1));
  Receipt notXml = asKeyOf(valid.substr(0, valid.find("<RolesTotal>")));
  BOOST_TEST((notXml.outcome == IntakeOutcome::Refused));
  BOOST_TEST(!notXml.wellFormed);
  BOOST_TEST(codes(notXml) == std::vector<std::string>{"XML"});

  AggregateFields overMapped;
  overMapped.rolesMapped = "31";
  Receipt invalid = asKeyOf(aggregateDocument(withId(ID1), overMapped));
  BOOST_TEST((invalid.outcome == IntakeOutcome::Refused));
  BOOST_TEST(invalid.wellFormed);
  BOOST_TEST(codes(invalid) == std::vector<std::string>{"PK003"});
  BOOST_TEST(store->recentAudit(1).front().action == "refused");

  Receipt forbidden = asKeyOf(valid);
  BOOST_TEST((forbidden.outcome == IntakeOutcome::Forbidden));
  BOOST_TEST(codes(forbidden) == std::vector<std::string>{"PK007"});
  BOOST_TEST(store->recentAudit(1).front().action == "forbidden");
  BOOST_TEST(!store->findBySubmissionId(ID1).has_value());
}

BOOST_AUTO_TEST_CASE(replacementWarnsPq104) {
  submit(aggregateDocument(withId(ID1)));
  AggregateFields corrected;
  corrected.staffRecognised = "12";
  Receipt r = submit(aggregateDocument(withId(ID2), corrected));
  BOOST_TEST((r.outcome == IntakeOutcome::Accepted));
  BOOST_TEST(codes(r) == std::vector<std::string>{"PQ104"});
  BOOST_TEST(r.record.revision == 2);
  BOOST_TEST(store->current("E06000001", "2009-10-Q2")->submissionId == ID2);
}

BOOST_AUTO_TEST_CASE(bigMoveFromPreviousPeriodWarnsPq101AndCanBeExplained) {
  AggregateFields before;
  before.staffAssessed = "10";  // K2 24.4
  submit(aggregateDocument(withId(ID1, "2009-10-Q1"), before));
  Receipt r = submit(aggregateDocument(withId(ID2), {}, "<Explanation code=\"PQ101\" kpi=\"K2\">Assessment drive</Explanation>"));
  BOOST_REQUIRE(codes(r) == std::vector<std::string>{"PQ101"});  // K2 24.4 -> 73.2
  BOOST_TEST(r.diagnostics[0].kpi == "K2");
  BOOST_TEST(r.diagnostics[0].explained);
  BOOST_TEST(r.diagnostics[0].message.find("+48.8 percentage points") != std::string::npos, r.diagnostics[0].message);

  AggregateFields small;  // K2 from 73.2 to 61.0: a move of 12.2, under 25
  small.staffAssessed = "25";
  HeaderFields q3 = withId("aaaaaaaa-0000-4000-8000-000000000003", "2009-10-Q3");
  q3.preparedAt = "2010-01-05T09:00:00Z";
  BOOST_TEST(submit(aggregateDocument(q3, small)).diagnostics.empty());
}

// SUBMISSION.md PQ101: "more than 25 percentage points": a move of exactly 25 does not warn.
BOOST_AUTO_TEST_CASE(pq101IsStrictlyMoreThanTheThreshold) {
  AggregateFields before;
  before.itHeadcount = "40";
  before.staffAssessed = "10";  // K2 25.0
  submit(aggregateDocument(withId(ID1, "2009-10-Q1"), before));
  AggregateFields exactly = before;
  exactly.staffAssessed = "20";  // K2 50.0: +25 points
  BOOST_TEST(submit(aggregateDocument(withId(ID2), exactly)).diagnostics.empty());
  AggregateFields over = before;
  over.staffAssessed = "21";  // K2 52.5: +27.5 points
  HeaderFields revised = withId("aaaaaaaa-0000-4000-8000-000000000003");
  Receipt r = submit(aggregateDocument(revised, over));
  BOOST_TEST(codes(r) == (std::vector<std::string>{"PQ101", "PQ104"}));
}

BOOST_AUTO_TEST_SUITE_END()
