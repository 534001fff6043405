#include "engine/common/Time.h"

#include <date/tz.h>

namespace profkpi::engine {

Date ZonedTime::localDate() const {
  return date::floor<date::days>(instant + offset);
}

std::string formatDate(Date day) {
  return date::format("%F", day);
}

std::string formatInstant(Instant instant) {
  if (instant.time_since_epoch().count() % 1000 == 0) {
    return date::format("%FT%TZ", date::floor<std::chrono::seconds>(instant));
  }
  return date::format("%FT%TZ", instant);
}

Instant startOfDay(Date day, std::string_view zone) {
  const date::time_zone* tz = date::locate_zone(zone);
  auto local = date::local_days{date::year_month_day{day}};
  auto info = tz->get_info(local);
  if (info.result == date::local_info::nonexistent) {
    // Midnight was skipped; the day starts when the skipped hour ends.
    return date::floor<std::chrono::milliseconds>(info.second.begin);
  }
  return date::floor<std::chrono::milliseconds>(
      tz->to_sys(local, date::choose::earliest));
}

bool isBeforeStartOfDay(Instant instant, Date day, std::string_view zone) {
  if (instant < day - date::days{1}) return true;
  if (instant >= day + date::days{1}) return false;
  return instant < startOfDay(day, zone);
}

}  // namespace profkpi::engine
