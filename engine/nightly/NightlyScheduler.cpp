#include "engine/nightly/NightlyScheduler.h"

#include <cstdio>

namespace profkpi::engine {

NightlyScheduler::NightlyScheduler(const NightlySchedule& schedule, RunLedger& ledger, NightlyRun& run,
                                   const Clock& clock)
    : _schedule(schedule), _ledger(ledger), _run(run), _clock(clock) {}

Poll NightlyScheduler::poll(const RunRequest& request) {
  Poll poll;
  Instant now = _clock.now();
  std::optional<Date> last = _ledger.lastServedDay();
  if (!last) {
    RunRecord armed;
    armed.trigger = RunTrigger::Schedule;
    armed.servedDay = _schedule.dayAt(now);
    armed.holder = request.holder;
    armed.startedAt = now;
    armed.finishedAt = now;
    armed.outcome = RunOutcome::Armed;
    Instant first = _schedule.dueAt(*armed.servedDay + date::days{1});
    char at[8];
    std::snprintf(at, sizeof at, "%02d:%02d", _schedule.at().hour % 100, _schedule.at().minute % 100);
    armed.detail = std::string("schedule armed: every day at ") + at + " " + _schedule.zone() + ", first at " +
                   _schedule.localTime(first);
    _ledger.beginRun(armed);
    poll.armed = true;
    poll.next = first;
    return poll;
  }

  NightlySchedule::Decision decision = _schedule.decide(*last, now);
  poll.next = decision.next;
  if (!decision.due) return poll;

  RunRequest scheduled = request;
  scheduled.trigger = RunTrigger::Schedule;
  scheduled.servedDay = decision.day;
  poll.summary = _run.run(scheduled);
  switch (poll.summary->result) {
    case RunSummary::Result::Busy:
      poll.next = now + BUSY_RETRY;
      break;
    case RunSummary::Result::AlreadyServed:
      poll.next = _schedule.dueAt(decision.day + date::days{1});
      break;
    case RunSummary::Result::Ran:
      // Interrupted: due again at once (the caller is stopping anyway).
      poll.next = poll.summary->run.outcome == RunOutcome::Interrupted ? _clock.now()
                                                                       : _schedule.dueAt(decision.day + date::days{1});
      break;
  }
  return poll;
}

}  // namespace profkpi::engine
