// Figures as reports show them, at the edges of what the types hold (found by
// fuzz/text-layout-fuzzer: negating INT64_MIN was undefined behaviour).
#include "engine/common/Counted.h"
#include "engine/kpi/Ratio.h"
#include "engine/reporting/ReportText.h"

#include <boost/test/unit_test.hpp>

#include <cmath>
#include <limits>

using namespace profkpi::engine;

namespace {
constexpr std::int64_t LOWEST = std::numeric_limits<std::int64_t>::min();
constexpr std::int64_t HIGHEST = std::numeric_limits<std::int64_t>::max();
const std::string MINUS = "\xE2\x88\x92";
}  // namespace

BOOST_AUTO_TEST_SUITE(ReportTextTest)

BOOST_AUTO_TEST_CASE(signedFiguresShowTheirSignAndMagnitude) {
  BOOST_TEST(report::signedTenths(31) == "+3.1");
  BOOST_TEST(report::signedTenths(-20) == MINUS + "2.0");
  BOOST_TEST(report::signedTenths(0) == "0.0");
  BOOST_TEST(report::signedWhole(-2) == MINUS + "2");
  BOOST_TEST(report::changeInWords(-20) == "down 2.0");
}

BOOST_AUTO_TEST_CASE(peerGroupSizesAgreeInNumber) {
  BOOST_TEST(report::peerGroups(1, "2012-13", "welsh-unitary", 1) ==
             "1 organisation submitted for 2012/13, 1 of them Welsh unitary");
  BOOST_TEST(report::peerGroups(6, "2012-13-Q2", "", 0) == "6 organisations submitted for Q2 2012/13");
}

BOOST_AUTO_TEST_CASE(theLargestMagnitudesAreShownExactly) {
  BOOST_TEST(report::signedTenths(LOWEST) == MINUS + "922337203685477580.8");
  BOOST_TEST(report::signedTenths(HIGHEST) == "+922337203685477580.7");
  BOOST_TEST(report::signedWhole(LOWEST) == MINUS + "9223372036854775808");
  BOOST_TEST(report::changeInWords(LOWEST) == "down 922337203685477580.8");
  BOOST_TEST(formatTenths(LOWEST) == "-922337203685477580.8");
}

BOOST_AUTO_TEST_CASE(aDoubleThatIsNoFigureIsNotApplicable) {
  BOOST_TEST(report::oneDecimal(71.45) == "71.5");
  BOOST_TEST(report::oneDecimal(-0.04) == "0.0");
  BOOST_TEST(report::oneDecimal(std::nan("")) == "n/a");
  BOOST_TEST(report::oneDecimal(std::numeric_limits<double>::infinity()) == "n/a");
  BOOST_TEST(report::oneDecimal(-1e300) == "n/a");
}

BOOST_AUTO_TEST_CASE(countsTakeTheSingularForOneOnly) {
  BOOST_TEST(counted(0, "sector report") == "0 sector reports");
  BOOST_TEST(counted(1, "sector report") == "1 sector report");
  BOOST_TEST(counted(2, "organisation") == "2 organisations");
}

BOOST_AUTO_TEST_SUITE_END()
