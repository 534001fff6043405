// When the nightly run is due: once per local calendar day at a wall-clock time
// (nightly.time) in an IANA time zone (nightly.timezone), from the system's
// time-zone database. Never "every 24 hours": across a clock change the runs are
// 23 or 25 hours apart. On the day a time does not exist (clocks go forward
// over it) the run is due at the first instant after the gap; on the day it
// happens twice (clocks go back) it is due at the first occurrence, once.
// Pure; immutable once built; safe to share across threads.
#ifndef PROFKPI_ENGINE_NIGHTLY_NIGHTLYSCHEDULE_H
#define PROFKPI_ENGINE_NIGHTLY_NIGHTLYSCHEDULE_H

#include "engine/common/Time.h"

#include <optional>
#include <string>
#include <string_view>

namespace date {
class time_zone;
}

namespace profkpi::engine {

struct TimeOfDay {
  int hour = 2;    // 0..23
  int minute = 0;  // 0..59

  // "HH:MM" (also "H:MM"); nothing for anything else.
  static std::optional<TimeOfDay> parse(std::string_view text);
};

class NightlySchedule {
 public:
  // Throws std::invalid_argument naming the zone when the database does not know it.
  NightlySchedule(TimeOfDay at, std::string zone);

  // The instant the run for local day `day` is due.
  Instant dueAt(Date day) const;
  // The local day whose run is the latest one due at or before `now`.
  Date dayAt(Instant now) const;

  struct Decision {
    bool due = false;  // a run should start now
    Date day;          // the local day that run stands for (dayAt(now))
    Instant next;      // when to look again: now when due, else the next due time
  };
  // `lastDay`: the local day the latest completed scheduled run stood for.
  // REQUIRES: lastDay is set; a schedule with no history is armed instead
  // (NightlyScheduler), so that installing profkpi does not count as a missed run.
  // Several missed days give one due run, for the latest of them (catch-up, once).
  Decision decide(Date lastDay, Instant now) const;

  // The wall-clock time of `instant` in the schedule's zone, "2026-03-29 02:00 BST".
  std::string localTime(Instant instant) const;

  const TimeOfDay& at() const { return _at; }
  const std::string& zone() const { return _zone; }

 private:
  TimeOfDay _at;
  std::string _zone;
  const date::time_zone* _tz;
};

}  // namespace profkpi::engine

#endif
