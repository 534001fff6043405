#include "engine/nightly/NightlyRun.h"

#include "engine/common/Counted.h"
#include "engine/common/WorkerPool.h"
#include "engine/model/ReportLanguage.h"
#include "engine/nightly/SnapshotStore.h"
#include "engine/ports/Errors.h"
#include "engine/reporting/BoardMail.h"
#include "engine/reporting/MailInLanguages.h"
#include "engine/reporting/Reports.h"

#include <algorithm>
#include <deque>
#include <exception>
#include <map>
#include <memory>

namespace profkpi::engine {

// One run's working state.
struct NightlyRun::Pass {
  Pass(const RunRequest& r, RunRecord& record, Store& snapshot, ResultsService& snapshotResults, WorkerPool& workers)
      : request(r), run(record), snapshot(snapshot), results(snapshotResults), reports(snapshot, snapshotResults),
        pool(workers), leaseRenewed(record.startedAt) {}

  const RunRequest& request;
  RunRecord& run;
  Store& snapshot;
  ResultsService& results;
  Reports reports;
  WorkerPool& pool;
  // Each period's peer statistics, built the first time a report needs them.
  std::map<std::string, PeerBenchmark> peers;
  std::size_t done = 0;
  std::size_t total = 0;
  std::vector<std::string> errors;
  Instant leaseRenewed;
  // Set when a mail failed as every later one would (no server, credentials
  // refused): the rest of this run's mails stay pending.
  std::optional<std::string> mailDown;
  // Written together at the end of each batch (one commit for many documents).
  std::vector<RunItem> items;
  std::vector<DeliveryState> states;

