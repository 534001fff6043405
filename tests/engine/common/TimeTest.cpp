#include "engine/common/Time.h"

#include <boost/test/unit_test.hpp>

#include <chrono>

using namespace profkpi::engine;

BOOST_AUTO_TEST_SUITE(TimeTest)

// The zones furthest from UTC, and ones with a clock change at midnight.
BOOST_AUTO_TEST_CASE(isBeforeStartOfDayAgreesWithTheZoneDatabase) {
  for (const char* zone : {"Pacific/Kiritimati", "Pacific/Pago_Pago", "Europe/London", "America/Havana",
                           "America/Santiago", "Asia/Tokyo", "UTC"}) {
    for (Date day : {Date{date::year{2024} / 3 / 10}, Date{date::year{2024} / 4 / 1}, Date{date::year{2024} / 9 / 8},
                     Date{date::year{2010} / 1 / 1}}) {
      Instant start = startOfDay(day, zone);
      Instant from = Instant{day} - std::chrono::hours(49);
      for (Instant t = from; t <= from + std::chrono::hours(98); t += std::chrono::minutes(30)) {
        BOOST_TEST(isBeforeStartOfDay(t, day, zone) == (t < start), zone << " " << formatDate(day) << " at "
                                                                           << formatInstant(t));
      }
      BOOST_TEST(isBeforeStartOfDay(start - std::chrono::milliseconds(1), day, zone));
      BOOST_TEST(!isBeforeStartOfDay(start, day, zone));
    }
  }
}

BOOST_AUTO_TEST_SUITE_END()
