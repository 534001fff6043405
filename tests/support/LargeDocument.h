// Writes a valid Workforce submission of about the requested size, streaming, for
// memory and speed checks of the intake.
#ifndef PROFKPI_TESTS_SUPPORT_LARGEDOCUMENT_H
#define PROFKPI_TESTS_SUPPORT_LARGEDOCUMENT_H

#include <cstdint>
#include <string>

namespace profkpi::tests {

// Returns the number of Members written.
std::int64_t writeLargeWorkforce(const std::string& path, std::int64_t targetBytes);

}  // namespace profkpi::tests

#endif
