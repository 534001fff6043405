// Whether the tests run in the sanitizer build (PROFKPI_SANITIZE: CTest sets
// PROFKPI_SANITIZED=1 there). AddressSanitizer multiplies memory (shadow memory,
// a quarantine of freed blocks) and slows code down two to five times, so the
// few tests that measure peak memory or time relax their bounds with it; every
// other assertion stays the same.
#ifndef PROFKPI_TESTS_SUPPORT_SANITIZED_H
#define PROFKPI_TESTS_SUPPORT_SANITIZED_H

#include <cstdlib>
#include <string>

namespace profkpi::tests {

inline bool sanitized() {
  const char* value = std::getenv("PROFKPI_SANITIZED");
  return value != nullptr && std::string(value) == "1";
}

// A time bound, scaled for the sanitizer build.
inline double timeBound(double seconds) { return sanitized() ? seconds * 5 : seconds; }

}  // namespace profkpi::tests

#endif
