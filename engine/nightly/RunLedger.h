// The nightly run's history and its lease (one run at a time, also across
// processes sharing a store): when each run started and ended, how it ended,
// and per organisation what it rendered and delivered. Implementations must be
// thread-safe and durable; every failure throws StoreError.
#ifndef PROFKPI_ENGINE_NIGHTLY_RUNLEDGER_H
#define PROFKPI_ENGINE_NIGHTLY_RUNLEDGER_H

#include "engine/common/Time.h"

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace profkpi::engine {

enum class RunTrigger {
  Schedule,  // the schedule's run for a local day (serve, or `nightly --scheduled`)
  Manual,    // `profkpi nightly`
};

enum class RunOutcome {
  Running,      // started, not (yet) finished; a crashed run stays so
  Succeeded,    // every document rendered and every mail delivered or recorded
  Failed,       // completed, but something failed (retried next run)
  Interrupted,  // stopped early on request (shutdown); the rest is left for the next run
  Aborted,      // stopped by an infrastructure failure (the store)
  Armed,        // not a run: the schedule's first start; days before it are not "missed"
};

// "running", "succeeded", "failed", "interrupted", "aborted", "armed"; and back.
const char* outcomeName(RunOutcome outcome);
std::optional<RunOutcome> outcomeFromName(std::string_view name);
// "schedule", "manual"; and back.
const char* triggerName(RunTrigger trigger);
std::optional<RunTrigger> triggerFromName(std::string_view name);

struct RunCounts {
  std::size_t boards = 0;   // board reports rendered and archived
  std::size_t sectors = 0;  // sector reports rendered and archived
  std::size_t mailed = 0;   // board reports delivered by mail
  std::size_t pending = 0;  // mails that failed for now; tried again next run
  std::size_t refused = 0;  // mails refused for good (or given up on)
  std::size_t failed = 0;   // documents that could not be rendered or archived
};

struct RunRecord {
  std::int64_t id = 0;  // assigned by beginRun
  RunTrigger trigger = RunTrigger::Manual;
  std::optional<Date> servedDay;  // Schedule (and Armed): the local day it stands for
  std::string holder;             // who ran it: "host:pid"
  Instant startedAt;
  std::optional<Instant> finishedAt;
  RunOutcome outcome = RunOutcome::Running;
  RunCounts counts;
  std::string detail;  // a one-line summary, or the error that stopped the run
};

// One thing a run did for an organisation (board report) or a period (sector report).
struct RunItem {
  Instant at;
  std::string organisation;  // empty for a sector report
  std::string period;
  std::string action;  // rendered, mailed, resent, pending, refused, abandoned, unmailed, failed
  std::string sha256;  // of the document concerned, when there is one
  std::string detail;  // the address, or the error
  // A mail tried: to whom, and the left part of its Message-ID (Mail::messageId).
  // Default-initialised so the items that are no mail need not name them.
  std::string recipient{};
  std::string messageId{};
};

// Which mail outcomes mailItems returns: all of them, or those of one
// organisation, one period, from one instant on.
struct MailItemQuery {
  std::string organisation;  // empty: every organisation
  std::string period;        // empty: every period
  std::optional<Instant> since;
};

// True for the actions that record a mail tried: mailed, resent, pending (when
// tried), refused, abandoned.
bool isMailAttempt(const RunItem& item);

struct LeaseHolder {
  std::string holder;
  Instant since;
  Instant expires;
};

// How a run reads in the history: its outcome's name, except that a Running
// run whose holder no longer has an unexpired lease (`lease`: the current
// holder, if any) ended without recording it (killed, or its store went away):
// "abandoned". A live run renews its lease as it goes.
std::string shownOutcome(const RunRecord& run, const std::optional<LeaseHolder>& lease);

class RunLedger {
 public:
  RunLedger() = default;
  RunLedger(const RunLedger&) = delete;
  RunLedger& operator=(const RunLedger&) = delete;
  virtual ~RunLedger() = default;

  // Takes the nightly lease for `holder`, or renews it when `holder` has it,
  // until `ttl` from now by the store's clock. False when another holder's
  // lease has not expired: then nothing changes.
  virtual bool acquireLease(const std::string& holder, std::chrono::seconds ttl) = 0;
  // The holder of an unexpired lease; nothing when the lease is free.
  virtual std::optional<LeaseHolder> leaseHolder() = 0;
  // Gives the lease up if `holder` has it; otherwise does nothing.
  virtual void releaseLease(const std::string& holder) = 0;

  // Records a new run (or an Armed marker, finished at once) and returns its id.
  virtual std::int64_t beginRun(const RunRecord& run) = 0;
  virtual void addItem(std::int64_t runId, const RunItem& item) = 0;
  // Records several items at once, in order (one commit where the back end
  // can). By default, one by one.
  virtual void addItems(std::int64_t runId, const std::vector<RunItem>& items) {
    for (const RunItem& item : items) addItem(runId, item);
  }
  // Records run.finishedAt, outcome, counts and detail for run.id.
  virtual void finishRun(const RunRecord& run) = 0;

  // The latest servedDay among Schedule runs that Succeeded or Failed and Armed
  // markers; nothing before the schedule's first start.
  virtual std::optional<Date> lastServedDay() = 0;
  // Newest first.
  virtual std::vector<RunRecord> recentRuns(std::size_t limit) = 0;
  // In the order they were added.
  virtual std::vector<RunItem> items(std::int64_t runId) = 0;
  // Every item of every run that records a mail tried (isMailAttempt) and
  // matches `query`, oldest first.
  virtual std::vector<RunItem> mailItems(const MailItemQuery& query) = 0;
};

}  // namespace profkpi::engine

#endif
