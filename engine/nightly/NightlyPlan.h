// What a nightly run has to do: the board report of every organisation whose
// current submissions changed since its report was last rendered (or whose
// mail failed for now, or was possibly sent by a run that ended while sending it), and the sector report of every period whose current
// submissions changed. Pure: the caller reads the store and the delivery log.
#ifndef PROFKPI_ENGINE_NIGHTLY_NIGHTLYPLAN_H
#define PROFKPI_ENGINE_NIGHTLY_NIGHTLYPLAN_H

#include "engine/model/SubmissionRecord.h"
#include "engine/nightly/DeliveryLog.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace profkpi::engine {

struct BoardWork {
  std::string organisation;
  std::string period;             // the organisation's latest period
  std::int64_t dataSequence = 0;  // the latest acceptance among its current submissions
  // Absent: render anew. Present: the delivery to try again (same data): a
  // pending one, or one possibly sent by a run that ended while sending it.
  std::optional<DeliveryState> retry;
  // Sent again on request (`nightly --resend`), whatever its delivery says.
  bool resend = false;
  // False for the resend of an earlier period's report: `retry` then stands
  // for that report alone, and the organisation's delivery state is left as it is.
  bool recordDelivery = true;
};

struct SectorWork {
  std::string period;
  std::int64_t dataSequence = 0;
};

struct NightlyPlan {
  std::vector<BoardWork> boards;    // by organisation
  std::vector<SectorWork> sectors;  // by period code
};

// `current`: every current submission (all organisations, all periods). An
// organisation's latest period is the one that ends last (a quarter before the
// whole year ending on the same day).
NightlyPlan planNightly(const std::vector<SubmissionRecord>& current, const std::vector<DeliveryState>& deliveries,
                        const std::vector<SectorState>& sectors);

}  // namespace profkpi::engine

#endif
