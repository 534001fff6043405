// The nightly run: for every organisation whose current submissions changed
// since its board report was last rendered, render that report for its latest
// period in every language the organisation asks for (Organisation::
// reportLanguages: W06000001.cy.pdf beside W06000001.pdf), archive them and
// mail them, in one mail, to the organisation's contact; try again the
// mails that failed for now on an earlier run; render the sector report of
// every period whose submissions changed (in English, and in Welsh too when a
// registered organisation asks for Welsh); record all of it. A run over
// unchanged data renders nothing and sends nothing. One run at a time, across
// processes too, through the ledger's lease. The store's current submissions
// are read once per run (SnapshotStore), so every document of a run shows the
// same data, and the peer statistics are built once per period. Rendering may
// use several threads (NightlyOptions::renderThreads); archiving, mailing and
// recording stay on the calling thread, in plan order, each exactly once.
// Not thread-safe: one run per object at a time (the lease keeps other
// processes out).
#ifndef PROFKPI_ENGINE_NIGHTLY_NIGHTLYRUN_H
#define PROFKPI_ENGINE_NIGHTLY_NIGHTLYRUN_H

#include "engine/kpi/ResultsService.h"
#include "engine/nightly/DeliveryLog.h"
#include "engine/nightly/NightlyPlan.h"
#include "engine/nightly/OpenDataRenderer.h"
#include "engine/nightly/RunLedger.h"
#include "engine/ports/Clock.h"
#include "engine/ports/Mailer.h"
#include "engine/ports/ReportArchive.h"
#include "engine/ports/Store.h"
#include "engine/reporting/ReportRenderer.h"

#include <chrono>
#include <deque>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace profkpi::engine {

// Every field: meaning and default.
struct NightlyOptions {
  // The service's address as readers reach it (http.publicUrl); mails link to
  // the report there. Default empty: no link.
  std::string publicUrl;
  // How long the lease holds without renewal; a run renews it as it goes, so a
  // crashed run blocks others for at most this long. Default 10 minutes.
  std::chrono::seconds leaseTtl{600};
  // Runs on which a board report's mail may fail for now before it is given up
  // (until the organisation's data changes). Default 14.
  int maxMailRuns = 14;
  // Threads that render reports side by side while the run's own thread
  // archives and mails them, in plan order. 1 (default): the run's thread
  // renders, one document after another.
  std::size_t renderThreads = 1;
  // Writes each period's open-data files into the archive beside its sector
  // report (issue 23); must outlive the run. Default nullptr: none written.
  const OpenDataRenderer* openData = nullptr;
  // Renders each mailed board report once more, as a further attachment after
  // the archived document (mail.attachHtml: the accessible HTML); must outlive
  // the run. Default nullptr: the archived document only.
  const ReportRenderer* alsoAttach = nullptr;
};

// `nightly --resend`: one organisation's archived board report mailed again on
// purpose, and nothing else done.
struct ResendRequest {
  std::string organisation;
  // Empty: the period of its latest archived report; otherwise an earlier
  // period whose report is still in the archive.
  std::string period;
};

struct RunProgress {
  std::size_t done = 0;   // documents dealt with so far, this one included
  std::size_t total = 0;  // documents the run has to deal with
  const RunItem* item = nullptr;  // what was just done
};

struct RunRequest {
  RunTrigger trigger = RunTrigger::Manual;
  // Schedule: the local day the run stands for; a run that already served it
  // (or a later day) makes this one AlreadyServed.
  std::optional<Date> servedDay;
  // Who runs: "host:pid". Names the lease and the run.
  std::string holder;
  // Asked between documents; true ends the run early (Interrupted).
  std::function<bool()> stopRequested;
  // Told after every step (a document rendered, a mail sent or not).
  std::function<void(const RunProgress&)> progress;
  // Present: this run only resends (see ResendRequest).
  std::optional<ResendRequest> resend;
};

struct RunSummary {
  enum class Result {
    Ran,            // `run` holds the finished run
    Busy,           // another holder has the lease: nothing done
    AlreadyServed,  // a Schedule request for a day already served: nothing done
  };
  Result result = Result::Ran;
  RunRecord run;
  std::optional<LeaseHolder> busyWith;  // Busy: who has the lease, when known
  std::vector<std::string> errors;      // Ran: what failed, one line each
};

class NightlyRun {
 public:
  // Every reference must outlive the object. `mailer` nullptr: no mail is
  // configured; reports are archived only.
  NightlyRun(Store& store, ResultsService& results, RunLedger& ledger, DeliveryLog& deliveries,
             const ReportRenderer& renderer, ReportArchive& archive, Mailer* mailer, const Clock& clock,
             NightlyOptions options = {});

  // Runs once (see the file comment). A document that cannot be rendered or
  // archived, or a mail that fails, is recorded and the run goes on. Throws
  // StoreError when the store fails (after recording the run as Aborted, if
  // the store still answers) or the lease is lost to another holder.
  RunSummary run(const RunRequest& request);

 private:
  struct Pass;
  struct BoardJob;
  struct SectorJob;
  // Assembles a document on the run's thread and hands its rendering to the
  // pool; finishing it (in plan order) archives, mails and records it.
  BoardJob startBoard(Pass& pass, const BoardWork& work);
  // Finishes the first `count` jobs (fewer when there are fewer) and removes them.
  void finishBoards(Pass& pass, std::deque<BoardJob>& jobs, std::size_t count);
  SectorJob startSector(Pass& pass, const SectorWork& work);
  void finishSector(Pass& pass, SectorJob& job);
  // Mails the organisation's reports (one per language, as `documents`) in one mail.
  void deliver(Pass& pass, DeliveryState& state, const std::vector<std::shared_ptr<const BoardReport>>& reports,
               const std::vector<std::string>& documents, const BoardWork& work);
  // The plan of a resend: the organisation's archived report, or an error.
  NightlyPlan planResend(const ResendRequest& request, Pass& pass);
  // Records an item (written with the batch) and reports progress.
  void note(Pass& pass, RunItem item);
  // Writes the buffered delivery states and run items.
  void flush(Pass& pass);
  void keepLease(Pass& pass);

  Store& _store;
  ResultsService& _results;
  RunLedger& _ledger;
  DeliveryLog& _deliveries;
  const ReportRenderer& _renderer;
  ReportArchive& _archive;
  Mailer* _mailer;
  const Clock& _clock;
  NightlyOptions _options;
};

}  // namespace profkpi::engine

#endif
