#include "engine/intake/Lexical.h"
#include "engine/model/Period.h"

#include <boost/test/unit_test.hpp>

using namespace profkpi::engine;

BOOST_AUTO_TEST_SUITE(PeriodTest)

BOOST_AUTO_TEST_CASE(quarterTwoIsJulyToSeptember) {
  Period p = *Period::parse("2009-10-Q2");
  BOOST_TEST(formatDate(p.firstDay()) == "2009-07-01");
  BOOST_TEST(formatDate(p.lastDay()) == "2009-09-30");
  BOOST_TEST(p.months() == 3);
  BOOST_TEST(p.inWords() == "July to September 2009 (Q2 2009/10)");
}

BOOST_AUTO_TEST_CASE(quarterFourIsInTheFollowingCalendarYear) {
  Period p = *Period::parse("2009-10-Q4");
  BOOST_TEST(formatDate(p.firstDay()) == "2010-01-01");
  BOOST_TEST(formatDate(p.lastDay()) == "2010-03-31");
  BOOST_TEST(p.inWords() == "January to March 2010 (Q4 2009/10)");
}

BOOST_AUTO_TEST_CASE(wholeYearRunsAprilToMarch) {
  Period p = *Period::parse("2009-10");
  BOOST_TEST(formatDate(p.firstDay()) == "2009-04-01");
  BOOST_TEST(formatDate(p.lastDay()) == "2010-03-31");
  BOOST_TEST(p.months() == 12);
  BOOST_TEST(p.inWords() == "April 2009 to March 2010 (2009/10)");
}

BOOST_AUTO_TEST_CASE(secondYearMustFollowFirst) {
  BOOST_TEST(Period::parse("2009-10")->followsOn());
  BOOST_TEST(!Period::parse("2009-11")->followsOn());
  BOOST_TEST(Period::parse("1999-00")->followsOn());
  BOOST_TEST(!Period::parse("1999-99")->followsOn());
  BOOST_TEST(!Period::parse("2009-10-Q5"));
  BOOST_TEST(!Period::parse("2009-1"));
}

BOOST_AUTO_TEST_CASE(periodStartsAtUkMidnight) {
  // 1 July is in British Summer Time: midnight there is 23:00 UTC the day before.
  BOOST_TEST(formatInstant(Period::parse("2009-10-Q2")->start()) == "2009-06-30T23:00:00Z");
  // 1 January is in GMT.
  BOOST_TEST(formatInstant(Period::parse("2009-10-Q4")->start()) == "2010-01-01T00:00:00Z");
}

BOOST_AUTO_TEST_CASE(startsAfterAgreesWithStartAroundEveryBoundary) {
  // Every instant from two days before to two days after each quarter's start,
  // in 15-minute steps: the UTC-only shortcut and the zone database must agree.
  for (const char* code : {"2009-10-Q1", "2009-10-Q2", "2009-10-Q3", "2009-10-Q4", "2024-25"}) {
    Period p = *Period::parse(code);
    Instant from = Instant{p.firstDay()} - std::chrono::hours(48);
    for (Instant t = from; t <= from + std::chrono::hours(96); t += std::chrono::minutes(15)) {
      BOOST_TEST(p.startsAfter(t) == (t < p.start()), code << " at " << formatInstant(t));
    }
    BOOST_TEST(p.startsAfter(p.start() - std::chrono::milliseconds(1)));
    BOOST_TEST(!p.startsAfter(p.start()));
  }
}

BOOST_AUTO_TEST_CASE(previousPeriodCrossesYears) {
  BOOST_TEST(Period::parse("2009-10-Q1")->previous().code() == "2008-09-Q4");
  BOOST_TEST(Period::parse("2009-10-Q3")->previous().code() == "2009-10-Q2");
  BOOST_TEST(Period::parse("2000-01")->previous().code() == "1999-00");
}

BOOST_AUTO_TEST_SUITE_END()
