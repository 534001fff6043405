// Writes a valid Workforce submission of about the requested size, streaming, for
// memory and speed checks of the intake.
#ifndef PROFKPI_TESTS_SUPPORT_LARGEDOCUMENT_H
#define PROFKPI_TESTS_SUPPORT_LARGEDOCUMENT_H

#include <cstdint>
#include <string>

namespace profkpi::tests {

// Member ids in ascending order (as HR exports sorted by employee number come)
// or scrambled: each still unique, in no order (as ids by surname would be).
enum class MemberIdOrder { Ascending, Scrambled };

// Returns the number of Members written.
std::int64_t writeLargeWorkforce(const std::string& path, std::int64_t targetBytes,
                                 MemberIdOrder order = MemberIdOrder::Ascending);

}  // namespace profkpi::tests

#endif
