#include "engine/intake/Lexical.h"

#include <boost/test/unit_test.hpp>

using namespace profkpi::engine;

BOOST_AUTO_TEST_SUITE(LexicalTest)

BOOST_AUTO_TEST_CASE(nonNegativeIntegerAcceptsSchemaForms) {
  BOOST_TEST(*lexical::nonNegativeInteger("41") == 41);
  BOOST_TEST(*lexical::nonNegativeInteger(" +007\n") == 7);
  BOOST_TEST(*lexical::nonNegativeInteger("-0") == 0);
  BOOST_TEST(!lexical::nonNegativeInteger("-1"));
  BOOST_TEST(!lexical::nonNegativeInteger(""));
  BOOST_TEST(!lexical::nonNegativeInteger("1.0"));
  BOOST_TEST(!lexical::nonNegativeInteger("99999999999999999999"));
}

BOOST_AUTO_TEST_CASE(amountKeepsHundredthsExactly) {
  BOOST_TEST(lexical::amount("38.5")->hundredths() == 3850);
  BOOST_TEST(lexical::amount(".5")->hundredths() == 50);
  BOOST_TEST(lexical::amount("5.")->hundredths() == 500);
  BOOST_TEST(lexical::amount("+0.05")->hundredths() == 5);
  BOOST_TEST(lexical::amount("1.500")->hundredths() == 150);  // trailing zeros are not fraction digits
  BOOST_TEST(lexical::amount("-0.00")->hundredths() == 0);
  BOOST_TEST(!lexical::amount("0.125"));
  BOOST_TEST(!lexical::amount("."));
  BOOST_TEST(!lexical::amount("1e3"));
  BOOST_TEST(!lexical::amount("1,5"));
}

BOOST_AUTO_TEST_CASE(booleanHasFourSpellings) {
  BOOST_TEST(*lexical::boolean("true"));
  BOOST_TEST(*lexical::boolean("1"));
  BOOST_TEST(!*lexical::boolean("false"));
  BOOST_TEST(!*lexical::boolean(" 0 "));
  BOOST_TEST(!lexical::boolean("TRUE"));
  BOOST_TEST(!lexical::boolean("yes"));
}

BOOST_AUTO_TEST_CASE(dateIgnoresItsTimeZoneAndRejectsImpossibleDays) {
  BOOST_TEST(formatDate(*lexical::date("2009-07-01")) == "2009-07-01");
  BOOST_TEST(formatDate(*lexical::date("2009-07-01+14:00")) == "2009-07-01");
  BOOST_TEST(formatDate(*lexical::date("2008-02-29Z")) == "2008-02-29");
  BOOST_TEST(!lexical::date("2009-02-29"));
  BOOST_TEST(!lexical::date("2009-13-01"));
  BOOST_TEST(!lexical::date("0000-01-01"));
  BOOST_TEST(!lexical::date("09-01-01"));
  BOOST_TEST(!lexical::date("2009-07-01+15:00"));
}

// Plain YYYY-MM-DD has a fast path; a leading space sends the same text down
// the general one, and both must give the same answer.
BOOST_AUTO_TEST_CASE(plainDatesReadTheSameOnBothPaths) {
  for (const char* text : {"2009-07-01", "1900-02-29", "2000-02-29", "2024-02-29", "2023-02-29", "2024-00-10",
                           "2024-01-00", "2024-01-32", "2024-04-31", "0001-01-01", "0000-12-31", "9999-12-31",
                           "2009-1a-01", "2009-07-0x", "20o9-07-01", "2009-07-01", "2009/07/01", "+009-07-01",
                           "-009-07-01"}) {
    auto fast = lexical::date(text);
    auto general = lexical::date(std::string(" ") + text);
    BOOST_TEST_CONTEXT(text) {
      BOOST_TEST(fast.has_value() == general.has_value());
      if (fast && general) BOOST_TEST(formatDate(*fast) == formatDate(*general));
    }
  }
}

BOOST_AUTO_TEST_CASE(zonedDateTimeNeedsAZoneAndConvertsToUtc) {
  auto t = lexical::zonedDateTime("2009-10-05T09:00:00+01:00");
  BOOST_REQUIRE(t);
  BOOST_TEST(formatInstant(t->instant) == "2009-10-05T08:00:00Z");
  BOOST_TEST(formatDate(t->localDate()) == "2009-10-05");
  auto late = lexical::zonedDateTime("2009-10-05T23:30:00-05:00");
  BOOST_TEST(formatDate(late->localDate()) == "2009-10-05");
  BOOST_TEST(formatInstant(late->instant) == "2009-10-06T04:30:00Z");
  BOOST_TEST(formatInstant(lexical::zonedDateTime("2009-12-31T24:00:00Z")->instant) == "2010-01-01T00:00:00Z");
  BOOST_TEST(formatInstant(lexical::zonedDateTime("2009-10-05T09:00:00.25Z")->instant) ==
             "2009-10-05T09:00:00.250Z");
  BOOST_TEST(!lexical::zonedDateTime("2009-10-05T09:00:00"));
  BOOST_TEST(!lexical::zonedDateTime("2009-10-05T24:00:01Z"));
  BOOST_TEST(!lexical::zonedDateTime("2009-10-05T09:60:00Z"));
  BOOST_TEST(!lexical::zonedDateTime("2009-10-05 09:00:00Z"));
}

BOOST_AUTO_TEST_CASE(decimalFormIsXsDecimalsLexicalSpace) {
  for (const char* yes : {"1", "+1.5", "-0", "1.", ".5", " 007.250 ", "99999999999999999999.999"}) {
    BOOST_TEST(lexical::isDecimal(yes), yes);
  }
  for (const char* no : {"", ".", "+.", "-", "1..5", "1.5.", "1e2", "0x1", "1 5", "+-1"}) {
    BOOST_TEST(!lexical::isDecimal(no), no);
  }
}

BOOST_AUTO_TEST_CASE(yearsBeforeOneYieldNothing) {
  for (const char* text : {"-0004-02-29", "-0004-02-28", "-0001-12-31", "-12345-01-01"}) {
    BOOST_TEST(!lexical::date(text).has_value(), text);
    BOOST_TEST(!lexical::zonedDateTime(std::string(text) + "T00:00:00Z").has_value(), text);
  }
  BOOST_TEST(lexical::date("0001-01-01").has_value());
  BOOST_TEST(lexical::date("32767-12-31").has_value());
}

BOOST_AUTO_TEST_SUITE_END()
