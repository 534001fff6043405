// The time source, a port so that rules and schedules can be tested without waiting.
// Implementations must be thread-safe.
#ifndef PROFKPI_ENGINE_PORTS_CLOCK_H
#define PROFKPI_ENGINE_PORTS_CLOCK_H

#include "engine/common/Time.h"

namespace profkpi::engine {

class Clock {
 public:
  Clock() = default;
  Clock(const Clock&) = delete;
  Clock& operator=(const Clock&) = delete;
  virtual ~Clock() = default;

  // The current instant (UTC).
  virtual Instant now() const = 0;
};

// The system's real-time clock.
class SystemClock final : public Clock {
 public:
  Instant now() const override;
};

}  // namespace profkpi::engine

#endif
