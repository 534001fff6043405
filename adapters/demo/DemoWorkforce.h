// One demo Workforce: roles and members whose counts come out at planned figures,
// with Assessment and Pdp dates inside the 12-month window, before it, and after
// the period's end (but never after the day the document is prepared, PK006).
#ifndef PROFKPI_ADAPTERS_DEMO_DEMOWORKFORCE_H
#define PROFKPI_ADAPTERS_DEMO_DEMOWORKFORCE_H

#include <cstdint>

#include "adapters/demo/DemoXml.h"
#include "engine/model/Measures.h"
#include "engine/model/Period.h"

namespace profkpi::adapters::demo {

struct WorkforcePlan {
  std::int64_t members = 0;
  std::int64_t roles = 1;        // >= 1
  std::int64_t rolesMapped = 0;  // <= roles
  std::int64_t assessed = 0;     // each <= members
  std::int64_t withPdp = 0;
  std::int64_t recognised = 0;
  // K5 to aim at: hundredths of a CPD day per FTE per year.
  std::int64_t cpdPerFteYear = 0;
};

// Fills `out.roles` and `out.members` and returns the eight measures they count to.
// Member ids, fte and recognitions are stable for one `organisationKey` across
// periods; dates and CPD vary with `periodKey`. REQUIRES: preparedOn > period.lastDay().
engine::Measures buildWorkforce(const WorkforcePlan& plan, std::uint64_t organisationKey, std::uint64_t periodKey,
                                const engine::Period& period, engine::Date preparedOn, DemoSubmission& out);

}  // namespace profkpi::adapters::demo

#endif
