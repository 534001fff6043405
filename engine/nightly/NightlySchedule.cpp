#include "engine/nightly/NightlySchedule.h"

#include <date/tz.h>

#include <algorithm>
#include <stdexcept>

namespace profkpi::engine {

std::optional<TimeOfDay> TimeOfDay::parse(std::string_view text) {
  auto colon = text.find(':');
  if (colon == std::string_view::npos || colon == 0 || colon > 2 || text.size() - colon != 3) return std::nullopt;
  auto digits = [](std::string_view part) -> std::optional<int> {
    int value = 0;
    for (char c : part) {
      if (c < '0' || c > '9') return std::nullopt;
      value = value * 10 + (c - '0');
    }
    return value;
  };
  auto hour = digits(text.substr(0, colon));
  auto minute = digits(text.substr(colon + 1));
  if (!hour || !minute || *hour > 23 || *minute > 59) return std::nullopt;
  return TimeOfDay{*hour, *minute};
}

NightlySchedule::NightlySchedule(TimeOfDay at, std::string zone) : _at(at), _zone(std::move(zone)) {
  try {
    _tz = date::locate_zone(_zone);
  } catch (const std::runtime_error&) {
    throw std::invalid_argument("unknown time zone \"" + _zone + "\" (an IANA name such as Europe/London)");
  }
}

Instant NightlySchedule::dueAt(Date day) const {
  date::local_seconds local{(day + std::chrono::hours{_at.hour} + std::chrono::minutes{_at.minute}).time_since_epoch()};
  // choose::earliest: the first of two occurrences; a time in a gap maps to the
  // instant the gap ends (date's to_sys returns the transition for nonexistent times).
  return date::floor<std::chrono::milliseconds>(_tz->to_sys(local, date::choose::earliest));
}

Date NightlySchedule::dayAt(Instant now) const {
  Date today{date::floor<date::days>(_tz->to_local(now)).time_since_epoch()};
  return dueAt(today) <= now ? today : today - date::days{1};
}

NightlySchedule::Decision NightlySchedule::decide(Date lastDay, Instant now) const {
  Decision d;
  d.day = dayAt(now);
  d.due = lastDay < d.day;
  // A last day after today: the clock went back, or a run was made "as if" later;
  // nothing is due until the day after it.
  d.next = d.due ? now : dueAt(std::max(d.day, lastDay) + date::days{1});
  return d;
}

std::string NightlySchedule::localTime(Instant instant) const {
  return date::format("%F %H:%M %Z", date::make_zoned(_tz, date::floor<std::chrono::seconds>(instant)));
}

}  // namespace profkpi::engine
