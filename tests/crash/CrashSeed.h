// The seed of a randomised crash test: PROFKPI_CRASH_SEED when set (to replay a
// failure), else a fresh one. Printed either way, so every run can be replayed.
#ifndef PROFKPI_TESTS_CRASH_CRASHSEED_H
#define PROFKPI_TESTS_CRASH_CRASHSEED_H

#include <cstdio>
#include <cstdlib>
#include <random>
#include <string>

namespace profkpi::tests {

inline unsigned crashSeed(const char* test) {
  const char* given = std::getenv("PROFKPI_CRASH_SEED");
  unsigned seed = given != nullptr ? static_cast<unsigned>(std::strtoul(given, nullptr, 10)) : std::random_device{}();
  std::printf("%s: seed %u (replay with PROFKPI_CRASH_SEED=%u)\n", test, seed, seed);
  std::fflush(stdout);
  return seed;
}

inline bool longTests() { return std::getenv("PROFKPI_LONG_TESTS") != nullptr; }

}  // namespace profkpi::tests

#endif
