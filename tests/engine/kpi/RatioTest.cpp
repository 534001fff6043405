#include "engine/kpi/Ratio.h"

#include <boost/test/unit_test.hpp>

using namespace profkpi::engine;

BOOST_AUTO_TEST_SUITE(RatioTest)

BOOST_AUTO_TEST_CASE(halfRoundsAwayFromZeroExactly) {
  BOOST_TEST(Ratio(53 * 100, 400).toOneDecimal() == "13.3");  // 13.25: binary doubles say 13.2
  BOOST_TEST(Ratio(30 * 100, 41).toOneDecimal() == "73.2");
  BOOST_TEST(Ratio(1, 8).roundedTenths() == 1);  // 0.125 -> 0.1
  BOOST_TEST(Ratio(3, 20).roundedTenths() == 2);  // 0.15 -> 0.2
  BOOST_TEST(Ratio(0, 7).toOneDecimal() == "0.0");
  BOOST_TEST(Ratio(8028, 100).roundedWhole() == 80);
  BOOST_TEST(Ratio(805, 10).roundedWhole() == 81);
}

BOOST_AUTO_TEST_CASE(comparisonsAreExact) {
  BOOST_TEST((Ratio(72, 1) == Ratio(90 * 8, 10)));
  BOOST_TEST((Ratio(2, 3) < Ratio(667, 1000)));
  BOOST_TEST((Ratio(2, 3) >= Ratio(4, 6)));
}

BOOST_AUTO_TEST_CASE(tenthsFormatWithSign) {
  BOOST_TEST(formatTenths(-4) == "-0.4");
  BOOST_TEST(formatTenths(1000) == "100.0");
}

BOOST_AUTO_TEST_SUITE_END()
