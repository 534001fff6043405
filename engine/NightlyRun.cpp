#include "engine/NightlyRun.h"

#include "engine/BoardMail.h"
#include "engine/Errors.h"
#include "engine/Reports.h"
#include "engine/SnapshotStore.h"

namespace profkpi::engine {

// One run's working state.
struct NightlyRun::Pass {
  const RunRequest& request;
  RunRecord& run;
  Reports reports;
  std::size_t done = 0;
  std::size_t total = 0;
  std::vector<std::string> errors;
  Instant leaseRenewed;
  // Set when a mail found no server: the rest of this run's mails stay pending.
  std::optional<std::string> mailDown;
};

namespace {

// Gives the lease back however the run ends. A failure to release only delays
// the next run until the lease expires.
class LeaseRelease {
 public:
  LeaseRelease(RunLedger& ledger, const std::string& holder) : _ledger(ledger), _holder(holder) {}
  ~LeaseRelease() {
    try {
      _ledger.releaseLease(_holder);
    } catch (const std::exception&) {
    }
  }
  LeaseRelease(const LeaseRelease&) = delete;
  LeaseRelease& operator=(const LeaseRelease&) = delete;

 private:
  RunLedger& _ledger;
  const std::string& _holder;
};

std::string summaryLine(const RunCounts& c) {
  return std::to_string(c.boards) + " board reports and " + std::to_string(c.sectors) + " sector reports rendered, " +
         std::to_string(c.mailed) + " mailed, " + std::to_string(c.pending) + " mails pending, " +
         std::to_string(c.refused) + " refused, " + std::to_string(c.failed) + " documents failed";
}

}  // namespace

NightlyRun::NightlyRun(Store& store, ResultsService& results, RunLedger& ledger, DeliveryLog& deliveries,
                       const ReportRenderer& renderer, ReportArchive& archive, Mailer* mailer, const Clock& clock,
                       NightlyOptions options)
    : _store(store),
      _results(results),
      _ledger(ledger),
      _deliveries(deliveries),
      _renderer(renderer),
      _archive(archive),
      _mailer(mailer),
      _clock(clock),
      _options(std::move(options)) {}

RunSummary NightlyRun::run(const RunRequest& request) {
  RunSummary summary;
  if (!_ledger.acquireLease(request.holder, _options.leaseTtl)) {
    summary.result = RunSummary::Result::Busy;
    summary.busyWith = _ledger.leaseHolder();
    return summary;
  }
  LeaseRelease release(_ledger, request.holder);
  if (request.trigger == RunTrigger::Schedule && request.servedDay) {
    // Checked under the lease: a process that waited for another's run sees it here.
    std::optional<Date> last = _ledger.lastServedDay();
    if (last && *last >= *request.servedDay) {
      summary.result = RunSummary::Result::AlreadyServed;
      return summary;
    }
  }

  RunRecord& run = summary.run;
  run.trigger = request.trigger;
  run.servedDay = request.trigger == RunTrigger::Schedule ? request.servedDay : std::nullopt;
  run.holder = request.holder;
  run.startedAt = _clock.now();
  run.id = _ledger.beginRun(run);
  bool stopped = false;
  try {
    // One read of the store for the whole run; every report sees the same data.
    SnapshotStore snapshot(_store);
    ResultsService results(snapshot, _results.calculator(), _results.registry(), _results.options());
    Pass pass{request, run, Reports(snapshot, results), 0, 0, {}, run.startedAt, std::nullopt};
    NightlyPlan plan = planNightly(snapshot.all(), _deliveries.deliveries(), _deliveries.sectorReports());
    pass.total = plan.boards.size() + plan.sectors.size();
    for (const BoardWork& work : plan.boards) {
      if (request.stopRequested && request.stopRequested()) {
        stopped = true;
        break;
      }
      board(pass, work);
      keepLease(pass);
    }
    for (const SectorWork& work : plan.sectors) {
      if (stopped || (request.stopRequested && request.stopRequested())) {
        stopped = true;
        break;
      }
      sector(pass, work);
      keepLease(pass);
    }
    summary.errors = std::move(pass.errors);
  } catch (const StoreError& e) {
    run.outcome = RunOutcome::Aborted;
    run.finishedAt = _clock.now();
    run.detail = e.what();
    try {
      _ledger.finishRun(run);
    } catch (const StoreError&) {
      // The store is gone; the run stays "running" in the history.
    }
    throw;
  }

  const RunCounts& c = run.counts;
  if (stopped) {
    run.outcome = RunOutcome::Interrupted;
  } else {
    run.outcome = c.failed + c.pending + c.refused == 0 ? RunOutcome::Succeeded : RunOutcome::Failed;
  }
  run.finishedAt = _clock.now();
  run.detail = summaryLine(c);
  if (stopped) run.detail += "; stopped early, the rest is left for the next run";
  _ledger.finishRun(run);
  return summary;
}

void NightlyRun::note(Pass& pass, RunItem item) {
  item.at = _clock.now();
  _ledger.addItem(pass.run.id, item);
  if (item.action == "failed" || item.action == "pending" || item.action == "refused" || item.action == "abandoned") {
    std::string where = item.organisation.empty() ? "sector report " + item.period : item.organisation + " " + item.period;
    pass.errors.push_back(where + ": " + item.action + ": " + item.detail);
  }
  if (pass.request.progress) pass.request.progress(RunProgress{pass.done, pass.total, &item});
}

void NightlyRun::keepLease(Pass& pass) {
  Instant now = _clock.now();
  if (now - pass.leaseRenewed < _options.leaseTtl / 4) return;
  if (!_ledger.acquireLease(pass.request.holder, _options.leaseTtl)) {
    std::optional<LeaseHolder> other = _ledger.leaseHolder();
    throw StoreError("lost the nightly lease" + (other ? " to " + other->holder : std::string()) +
                     " (a step took longer than nightly.leaseSeconds)");
  }
  pass.leaseRenewed = now;
}

void NightlyRun::board(Pass& pass, const BoardWork& work) {
  ++pass.done;
  RunItem item{Instant{}, work.organisation, work.period, "failed", "", ""};
  try {
    std::optional<Period> period = Period::parse(work.period);
    std::optional<BoardReport> report = period ? pass.reports.board(work.organisation, *period) : std::nullopt;
    if (!report) throw RenderError("no current submission for " + work.period);

    DeliveryState state;
    std::optional<std::string> bytes;
    if (work.retry) {
      state = *work.retry;
      bytes = _archive.load(state.period, state.fileName);
    }
    if (!bytes) {
      // New data; or a pending report that has gone from the archive: render (again).
      state.organisation = work.organisation;
      state.period = work.period;
      state.dataSequence = work.dataSequence;
      state.status = DeliveryStatus::Pending;
      state.attempts = work.retry ? work.retry->attempts : 0;
      bytes = archiveBoard(pass, *report, state);
      note(pass, RunItem{Instant{}, work.organisation, work.period, "rendered", state.sha256,
                         state.fileName + ", " + std::to_string(bytes->size()) + " bytes"});
    }
    deliver(pass, state, *report, *bytes);
  } catch (const StoreError&) {
    throw;
  } catch (const std::exception& e) {
    // RenderError, ArchiveError, or anything unforeseen: this organisation waits for the next run.
    ++pass.run.counts.failed;
    item.detail = e.what();
    note(pass, item);
  }
}

std::string NightlyRun::archiveBoard(Pass& pass, const BoardReport& report, DeliveryState& state) {
  std::string bytes = _renderer.renderBoard(report);
  state.fileName = report.organisationCode + "." + _renderer.extension();
  state.sha256 = _archive.store(state.period, state.fileName, bytes);
  state.lastError.clear();
  state.updatedAt = _clock.now();
  state.deliveredAt.reset();
  // Saved before mailing: a crash from here on re-sends, never re-renders.
  _deliveries.saveDelivery(state);
  ++pass.run.counts.boards;
  return bytes;
}

void NightlyRun::deliver(Pass& pass, DeliveryState& state, const BoardReport& report, const std::string& bytes) {
  RunItem item{Instant{}, state.organisation, state.period, "", state.sha256, ""};
  const Organisation* organisation = report.results.organisation;
  RunCounts& counts = pass.run.counts;
  state.updatedAt = _clock.now();
  if (_mailer == nullptr || organisation == nullptr || organisation->contact.empty()) {
    state.status = DeliveryStatus::Unmailed;
    state.lastError = _mailer == nullptr ? "no mail server configured (smtp.host)" : "no contact address in the registry";
    item.action = "unmailed";
    item.detail = state.lastError;
  } else if (pass.mailDown) {
    ++state.attempts;
    state.status = DeliveryStatus::Pending;
    state.lastError = *pass.mailDown;
    ++counts.pending;
    item.action = "pending";
    item.detail = "not tried: " + *pass.mailDown;
  } else {
    MailAttachment document{state.organisation + "-" + state.period + "." + _renderer.extension(),
                            _renderer.mediaType(), bytes};
    try {
      _mailer->send(boardMail(report, organisation->contact, std::move(document), _options.publicUrl));
      state.status = DeliveryStatus::Delivered;
      state.deliveredAt = _clock.now();
      state.lastError.clear();
      ++counts.mailed;
      item.action = "mailed";
      item.detail = organisation->contact;
    } catch (const DeliveryError& e) {
      state.lastError = e.what();
      item.detail = organisation->contact + ": " + e.what();
      if (e.kind() == DeliveryError::Kind::Permanent) {
        state.status = DeliveryStatus::Refused;
        ++counts.refused;
        item.action = "refused";
      } else {
        if (e.kind() == DeliveryError::Kind::Unreachable) pass.mailDown = std::string(e.what());
        ++state.attempts;
        bool giveUp = state.attempts >= _options.maxMailRuns;
        state.status = giveUp ? DeliveryStatus::Abandoned : DeliveryStatus::Pending;
        ++(giveUp ? counts.refused : counts.pending);
        item.action = giveUp ? "abandoned" : "pending";
      }
    }
  }
  _deliveries.saveDelivery(state);
  note(pass, item);
}

void NightlyRun::sector(Pass& pass, const SectorWork& work) {
  ++pass.done;
  RunItem item{Instant{}, "", work.period, "failed", "", ""};
  try {
    std::optional<Period> period = Period::parse(work.period);
    if (!period) throw RenderError("not a period: " + work.period);
    std::string bytes = _renderer.renderSector(pass.reports.sector(*period));
    SectorState state{work.period, work.dataSequence, "sector." + _renderer.extension(), "", _clock.now()};
    state.sha256 = _archive.store(work.period, state.fileName, bytes);
    _deliveries.saveSectorReport(state);
    ++pass.run.counts.sectors;
    item.action = "rendered";
    item.sha256 = state.sha256;
    item.detail = state.fileName + ", " + std::to_string(bytes.size()) + " bytes";
  } catch (const StoreError&) {
    throw;
  } catch (const std::exception& e) {
    ++pass.run.counts.failed;
    item.detail = e.what();
  }
  note(pass, item);
}

}  // namespace profkpi::engine
