// Slows guessing: after too many failed authentications from one address within
// a window, that address is refused (HTTP 429) until the window has passed.
// Thread-safe; memory is bounded by forgetting the oldest addresses.
#ifndef PROFKPI_ADAPTERS_AUTH_FAILURELIMITER_H
#define PROFKPI_ADAPTERS_AUTH_FAILURELIMITER_H

#include "engine/ports/Clock.h"

#include <chrono>
#include <map>
#include <mutex>
#include <string>

namespace profkpi::adapters::auth {

// Every field: meaning and default.
struct FailureLimits {
  // Failures allowed from one address within `window`. Default 10.
  int maxFailures = 10;
  // How long failures are remembered, and how long an address stays refused. Default 60 s.
  std::chrono::seconds window{60};
  // Addresses remembered at most. Default 10,000.
  std::size_t maxAddresses = 10000;
};

class FailureLimiter {
 public:
  FailureLimiter(const engine::Clock& clock, FailureLimits limits = {}) : _clock(clock), _limits(limits) {}

  // Seconds until the address may try again; 0 when it may try now.
  long blockedFor(const std::string& address);
  void recordFailure(const std::string& address);
  void recordSuccess(const std::string& address);

 private:
  struct Entry {
    int failures = 0;
    engine::Instant windowStart;
  };
  const engine::Clock& _clock;
  FailureLimits _limits;
  std::mutex _mutex;
  std::map<std::string, Entry> _entries;
};

}  // namespace profkpi::adapters::auth

#endif
