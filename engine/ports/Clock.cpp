#include "engine/ports/Clock.h"

namespace profkpi::engine {

Instant SystemClock::now() const {
  return date::floor<std::chrono::milliseconds>(std::chrono::system_clock::now());
}

}  // namespace profkpi::engine
