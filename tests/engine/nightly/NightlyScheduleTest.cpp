// When the nightly run is due, from the system's time-zone database: once per
// local day, right on the days the clocks change (Europe/London 2026: forward
// on 29 March, back on 25 October).
#include "engine/intake/Lexical.h"
#include "engine/nightly/NightlySchedule.h"

#include <boost/test/unit_test.hpp>

using namespace profkpi::engine;

namespace {

Instant at(const std::string& iso) { return lexical::zonedDateTime(iso)->instant; }
Date day(const std::string& iso) { return *lexical::date(iso); }
NightlySchedule london(int hour, int minute) { return NightlySchedule(TimeOfDay{hour, minute}, "Europe/London"); }
long long minutesApart(const NightlySchedule& s, const std::string& from, const std::string& to) {
  return std::chrono::duration_cast<std::chrono::minutes>(s.dueAt(day(to)) - s.dueAt(day(from))).count();
}

}  // namespace

BOOST_AUTO_TEST_SUITE(NightlyScheduleTest)

BOOST_AUTO_TEST_CASE(timeOfDayParsesHoursAndMinutesOnly) {
  BOOST_TEST(TimeOfDay::parse("02:00")->hour == 2);
  BOOST_TEST(TimeOfDay::parse("2:05")->minute == 5);
  BOOST_TEST(TimeOfDay::parse("23:59")->hour == 23);
  for (const char* bad : {"24:00", "12:60", "2", "02:00:00", ":30", "ab:cd", "", "02:0", "-1:00"}) {
    BOOST_TEST(!TimeOfDay::parse(bad), bad);
  }
}

BOOST_AUTO_TEST_CASE(unknownZoneIsRefusedByName) {
  BOOST_CHECK_THROW(NightlySchedule(TimeOfDay{2, 0}, "Europe/Atlantis"), std::invalid_argument);
}

BOOST_AUTO_TEST_CASE(dueAtIsTheWallClockTimeInWinterAndSummer) {
  NightlySchedule s = london(2, 0);
  BOOST_TEST(formatInstant(s.dueAt(day("2026-01-15"))) == "2026-01-15T02:00:00Z");
  BOOST_TEST(formatInstant(s.dueAt(day("2026-07-15"))) == "2026-07-15T01:00:00Z");  // 02:00 BST
}

BOOST_AUTO_TEST_CASE(springForwardTimeInTheGapIsDueWhenTheGapEnds) {
  // 29 March 2026: 01:00 GMT becomes 02:00 BST; 01:30 never happens.
  BOOST_TEST(formatInstant(london(1, 30).dueAt(day("2026-03-29"))) == "2026-03-29T01:00:00Z");
  BOOST_TEST(formatInstant(london(1, 0).dueAt(day("2026-03-29"))) == "2026-03-29T01:00:00Z");
  // 02:00 exists (it is the first instant after the gap).
  BOOST_TEST(formatInstant(london(2, 0).dueAt(day("2026-03-29"))) == "2026-03-29T01:00:00Z");
  BOOST_TEST(formatInstant(london(3, 0).dueAt(day("2026-03-29"))) == "2026-03-29T02:00:00Z");
}

BOOST_AUTO_TEST_CASE(fallBackTimeThatHappensTwiceIsDueAtTheFirst) {
  // 25 October 2026: 02:00 BST becomes 01:00 GMT; 01:00-02:00 happens twice.
  BOOST_TEST(formatInstant(london(1, 30).dueAt(day("2026-10-25"))) == "2026-10-25T00:30:00Z");
  BOOST_TEST(formatInstant(london(2, 0).dueAt(day("2026-10-25"))) == "2026-10-25T02:00:00Z");
}

BOOST_AUTO_TEST_CASE(runsAreTwentyThreeOrTwentyFiveHoursApartAcrossTheChangesNeverEveryTwentyFour) {
  NightlySchedule s = london(2, 0);
  BOOST_TEST(minutesApart(s, "2026-03-28", "2026-03-29") == 23 * 60);
  BOOST_TEST(minutesApart(s, "2026-03-29", "2026-03-30") == 24 * 60);
  BOOST_TEST(minutesApart(s, "2026-10-24", "2026-10-25") == 25 * 60);
  NightlySchedule early = london(1, 30);
  BOOST_TEST(minutesApart(early, "2026-03-28", "2026-03-29") == 23 * 60 + 30);  // the gap swallows 30 minutes
  BOOST_TEST(minutesApart(early, "2026-03-29", "2026-03-30") == 23 * 60 + 30);
  BOOST_TEST(minutesApart(early, "2026-10-24", "2026-10-25") == 24 * 60);  // the first 01:30
  BOOST_TEST(minutesApart(early, "2026-10-25", "2026-10-26") == 25 * 60);
}

