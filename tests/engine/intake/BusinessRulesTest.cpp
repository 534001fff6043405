#include "engine/intake/BusinessRules.h"
#include "engine/intake/Lexical.h"

#include <boost/test/unit_test.hpp>

using namespace profkpi::engine;

namespace {
Date day(const char* text) { return *lexical::date(text); }
}  // namespace

BOOST_AUTO_TEST_SUITE(BusinessRulesTest)

BOOST_AUTO_TEST_CASE(twelveMonthWindowExcludesItsOpeningDay) {
  Date end = day("2009-09-30");
  BOOST_TEST(!rules::withinTwelveMonthsTo(day("2008-09-30"), end));
  BOOST_TEST(rules::withinTwelveMonthsTo(day("2008-10-01"), end));
  BOOST_TEST(rules::withinTwelveMonthsTo(day("2009-09-30"), end));
  BOOST_TEST(!rules::withinTwelveMonthsTo(day("2009-10-01"), end));
}

BOOST_AUTO_TEST_CASE(explanationMustNameTheKpiOfAKpiWarning) {
  Diagnostic pq102;
  pq102.severity = Severity::Warning;
  pq102.code = "PQ102";
  pq102.kpi = "K5";
  Diagnostic pq103;
  pq103.severity = Severity::Warning;
  pq103.code = "PQ103";
  Diagnostics findings{pq102, pq103};

  rules::applyExplanations({{"PQ102", "K4", "wrong KPI", {}}, {"PQ103", "", "no staff yet", {}}}, findings);
  BOOST_TEST(!findings[0].explained);
  BOOST_TEST(findings[1].explained);
  BOOST_TEST(findings[1].explanation == "no staff yet");

  rules::applyExplanations({{"PQ102", "K5", "courses", {}}}, findings);
  BOOST_TEST(findings[0].explained);
  BOOST_TEST(findings[0].explanation == "courses");
}

BOOST_AUTO_TEST_CASE(cpdWarningIsStrictlyAboveThirtyDays) {
  Period quarter = *Period::parse("2009-10-Q2");
  Measures m;
  m.itHeadcount = 1;
  m.itFte = Amount::fromWhole(1);
  m.cpdDays = Amount::fromHundredths(750);  // 7.5 x 12 / 3 = 30.0
  Diagnostics findings;
  rules::checkMeasureWarnings(m, quarter, {}, findings);
  BOOST_TEST(findings.empty());
  m.cpdDays = Amount::fromHundredths(751);  // 30.04
  rules::checkMeasureWarnings(m, quarter, {}, findings);
  BOOST_REQUIRE(findings.size() == 1u);
  BOOST_TEST(findings[0].code == "PQ102");
  BOOST_TEST(findings[0].message.find("30.0") != std::string::npos);
}

BOOST_AUTO_TEST_SUITE_END()
