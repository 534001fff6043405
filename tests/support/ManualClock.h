// A clock the test sets.
#ifndef PROFKPI_TESTS_SUPPORT_MANUALCLOCK_H
#define PROFKPI_TESTS_SUPPORT_MANUALCLOCK_H

#include "engine/intake/Lexical.h"
#include "engine/ports/Clock.h"

#include <atomic>
#include <stdexcept>

namespace profkpi::tests {

class ManualClock final : public engine::Clock {
 public:
  explicit ManualClock(const std::string& isoDateTime = "2010-01-15T12:00:00Z") { set(isoDateTime); }
  engine::Instant now() const override { return engine::Instant{std::chrono::milliseconds{_millis.load()}}; }
  void set(const std::string& isoDateTime) {
    auto parsed = engine::lexical::zonedDateTime(isoDateTime);
    if (!parsed) throw std::invalid_argument("ManualClock: bad time " + isoDateTime);
    _millis = parsed->instant.time_since_epoch().count();
  }

 private:
  std::atomic<long long> _millis{0};
};

}  // namespace profkpi::tests

#endif