  const PeerBenchmark& peersOf(const Period& period) {
    auto found = peers.find(period.code());
    if (found == peers.end()) found = peers.emplace(period.code(), results.benchmark(period)).first;
    return found->second;
  }
};

// A board report on its way, in every language its organisation asks for
// (issue 25): assembled on the run's thread, rendered by the pool (unless a
// pending delivery's reports are all still in the archive).
struct NightlyRun::BoardJob {
  BoardWork work;
  // One per language, in the organisation's order (Welsh first for "cy en").
  std::vector<std::shared_ptr<const BoardReport>> reports;
  std::vector<std::string> fileNames;                 // in the archive, as `reports`
  std::optional<std::vector<std::string>> archived;  // the pending delivery's reports, as archived
  std::vector<std::future<std::string>> rendered;     // valid while the reports are being rendered
  std::exception_ptr failure;                         // what failed before rendering
};

struct NightlyRun::SectorJob {
  SectorWork work;
  std::vector<std::string> fileNames;              // one per language of the run's sector reports
  std::vector<std::future<std::string>> rendered;  // as fileNames
  std::exception_ptr failure;
  std::vector<std::pair<std::string, std::string>> openData;  // archived with the sector report
};

namespace {

// Documents finished together: one manifest update per period, one commit of
// their delivery states before any is mailed, one commit of their run items.
constexpr std::size_t BATCH = 16;

std::string describe(const std::exception_ptr& failure) {
  try {
    std::rethrow_exception(failure);
  } catch (const std::exception& e) {
    return e.what();
  } catch (...) {
    return "unknown error";
  }
}

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

// A delivery's or sector report's documents are recorded as one file-name
// field, the names separated by a space (names never hold one), in order.
std::string joinNames(const std::vector<std::string>& names, const char* separator = " ") {
  std::string joined;
  for (const std::string& name : names) joined += (joined.empty() ? "" : separator) + name;
  return joined;
}

std::size_t totalSize(const std::vector<std::string>& documents) {
  std::size_t bytes = 0;
  for (const std::string& d : documents) bytes += d.size();
  return bytes;
}

// The sector report in English, and also in every other language a registered
// organisation asks for its board report in: a Welsh council gets the sector
// comparison in Welsh as well, at the same time (Welsh Language Standards).
std::vector<std::string> sectorLanguages(const Registry& registry) {
  std::vector<std::string> languages{DEFAULT_LANGUAGE};
  for (const std::string& language : supportedLanguages()) {
    if (language == DEFAULT_LANGUAGE) continue;
    for (const Organisation& o : registry.all()) {
      const std::vector<std::string>& asked = o.reportLanguages;
      if (std::find(asked.begin(), asked.end(), language) == asked.end()) continue;
      languages.push_back(language);
      break;
    }
  }
  return languages;
}

std::string summaryLine(const RunCounts& c) {
  return counted(c.boards, "board report") + " and " + counted(c.sectors, "sector report") + " rendered, " +
         std::to_string(c.mailed) + " mailed, " + counted(c.pending, "mail") + " pending, " +
         std::to_string(c.refused) + " refused, " + counted(c.failed, "document") + " failed";
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
    // No worker threads for one: the run's thread renders as it goes.
    WorkerPool pool(_options.renderThreads > 1 ? _options.renderThreads : 0);
    Pass pass(request, run, snapshot, results, pool);
    NightlyPlan plan = request.resend ? planResend(*request.resend, pass)
                                      : planNightly(snapshot.all(), _deliveries.deliveries(), _deliveries.sectorReports());
    pass.total = pass.done + plan.boards.size() + plan.sectors.size();
    // Enough documents in flight to keep every worker busy while a batch is
    // finished, few enough to bound memory.
    const std::size_t ahead = 2 * pool.workers();
    auto stopNow = [&] { return stopped || (request.stopRequested && request.stopRequested()); };

    std::deque<BoardJob> boards;
    for (const BoardWork& work : plan.boards) {
      if ((stopped = stopNow())) break;
      boards.push_back(startBoard(pass, work));
      if (boards.size() < BATCH + ahead) continue;
      finishBoards(pass, boards, BATCH);
      keepLease(pass);
    }
    // Documents already started are finished, even when stopping.
    while (!boards.empty()) {
      finishBoards(pass, boards, BATCH);
      keepLease(pass);
    }
    const std::size_t window = std::max<std::size_t>(1, ahead);
    std::deque<SectorJob> sectors;
    for (const SectorWork& work : plan.sectors) {
      if ((stopped = stopNow())) break;
      sectors.push_back(startSector(pass, work));
      if (sectors.size() < window) continue;
      finishSector(pass, sectors.front());
      sectors.pop_front();
      flush(pass);
      keepLease(pass);
    }
    for (; !sectors.empty(); sectors.pop_front()) {
      finishSector(pass, sectors.front());
      flush(pass);
      keepLease(pass);
    }
    flush(pass);
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
  run.detail = (request.resend ? "resend of " + request.resend->organisation + " on request: " : "") + summaryLine(c);
  if (stopped) run.detail += "; stopped early, the rest is left for the next run";
  _ledger.finishRun(run);
  return summary;
}

void NightlyRun::flush(Pass& pass) {
  _deliveries.saveDeliveries(pass.states);
  pass.states.clear();
  _ledger.addItems(pass.run.id, pass.items);
  pass.items.clear();
}

void NightlyRun::note(Pass& pass, RunItem item) {
  item.at = _clock.now();
  pass.items.push_back(item);
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

NightlyRun::BoardJob NightlyRun::startBoard(Pass& pass, const BoardWork& work) {
  BoardJob job{work, {}, {}, std::nullopt, {}, nullptr};
  try {
    std::optional<Period> period = Period::parse(work.period);
    std::optional<BoardReport> report =
        period ? pass.reports.board(work.organisation, pass.peersOf(*period)) : std::nullopt;
    if (!report) throw RenderError("no current submission for " + work.period);
    const Organisation* organisation = report->results.organisation;
    const std::vector<std::string> languages =
        organisation != nullptr ? organisation->reportLanguages : std::vector<std::string>{DEFAULT_LANGUAGE};
    for (const std::string& language : languages) {
      auto inLanguage = std::make_shared<BoardReport>(*report);
      inLanguage->language = language;
      job.reports.push_back(std::move(inLanguage));
      job.fileNames.push_back(fileNameIn(language, work.organisation, _renderer.extension()));
    }
    // A pending delivery is sent as archived, unless a document has gone or
    // the organisation now asks for other languages: then all are rendered again.
    if (work.retry && work.retry->fileName == joinNames(job.fileNames)) {
      std::vector<std::string> archived;
      for (const std::string& name : job.fileNames) {
        std::optional<std::string> bytes = _archive.load(work.retry->period, name);
        if (!bytes) break;
        archived.push_back(std::move(*bytes));
      }
      if (archived.size() == job.fileNames.size()) job.archived = std::move(archived);
    }
    if (work.resend && !job.archived) {
      throw ArchiveError("the archived report " + work.period + "/" + work.retry->fileName +
                         " is missing or no longer matches its manifest: nothing resent");
    }
    if (!job.archived) {
      for (const std::shared_ptr<const BoardReport>& r : job.reports) {
        job.rendered.push_back(pass.pool.submit([this, r] { return _renderer.renderBoard(*r); }));
      }
    }
  } catch (const StoreError&) {
    throw;
  } catch (const std::exception&) {
    job.failure = std::current_exception();
  }
  return job;
}

void NightlyRun::finishBoards(Pass& pass, std::deque<BoardJob>& jobs, std::size_t count) {
  count = std::min(count, jobs.size());
  struct Finished {
    DeliveryState state;
    std::vector<std::string> documents;  // as the job's fileNames
    bool fresh = false;  // rendered now, rather than a pending delivery's archived report
    std::exception_ptr failure;
  };
  std::vector<Finished> finished(count);
  std::map<std::string, std::vector<std::size_t>> freshByPeriod;
  for (std::size_t i = 0; i < count; ++i) {
    BoardJob& job = jobs[i];
    const BoardWork& work = job.work;
    Finished& f = finished[i];
    try {
      if (job.failure) std::rethrow_exception(job.failure);
      if (work.retry) f.state = *work.retry;
      if (job.archived) {
        f.documents = std::move(*job.archived);
        continue;
      }
      // New data; or a pending report that has gone from the archive: render (again).
      f.state.organisation = work.organisation;
      f.state.period = work.period;
      f.state.dataSequence = work.dataSequence;
      f.state.status = DeliveryStatus::Pending;
      f.state.attempts = work.retry ? work.retry->attempts : 0;
      f.state.fileName = joinNames(job.fileNames);
      for (std::future<std::string>& rendered : job.rendered) f.documents.push_back(rendered.get());
      f.fresh = true;
      freshByPeriod[work.period].push_back(i);
    } catch (const StoreError&) {
      throw;
    } catch (const std::exception&) {
      // RenderError, or anything unforeseen: this organisation waits for the next run.
      f.failure = std::current_exception();
    }
  }

  // Archived, and saved before mailing: a crash from here on re-sends, never re-renders.
  std::vector<DeliveryState> archived;
  for (const auto& [period, indexes] : freshByPeriod) {
    std::vector<std::pair<std::string, std::string_view>> documents;
    std::vector<std::size_t> firstDocument;  // each organisation's first document among `documents`
    for (std::size_t i : indexes) {
      firstDocument.push_back(documents.size());
      const std::vector<std::string>& names = jobs[i].fileNames;
      for (std::size_t d = 0; d < names.size(); ++d) documents.emplace_back(names[d], finished[i].documents.at(d));
    }
    try {
      std::vector<std::string> hashes = _archive.storeAll(period, documents);
      for (std::size_t k = 0; k < indexes.size(); ++k) {
        DeliveryState& state = finished[indexes[k]].state;
        // The first language's document stands for the delivery (its Message-ID, the run's record).
        state.sha256 = hashes.at(firstDocument[k]);
        state.lastError.clear();
        state.updatedAt = _clock.now();
        state.deliveredAt.reset();
        archived.push_back(state);
      }
    } catch (const StoreError&) {
      throw;
    } catch (const std::exception&) {
      // ArchiveError: the batch's documents of this period wait for the next run.
      for (std::size_t i : indexes) finished[i].failure = std::current_exception();
    }
  }
  _deliveries.saveDeliveries(archived);

  for (std::size_t i = 0; i < count; ++i) {
    ++pass.done;
    const BoardWork& work = jobs[i].work;
    Finished& f = finished[i];
    if (f.failure) {
      ++pass.run.counts.failed;
      note(pass, RunItem{Instant{}, work.organisation, work.period, "failed", "", describe(f.failure)});
      continue;
    }
    if (f.fresh) {
      ++pass.run.counts.boards;
      note(pass, RunItem{Instant{}, work.organisation, work.period, "rendered", f.state.sha256,
                         joinNames(jobs[i].fileNames, ", ") + ", " + std::to_string(totalSize(f.documents)) + " bytes"});
    }
    deliver(pass, f.state, jobs[i].reports, f.documents, work);
  }
  flush(pass);
  jobs.erase(jobs.begin(), jobs.begin() + static_cast<std::ptrdiff_t>(count));
}

NightlyPlan NightlyRun::planResend(const ResendRequest& request, Pass& pass) {
  NightlyPlan plan;
  std::optional<DeliveryState> found;
  for (DeliveryState& state : _deliveries.deliveries()) {
    if (state.organisation == request.organisation) found = std::move(state);
  }
  std::string problem;
  BoardWork work;
  if (!found || found->sha256.empty()) {
    problem = "no board report of " + request.organisation + " has been archived by a nightly run";
  } else if (_mailer == nullptr) {
    problem = "no mail server configured (smtp.host)";
  } else if (request.period.empty() || request.period == found->period) {
    work = BoardWork{found->organisation, found->period, found->dataSequence, found, true, true};
  } else {
    // An earlier period's report, as archived; the delivery state stays the latest report's.
    std::optional<std::string> sha;
    try {
      // The first language's document stands for the delivery (DeliveryState::sha256).
      sha = _archive.recordedSha256(request.period, found->fileName.substr(0, found->fileName.find(' ')));
    } catch (const ArchiveError& e) {
      problem = e.what();
    }
    if (sha) {
      DeliveryState earlier{found->organisation, request.period, 0, found->fileName, *sha,
                            DeliveryStatus::Delivered, 0, "", _clock.now(), std::nullopt};
      work = BoardWork{found->organisation, request.period, 0, earlier, true, false};
    } else if (problem.empty()) {
      problem = "no board report of " + request.organisation + " for " + request.period + " in the archive";
    }
  }
  if (!problem.empty()) {
    ++pass.done;
    ++pass.run.counts.failed;
    note(pass, RunItem{Instant{}, request.organisation, request.period, "failed", "", "resend: " + problem});
    return plan;
  }
  plan.boards.push_back(std::move(work));
  return plan;
}

void NightlyRun::deliver(Pass& pass, DeliveryState& state, const std::vector<std::shared_ptr<const BoardReport>>& reports,
                         const std::vector<std::string>& documents, const BoardWork& work) {
  const bool resend = work.resend;
  RunItem item{Instant{}, state.organisation, state.period, "", state.sha256, ""};
  const Organisation* organisation = reports.front()->results.organisation;
  RunCounts& counts = pass.run.counts;
  bool mailed = false;
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
    mailed = true;
    // One mail whatever the languages: each language's mail (with its other
    // version, when configured), Welsh first for "cy en", made one.
    std::vector<Mail> mails;
    std::vector<std::string> languages;
    std::string notAttached;
    const std::string stem = state.organisation + "-" + state.period;
    for (std::size_t k = 0; k < reports.size(); ++k) {
      const BoardReport& report = *reports[k];
      std::vector<MailAttachment> attached{
          {fileNameIn(report.language, stem, _renderer.extension()), _renderer.mediaType(), documents.at(k)}};
      if (_options.alsoAttach != nullptr) {
        try {
          attached.push_back({fileNameIn(report.language, stem, _options.alsoAttach->extension()),
                              _options.alsoAttach->mediaType(), _options.alsoAttach->renderBoard(report)});
        } catch (const std::exception& e) {
          // The archived document matters most: it goes without the other version.
          notAttached = std::string(" (without the ") + _options.alsoAttach->extension() + " version: " + e.what() + ")";
        }
      }
      mails.push_back(boardMail(report, organisation->contact, std::move(attached), _options.publicUrl));
      languages.push_back(report.language);
    }
    Mail mail = mailInLanguages(std::move(mails));
    // Stable across retries: the languages ("cy+en") and the first document's
    // SHA-256. A resend on request is a new message: a mailbox that has the
    // first keeps it and takes this one too.
    mail.messageId = boardMessageId(state.organisation, state.period, languagesKey(languages), state.sha256);
    if (resend) mail.messageId += ".resent." + std::to_string(pass.run.id);
    item.recipient = organisation->contact;
    item.messageId = mail.messageId;
    const bool possiblySent = state.status == DeliveryStatus::Sending;
    // Recorded before the mail goes: a run that ends before the outcome is
    // recorded leaves "sending", and the next run sends the same message again.
    state.status = DeliveryStatus::Sending;
    if (work.recordDelivery) _deliveries.saveDelivery(state);
    try {
      _mailer->send(mail);
      state.status = DeliveryStatus::Delivered;
      state.deliveredAt = _clock.now();
      state.lastError.clear();
      ++counts.mailed;
      item.action = resend ? "resent" : "mailed";
      item.detail = organisation->contact + (resend ? " (sent again on request)" : "") + notAttached;
      if (possiblySent) {
        item.detail += " (sent again with the same Message-ID: the run that sent it first ended before it "
                       "recorded the outcome, so it was possibly sent)";
      }
    } catch (const DeliveryError& e) {
      state.lastError = e.what();
      item.detail = organisation->contact + ": " + e.what();
      if (e.affectsEveryMessage()) pass.mailDown = std::string(e.what());
      if (e.kind() == DeliveryError::Kind::Permanent) {
        state.status = DeliveryStatus::Refused;
        ++counts.refused;
        item.action = "refused";
      } else {
        ++state.attempts;
        bool giveUp = state.attempts >= _options.maxMailRuns;
        state.status = giveUp ? DeliveryStatus::Abandoned : DeliveryStatus::Pending;
        ++(giveUp ? counts.refused : counts.pending);
        item.action = giveUp ? "abandoned" : "pending";
      }
    }
  }
  // After a mail, at once; otherwise with the batch.
  if (work.recordDelivery && mailed) _deliveries.saveDelivery(state);
  if (work.recordDelivery && !mailed) pass.states.push_back(state);
  note(pass, item);
}

NightlyRun::SectorJob NightlyRun::startSector(Pass& pass, const SectorWork& work) {
  SectorJob job{work, {}, {}, nullptr, {}};
  try {
    std::optional<Period> period = Period::parse(work.period);
    if (!period) throw RenderError("not a period: " + work.period);
    const SectorReport report = pass.reports.sector(*period);
    for (const std::string& language : sectorLanguages(_results.registry())) {
      auto inLanguage = std::make_shared<SectorReport>(report);
      inLanguage->language = language;
      job.fileNames.push_back(fileNameIn(language, "sector", _renderer.extension()));
      job.rendered.push_back(pass.pool.submit([this, inLanguage] { return _renderer.renderSector(*inLanguage); }));
    }
    if (_options.openData != nullptr) job.openData = _options.openData->render(pass.snapshot, pass.results, *period);
  } catch (const StoreError&) {
    throw;
  } catch (const std::exception&) {
    job.failure = std::current_exception();
  }
  return job;
}

void NightlyRun::finishSector(Pass& pass, SectorJob& job) {
  ++pass.done;
  const SectorWork& work = job.work;
  RunItem item{Instant{}, "", work.period, "failed", "", ""};
  try {
    if (job.failure) std::rethrow_exception(job.failure);
    std::vector<std::string> rendered;
    for (std::future<std::string>& r : job.rendered) rendered.push_back(r.get());
    // English first: its SHA-256 stands for the sector report.
    SectorState state{work.period, work.dataSequence, joinNames(job.fileNames), "", _clock.now()};
    // The open-data files with it, in the same manifest update: a failure leaves
    // the sector report unrecorded, so the next run makes both again.
    std::vector<std::pair<std::string, std::string_view>> documents;
    for (std::size_t k = 0; k < rendered.size(); ++k) documents.emplace_back(job.fileNames[k], rendered[k]);
    for (const auto& [name, text] : job.openData) documents.emplace_back(name, text);
    state.sha256 = _archive.storeAll(work.period, documents).front();
    _deliveries.saveSectorReport(state);
    ++pass.run.counts.sectors;
    item.action = "rendered";
    item.sha256 = state.sha256;
    item.detail = joinNames(job.fileNames, ", ") + ", " + std::to_string(totalSize(rendered)) + " bytes";
    if (!job.openData.empty()) item.detail += ", with " + counted(job.openData.size(), "open-data file");
  } catch (const StoreError&) {
    throw;
  } catch (const std::exception& e) {
    ++pass.run.counts.failed;
    item.detail = e.what();
  }
  note(pass, item);
}

}  // namespace profkpi::engine
