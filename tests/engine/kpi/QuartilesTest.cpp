#include "engine/kpi/Quartiles.h"

#include <boost/test/unit_test.hpp>

using namespace profkpi::engine;

BOOST_AUTO_TEST_SUITE(QuartilesTest)

// Expected values computed by hand with h = (n - 1) p (R type 7, QUARTILE.INC).
BOOST_AUTO_TEST_CASE(fourValuesInterpolate) {
  FiveNumbers f = summarise({1, 2, 3, 4});
  BOOST_TEST(f.lowerQuartile == 1.75);
  BOOST_TEST(f.median == 2.5);
  BOOST_TEST(f.upperQuartile == 3.25);
  BOOST_TEST(f.min == 1.0);
  BOOST_TEST(f.max == 4.0);
}

BOOST_AUTO_TEST_CASE(textbookSampleMatchesSpreadsheetQuartile) {
  // QUARTILE.INC({7,15,36,39,40,41}, 1..3) = 20.25, 37.5, 39.75
  FiveNumbers f = summarise({7, 15, 36, 39, 40, 41});
  BOOST_TEST(f.lowerQuartile == 20.25);
  BOOST_TEST(f.median == 37.5);
  BOOST_TEST(f.upperQuartile == 39.75);
}

BOOST_AUTO_TEST_CASE(oddCountHitsOrderStatistics) {
  FiveNumbers f = summarise({10, 20, 30, 40, 50});
  BOOST_TEST(f.lowerQuartile == 20.0);
  BOOST_TEST(f.median == 30.0);
  BOOST_TEST(f.upperQuartile == 40.0);
  BOOST_TEST(summarise(std::vector<double>{42}).median == 42.0);
}

BOOST_AUTO_TEST_SUITE_END()
