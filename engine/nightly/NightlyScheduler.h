// Starts the nightly run when the schedule says so. Asked now and then (by the
// thread in adapters/scheduler/, or once by `profkpi nightly --scheduled`), it
// decides from the ledger's history and the clock: on its very first use it
// arms the schedule (the current day counts as served, so installing profkpi is
// not a missed run); afterwards a local day's run starts when it is due and no
// completed scheduled run has served that day; after downtime the missed run
// starts at the first poll, once. The decision is checked again under the run's
// lease, so schedulers in several processes sharing a store run once a day.
// Not thread-safe: poll from one thread.
#ifndef PROFKPI_ENGINE_NIGHTLY_NIGHTLYSCHEDULER_H
#define PROFKPI_ENGINE_NIGHTLY_NIGHTLYSCHEDULER_H

#include "engine/nightly/NightlyRun.h"
#include "engine/nightly/NightlySchedule.h"
#include "engine/nightly/RunLedger.h"
#include "engine/ports/Clock.h"

#include <chrono>
#include <optional>

namespace profkpi::engine {

// How long to wait before asking again when another process holds the lease.
inline constexpr std::chrono::seconds BUSY_RETRY{60};

struct Poll {
  std::optional<RunSummary> summary;  // when a run was attempted
  bool armed = false;                 // this poll armed the schedule
  Instant next;                       // when to poll again (may be now or past: at once)
};

class NightlyScheduler {
 public:
  // Every reference must outlive the object.
  NightlyScheduler(const NightlySchedule& schedule, RunLedger& ledger, NightlyRun& run, const Clock& clock);

  // Arms, runs or does nothing, as described above. `request` gives the holder,
  // progress and stop callbacks; its trigger and day are set here. Throws
  // StoreError (a run that fails that way is not counted: it is due again).
  Poll poll(const RunRequest& request);

 private:
  const NightlySchedule& _schedule;
  RunLedger& _ledger;
  NightlyRun& _run;
  const Clock& _clock;
};

}  // namespace profkpi::engine

#endif
