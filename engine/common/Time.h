// Calendar dates and instants, on Howard Hinnant's date library (std::chrono based).
#ifndef PROFKPI_ENGINE_COMMON_TIME_H
#define PROFKPI_ENGINE_COMMON_TIME_H

#include <date/date.h>

#include <chrono>
#include <string>
#include <string_view>

namespace profkpi::engine {

using Date = date::sys_days;
using Instant = date::sys_time<std::chrono::milliseconds>;

// A point in time as the sender wrote it: the instant, and the offset from UTC it
// was written in, so its local calendar date can be recovered.
struct ZonedTime {
  Instant instant;
  std::chrono::minutes offset{0};

  Date localDate() const;
};

// "2009-07-01"
std::string formatDate(Date day);
// "2009-10-05T09:12:00Z" (UTC, milliseconds when not whole seconds)
std::string formatInstant(Instant instant);

// The instant at which the calendar day begins in an IANA time zone
// (e.g. "Europe/London"), from the system's time-zone database. Where midnight
// does not exist that day (a clock change at 00:00), the first instant of the day.
// Throws std::runtime_error for an unknown zone.
Instant startOfDay(Date day, std::string_view zone);

// instant < startOfDay(day, zone), decided from UTC alone when the instant is a
// day or more from the day's UTC midnight (no zone is that far from UTC): most
// callers then never load the time-zone database, whose first look-up scans
// /usr/share/zoneinfo (3-5 ms of a one-shot `profkpi validate`).
bool isBeforeStartOfDay(Instant instant, Date day, std::string_view zone);

}  // namespace profkpi::engine

#endif