BOOST_AUTO_TEST_CASE(dayAtIsTheDayWhoseRunIsLatestDue) {
  NightlySchedule s = london(1, 30);
  BOOST_TEST(formatDate(s.dayAt(at("2026-03-29T00:59:59Z"))) == "2026-03-28");
  BOOST_TEST(formatDate(s.dayAt(at("2026-03-29T01:00:00Z"))) == "2026-03-29");
  BOOST_TEST(formatDate(s.dayAt(at("2026-10-25T00:29:59Z"))) == "2026-10-24");
  BOOST_TEST(formatDate(s.dayAt(at("2026-10-25T00:30:00Z"))) == "2026-10-25");
  // The second 01:30 of 25 October is still the 25th's day: no second run.
  BOOST_TEST(formatDate(s.dayAt(at("2026-10-25T01:30:00Z"))) == "2026-10-25");
  BOOST_TEST(formatDate(s.dayAt(at("2026-10-25T23:30:00Z"))) == "2026-10-25");
}

BOOST_AUTO_TEST_CASE(decideRunsADayOnceAndNamesTheNextDueTime) {
  NightlySchedule s = london(1, 30);
  auto d = s.decide(day("2026-10-24"), at("2026-10-25T00:30:00Z"));
  BOOST_TEST(d.due);
  BOOST_TEST(formatDate(d.day) == "2026-10-25");
  d = s.decide(day("2026-10-25"), at("2026-10-25T01:30:00Z"));  // the hour again
  BOOST_TEST(!d.due);
  BOOST_TEST(formatInstant(d.next) == "2026-10-26T01:30:00Z");
}

BOOST_AUTO_TEST_CASE(severalMissedDaysGiveOneDueRunForTheLatest) {
  NightlySchedule s = london(2, 0);
  auto d = s.decide(day("2026-03-20"), at("2026-03-29T15:00:00Z"));
  BOOST_TEST(d.due);
  BOOST_TEST(formatDate(d.day) == "2026-03-29");
  d = s.decide(d.day, at("2026-03-29T15:00:01Z"));
  BOOST_TEST(!d.due);
  BOOST_TEST(formatInstant(d.next) == "2026-03-30T01:00:00Z");
}

BOOST_AUTO_TEST_CASE(aServedDayAfterTodayWaitsForTheDayAfterIt) {
  // The clock was set back after a run.
  NightlySchedule s = london(2, 0);
  auto d = s.decide(day("2026-05-10"), at("2026-05-09T23:00:00Z"));
  BOOST_TEST(!d.due);
  BOOST_TEST(formatInstant(d.next) == "2026-05-11T01:00:00Z");
}

BOOST_AUTO_TEST_CASE(otherZonesUseTheirOwnRules) {
  // New York springs forward at 02:00 on 8 March 2026: 02:30 does not exist.
  NightlySchedule ny(TimeOfDay{2, 30}, "America/New_York");
  BOOST_TEST(formatInstant(ny.dueAt(day("2026-03-08"))) == "2026-03-08T07:00:00Z");  // 03:00 EDT
  BOOST_TEST(formatInstant(ny.dueAt(day("2026-03-07"))) == "2026-03-07T07:30:00Z");  // 02:30 EST
  NightlySchedule utc(TimeOfDay{2, 0}, "UTC");
  BOOST_TEST(formatInstant(utc.dueAt(day("2026-03-29"))) == "2026-03-29T02:00:00Z");
}

BOOST_AUTO_TEST_CASE(localTimeNamesTheZoneAbbreviation) {
  NightlySchedule s = london(2, 0);
  BOOST_TEST(s.localTime(at("2026-03-29T01:00:00Z")) == "2026-03-29 02:00 BST");
  BOOST_TEST(s.localTime(at("2026-10-25T02:00:00Z")) == "2026-10-25 02:00 GMT");
}

BOOST_AUTO_TEST_SUITE_END()
